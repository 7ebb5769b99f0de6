"""Harvest-sized batches into the embedded (database) search index: docs/s and CPU time.

A harvest re-indexes the entries it changed with ``DatabaseBackend.index_entries(ids)``. This
seeds a fresh SQLite catalogue (benchmarks/seed.py, not indexed), rebuilds the index, then
times ``index_entries`` on batches of random published entries, alternately as they are (what
``make bench-search`` times) and after changing each one's title, summary and licence (what a
harvest of changed records indexes), reporting wall and CPU time
(``time.process_time``: stable on a shared machine) and optionally a cProfile of the batches.
Target: >= 1,000 docs/s for batches of 1,000 into an index of 100,000.

    .venv/bin/python -m benchmarks.bench_db_index --entries 20000
    .venv/bin/python -m benchmarks.bench_db_index --entries 20000 --profile 25
    .venv/bin/python -m benchmarks.bench_db_index --entries 100000 --batches 3

``--keep DIR`` seeds into DIR once and reuses the seeded (and rebuilt) database afterwards,
copying it first so every run starts from the same index.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import cProfile

    from search.backends.database import DatabaseBackend

ROOT = Path(__file__).resolve().parent.parent
TARGET_DOCS_PER_S = 1000
DB_NAME = "catalogue.sqlite3"


def child(args: argparse.Namespace) -> dict[str, Any]:
    """In a fresh process whose VAR_DIR is the run's data folder."""
    import django

    django.setup()
    from django.core.management import call_command

    from catalogue.models import Entry
    from search.backends.database import DatabaseBackend

    backend = DatabaseBackend()
    out: dict[str, Any] = {"entries": args.entries}
    call_command("migrate", verbosity=0)  # a kept database may predate a new migration
    if not Entry.objects.exists():
        out.update(_seed_and_rebuild(args, backend))
    published = list(Entry.objects.published().values_list("pk", flat=True))
    rng = random.Random(args.seed)
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
    out["batches"] = _index_batches(args, backend, published, rng, profiler)
    if profiler:
        import io
        import pstats

        buffer = io.StringIO()
        pstats.Stats(profiler, stream=buffer).sort_stats("cumulative").print_stats(args.profile)
        print(buffer.getvalue(), file=sys.stderr)
    return out


def _seed_and_rebuild(args: argparse.Namespace, backend: DatabaseBackend) -> dict[str, Any]:
    """Seed an empty database and time the full index rebuild."""
    from benchmarks.seed import seed

    report = seed(args.entries, index=False, progress=False)
    out: dict[str, Any] = {"seed_s": round(report.insert_seconds, 1)}
    started, cpu = time.perf_counter(), time.process_time()
    count = backend.rebuild()
    out["rebuild_s"] = round(time.perf_counter() - started, 1)
    out["rebuild_cpu_s"] = round(time.process_time() - cpu, 1)
    out["rebuild_docs_s"] = round(count / (time.perf_counter() - started))
    out["seeded"] = True
    if args.keep:
        _save(args.keep)
    return out


def _index_batches(
    args: argparse.Namespace,
    backend: DatabaseBackend,
    published: list[int],
    rng: random.Random,
    profiler: cProfile.Profile | None,
) -> list[dict[str, Any]]:
    """Re-index random batches, every other one after a harvest-like change."""
    from catalogue.models import Licence

    licences = list(Licence.objects.values_list("pk", flat=True))
    batches = []
    for n in range(args.batches * 2):
        ids = rng.sample(published, min(args.batch, len(published)))
        changed = n % 2 == 1
        if changed:
            _change(ids, rng, licences)
        started, cpu = time.perf_counter(), time.process_time()
        if profiler:
            profiler.enable()
        backend.index_entries(ids)
        if profiler:
            profiler.disable()
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        batches.append(
            {
                "changed": changed,
                "docs": len(ids),
                "wall_s": round(wall, 3),
                "cpu_s": round(cpu, 3),
                "docs_s": round(len(ids) / wall),
            }
        )
    return batches


def _change(ids: list[int], rng: Any, licences: list[int]) -> None:
    """What a harvest changes before it re-indexes: a new title word, summary and licence."""
    from django.db import connection, transaction

    word = f"revised{rng.randrange(10**6)}"
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(
            "UPDATE catalogue_entry SET title = title || ' ' || %s, summary = %s || ' ' || summary,"
            " licence_id = %s WHERE id = %s",
            [(word, word, rng.choice(licences), entry_id) for entry_id in ids],
        )


def _save(folder: str) -> None:
    """Copy the seeded, rebuilt database (SQLite's backup API: consistent, WAL included)."""
    import sqlite3

    from django.db import connection

    Path(folder).mkdir(parents=True, exist_ok=True)
    connection.ensure_connection()
    with sqlite3.connect(Path(folder) / DB_NAME) as target:
        connection.connection.backup(target)
    target.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=1_000)
    parser.add_argument("--batches", type=int, default=3, help="of each kind")
    parser.add_argument("--seed", type=int, default=7, help="random seed for the batches")
    parser.add_argument("--profile", type=int, default=0, help="print the top N cProfile rows")
    parser.add_argument("--keep", help="seed once into this folder and reuse it")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print("RESULT " + json.dumps(child(args)), flush=True)
        return

    with tempfile.TemporaryDirectory(prefix="bench-db-index-") as scratch:
        var_dir = Path(scratch)
        kept = Path(args.keep) if args.keep else None
        if kept and (kept / DB_NAME).exists():
            shutil.copy(kept / DB_NAME, var_dir / DB_NAME)
        env = {
            **os.environ,
            "VAR_DIR": str(var_dir),
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "LOG_LEVEL": "WARNING",
        }
        env.pop("ELASTICSEARCH_URL", None)
        command = [
            sys.executable,
            "-m",
            "benchmarks.bench_db_index",
            "--child",
            "--entries",
            str(args.entries),
            "--batch",
            str(args.batch),
            "--batches",
            str(args.batches),
            "--seed",
            str(args.seed),
            "--profile",
            str(args.profile),
        ]
        if kept:
            command += ["--keep", str(kept)]
        proc = subprocess.run(  # noqa: S603
            command, env=env, stdout=subprocess.PIPE, text=True, check=True, cwd=ROOT
        )
        line = next(x for x in proc.stdout.splitlines() if x.startswith("RESULT "))
        result = json.loads(line[len("RESULT ") :])
    report(result)


def report(result: dict[str, Any]) -> None:
    print(f"\nDatabase backend: index_entries at {result['entries']:,} entries")
    if result.get("seeded"):
        print(
            f"  seeded in {result['seed_s']} s; rebuild {result['rebuild_s']} s wall, "
            f"{result['rebuild_cpu_s']} s CPU ({result['rebuild_docs_s']:,} docs/s)"
        )
    for batch in result["batches"]:
        verdict = "ok" if batch["docs_s"] >= TARGET_DOCS_PER_S else "MISSED"
        kind = "text+licence changed" if batch["changed"] else "unchanged"
        print(
            f"  {kind:>20}: {batch['docs']:,} docs in {batch['wall_s']:.2f} s wall, "
            f"{batch['cpu_s']:.2f} s CPU = {batch['docs_s']:,} docs/s "
            f"(target >= {TARGET_DOCS_PER_S:,}: {verdict})"
        )


if __name__ == "__main__":
    main()
