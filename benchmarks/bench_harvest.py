"""`make bench-harvest`: harvest 50,000 CKAN datasets from a local CKAN API, three ways.

1. A local CKAN Action API (benchmarks/ckan_server.py, its own process) serves N datasets
   generated from the real package dicts in tests/fixtures/ckan.
2. A fresh SQLite database in a temporary VAR_DIR; one approved CKAN harvest source.
3. First harvest (everything new), then a re-harvest with nothing changed (a full listing,
   ``incremental: false``, so every record is fetched, mapped and hash-compared), then an
   incremental run (``metadata_modified`` since the last run: what a scheduled run does).
4. A plain paged fetch of the very pages the harvester fetched (``requests``, same page size,
   same keyset URLs, bodies read and discarded, nothing parsed): the honest ceiling of any
   harvest, which must fetch at least that. The first harvest is reported as a share of it.
5. ``ckanapi dump datasets --all`` against the same server, for comparison: it fetches one
   record per request (``package_show``), so it is slower than a paged fetch, and a share of
   it flatters the harvester.

Prints a table of records/s, the command and the load average, and checks the targets of
issue 3. Run it with ``make bench-harvest`` or
``python -m benchmarks.bench_harvest [--datasets N]`` (``BENCH_ARGS="--datasets 2000"``).
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.conditions import print_conditions
from benchmarks.paged_fetch import PagedFetch, paged_fetch

ROOT = Path(__file__).resolve().parent.parent
TARGET_FIRST = 500.0
TARGET_UNCHANGED = 3000.0
TARGET_BASELINE_SHARE = 0.5
CKANAPI_RUN = "ckanapi dump datasets --all"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(datasets: int, port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "benchmarks.ckan_server",
            "--datasets",
            str(datasets),
            "--port",
            str(port),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
    )
    assert process.stdout is not None
    line = process.stdout.readline().decode()
    if "CKAN API on" not in line:
        process.kill()
        raise SystemExit(f"the CKAN server did not start: {line!r}")
    return process


def setup_django(var_dir: Path) -> None:
    os.environ["VAR_DIR"] = str(var_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ["HARVEST_ALLOW_PRIVATE_ADDRESSES"] = "1"  # the server is on 127.0.0.1
    # Measure as production runs (db_worker with DEBUG off): with DEBUG on, Django also
    # formats and keeps every SQL statement, which slows a first harvest measurably.
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def timed_harvest(source_id: int, **options: object) -> tuple[float, dict[str, int], str]:
    from harvesters.models import HarvestSource
    from harvesters.services import harvest_source_run

    source = HarvestSource.objects.get(pk=source_id)
    source.options = {**source.options, **options}
    source.save(update_fields=["options"])
    started = time.perf_counter()
    job = harvest_source_run(source=source)
    elapsed = time.perf_counter() - started
    return elapsed, job.counts(), f"{job.status} {job.error[:200]}".strip()


def ckanapi_dump(port: int, out: Path) -> tuple[float, int]:
    ckanapi = Path(sys.executable).with_name("ckanapi")
    command = [
        str(ckanapi) if ckanapi.exists() else "ckanapi",
        "dump",
        "datasets",
        "--all",
        "-q",
        "-r",
        f"http://127.0.0.1:{port}",
        "-O",
        str(out),
    ]
    started = time.perf_counter()
    # ckanapi starts its workers as "ckanapi" from PATH: put this environment's first.
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL, env=env)
    elapsed = time.perf_counter() - started
    with out.open("rb") as handle:
        lines = sum(1 for _line in handle)
    return elapsed, lines


@dataclass(frozen=True)
class Run:
    """One timed run and what it reports."""

    name: str
    seconds: float
    records: int
    result: str

    @property
    def rate(self) -> float:
        return self.records / self.seconds


def create_source(port: int) -> int:
    """The approved CKAN harvest source for the local server, with its organisation."""
    from catalogue.models.organisations import Organisation
    from harvesters.models import HarvestSource

    organisation = Organisation.objects.create(
        name="Benchmark portal", slug="benchmark-portal", kind="government"
    )
    source = HarvestSource.objects.create(
        name="Local CKAN",
        slug="local-ckan",
        protocol="ckan",
        url=f"http://127.0.0.1:{port}/",
        organisation=organisation,
        approved=True,
        active=True,
        options={"incremental": False},
    )
    return source.pk


def run_harvests(source_id: int, datasets: int) -> tuple[list[Run], int]:
    """First harvest, unchanged full re-harvest, incremental run; and the entries created."""
    from catalogue.models.entries import Entry

    runs: list[Run] = []
    print("First harvest...", flush=True)
    elapsed, counts, status = timed_harvest(source_id)
    runs.append(Run("first harvest (all new)", elapsed, datasets, status))
    print(f"  {counts}", flush=True)
    entries = Entry.objects.count()
    print("Re-harvest, nothing changed (full listing)...", flush=True)
    elapsed, counts, status = timed_harvest(source_id)
    runs.append(Run("re-harvest, unchanged (full listing)", elapsed, datasets, status))
    print(f"  {counts}", flush=True)
    print("Incremental run (metadata_modified since the last run)...", flush=True)
    elapsed, counts, status = timed_harvest(source_id, incremental=True)
    fetched = sum(counts[k] for k in ("created", "updated", "unchanged", "failed"))
    runs.append(Run("incremental run, nothing changed", elapsed, fetched, status))
    print(f"  {counts}", flush=True)
    return runs, entries


def report(runs: list[Run], entries: int, ceiling: PagedFetch | None) -> None:
    """Print the table, each harvest's share of the plain paged fetch, and the targets."""
    print()
    print(f"{'run':40} {'seconds':>9} {'records/s':>10}  result")
    for run in runs:
        rate = f"{run.rate:10.0f}" if run.records else f"{'-':>10}"
        print(f"{run.name:40} {run.seconds:9.1f} {rate}  {run.records:,} records; {run.result}")
    first, unchanged = runs[0].rate, runs[1].rate
    print()
    print(f"entries in the catalogue after the first harvest: {entries:,}")
    if ceiling is not None:
        passes = ", ".join(f"{s:.2f}" for s in ceiling.seconds)
        print(
            f"plain paged fetch: {ceiling.pages} pages, {ceiling.megabytes:.0f} MB, "
            f"{len(ceiling.seconds)} passes of {passes} s (median used)"
        )
        for run in runs[:2]:
            print(f"  {run.name}: {run.rate / ceiling.rate:.1%} of the plain paged fetch")
    print_conditions("end")
    checks = [
        (f"first harvest >= {TARGET_FIRST:.0f} records/s", first >= TARGET_FIRST),
        (
            f"unchanged re-harvest >= {TARGET_UNCHANGED:.0f} records/s",
            unchanged >= TARGET_UNCHANGED,
        ),
    ]
    dump = next((r for r in runs if r.name == CKANAPI_RUN), None)
    if dump is not None:
        checks.append(
            (
                f"first harvest >= {TARGET_BASELINE_SHARE:.0%} of ckanapi dump, one request "
                f"per dataset ({first / dump.rate:.0%})",
                first >= TARGET_BASELINE_SHARE * dump.rate,
            )
        )
    for label, ok in checks:
        print(f"[{'met' if ok else 'MISSED'}] {label}")


def baselines(port: int, var_dir: Path, *, ckanapi: bool) -> tuple[list[Run], PagedFetch]:
    """The plain paged fetch (the ceiling) and, unless skipped, ``ckanapi dump``."""
    print("Plain paged fetch of the same pages (requests, no processing)...", flush=True)
    ceiling = paged_fetch(f"http://127.0.0.1:{port}/")
    runs = [
        Run(
            "plain paged fetch (ceiling)",
            ceiling.median_seconds,
            ceiling.datasets,
            f"{ceiling.pages} pages",
        )
    ]
    if ckanapi:
        print("ckanapi dump datasets --all (one request per dataset)...", flush=True)
        elapsed, dumped = ckanapi_dump(port, var_dir / "dump.jsonl")
        runs.append(Run(CKANAPI_RUN, elapsed, dumped, f"{dumped} dumped"))
    return runs, ceiling


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--datasets", type=int, default=50_000)
    parser.add_argument(
        "--skip-baseline", action="store_true", help="skip ckanapi dump (the paged fetch runs)"
    )
    args = parser.parse_args()
    print_conditions("start")
    var_dir = Path(tempfile.mkdtemp(prefix="bench-harvest-"))
    port = free_port()
    print(
        f"Starting a local CKAN API with {args.datasets:,} datasets on port {port}...", flush=True
    )
    server = start_server(args.datasets, port)
    try:
        setup_django(var_dir)
        runs, entries = run_harvests(create_source(port), args.datasets)
        fetched, ceiling = baselines(port, var_dir, ckanapi=not args.skip_baseline)
        runs += fetched
    finally:
        server.terminate()
        server.wait(timeout=10)
    report(runs, entries, ceiling)
    shutil.rmtree(var_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
