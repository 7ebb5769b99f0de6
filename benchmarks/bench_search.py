"""`make bench-search`: both search backends side by side at 100,000 entries.

A fresh SQLite catalogue is seeded in bulk (benchmarks/seed.py: public-sector vocabulary with a
Zipf word distribution, "data" in ~80% of entries, "public" in ~55%), then for the database
backend and for Elasticsearch it measures:

- bulk indexing, as a harvest does it: batches of 1,000 changed entries (docs/s);
- a full rebuild of the index from the database (seconds, docs/s);
- latency of the JSON search API (``/api/v1/search``) served by gunicorn on 127.0.0.1 over
  real HTTP, with 1 and 8 concurrent clients (p50/p95), over a query mix of broad words,
  selective words, phrases, filters and typos;
- for Elasticsearch, the raw query time of the very request the backend sends (same body,
  straight to the cluster), so ``API p50 - raw p50`` is our overhead (Django, labels, JSON).

The Makefile starts a throw-away node and passes ``BENCH_ELASTICSEARCH_URL``; without it the
benchmark starts its own. Targets (issue 4): indexing >= 3,000 docs/s; Elasticsearch API p95
<= 50 ms for one client; overhead <= 15 ms.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
QUERY_MIX = {
    "broad": ["q=data", "q=public", "q=open+data", "q=data&sort=newest", "q=public&page=3"],
    "selective": ["q=cadastre", "q=vaccination", "q=orthophoto+imagery", "q=refugee"],
    "phrase": ['q="air+quality"', 'q="bus+route"', 'q="public+data"'],
    "filters only": [
        "type=dataset",
        "type=api&authentication=none",
        "format=CSV",
        "theme=transport&type=dataset",
        "challenge_status=open",
        "sort=title",
    ],
    "broad + filters": [
        "q=data&type=dataset&format=CSV",
        "q=public&theme=health",
        "q=data&organisation_kind=government&country=FR",
    ],
    "typo": ["q=vacination", "q=orthofoto"],
}
TARGET_DOCS_PER_S = 3000
TARGET_P95_MS = 50
TARGET_OVERHEAD_MS = 15
HARVEST_BATCH = 1000
WARM_UP_PASSES = 5


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    index = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# ---------------------------------------------------------------------- in the child process
def prepare(entries: int, harvest_sample: int) -> dict[str, Any]:
    """Seed, then time bulk indexing, rebuilds and raw Elasticsearch queries."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.http import QueryDict
    from django.utils import timezone

    from benchmarks.seed import seed
    from catalogue.models import Entry
    from search.backends import get_backend
    from search.backends.database import DatabaseBackend
    from search.backends.elasticsearch import ElasticsearchBackend
    from search.faceted import CatalogueSearch, status_clock
    from search.params import parse_search_params
    from search.text_query import parse_text_query

    call_command("migrate", verbosity=0)
    report = seed(entries, index=False, progress=True)
    es = get_backend()
    assert isinstance(es, ElasticsearchBackend), "set ELASTICSEARCH_URL"
    db = es.fallback
    assert isinstance(db, DatabaseBackend)
    published = Entry.objects.published().count()
    out: dict[str, Any] = {
        "entries": entries,
        "published": published,
        "seed_s": round(report.insert_seconds, 1),
    }

    # A fresh JVM interprets, then compiles, its indexing code during its first minute of
    # work; a node that serves a catalogue has long done so. One untimed build warms it.
    es.rebuild()
    for name, rebuild in (("database", db.rebuild), ("elasticsearch", es.rebuild)):
        started = time.perf_counter()
        count = rebuild()
        elapsed = time.perf_counter() - started
        out[f"{name}_rebuild_s"] = round(elapsed, 1)
        out[f"{name}_rebuild_docs_s"] = round(count / elapsed)
        print(f"{name}: rebuilt {count} in {elapsed:.1f}s", file=sys.stderr, flush=True)

    ids = list(
        Entry.objects.published().order_by("?").values_list("pk", flat=True)[:harvest_sample]
    )
    for name, index in (("database", db.index_entries), ("elasticsearch", es.sync)):
        started = time.perf_counter()
        for start in range(0, len(ids), HARVEST_BATCH):
            index(ids[start : start + HARVEST_BATCH])
        elapsed = time.perf_counter() - started
        out[f"{name}_bulk_docs_s"] = round(len(ids) / elapsed)
    es.client.indices.refresh(index=es.alias)

    # Raw Elasticsearch: the bodies of the very _msearch the backend sends, timed by the
    # parent right before the API runs (same node state), with the shard request cache
    # allowed (as the backend does by default) and refused ("cold").
    bodies: dict[str, list[dict[str, str]]] = {}
    for group, queries in QUERY_MIX.items():
        bodies[group] = []
        for qs in queries:
            query = parse_search_params(QueryDict(qs))
            text = parse_text_query(query.text)
            now = status_clock(timezone.now())
            pair = CatalogueSearch(
                query, text, index=es.alias, now=now, spellcheck=True
            ).request_bodies()
            bodies[group].append(
                {
                    mode: "".join(json.dumps(x) + "\n" for b in pair for x in (params, b))
                    for mode, params in (("warm", {}), ("cold", {"request_cache": False}))
                }
            )
    out["bodies"] = bodies
    out["msearch_url"] = f"{es.config.url}/{es.alias}/_msearch"
    return out


# ---------------------------------------------------------------------- HTTP load
def start_server(env: dict[str, str], *, workers: int, threads: int) -> tuple[Any, str]:
    port = free_port()
    process = subprocess.Popen(  # noqa: S603
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "portal.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--worker-class",
            "gthread",
            "--log-level",
            "warning",
            "--timeout",
            "120",
        ],
        env=env,
        cwd=ROOT,
    )
    url = f"http://127.0.0.1:{port}"
    import requests

    for _ in range(120):
        try:
            if requests.get(f"{url}/api/v1/search?page_size=1", timeout=5).status_code == 200:
                return process, url
        except requests.RequestException:
            pass
        time.sleep(0.5)
    process.terminate()
    raise SystemExit("gunicorn did not start")


def load(url: str, *, clients: int, rounds: int) -> tuple[dict[str, list[float]], list[str]]:
    """Each client runs the whole mix ``rounds`` times; latencies in ms per query group."""
    import requests

    samples: dict[str, list[float]] = {group: [] for group in QUERY_MIX}
    errors: list[str] = []
    lock = threading.Lock()
    mix = [(group, qs) for group, queries in QUERY_MIX.items() for qs in queries]

    def client(offset: int) -> None:
        session = requests.Session()
        for _ in range(rounds):
            for i in range(len(mix)):
                group, qs = mix[(i + offset) % len(mix)]
                started = time.perf_counter()
                response = session.get(f"{url}/api/v1/search?{qs}", timeout=120)
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    samples[group].append(elapsed)
                    if response.status_code != 200:
                        errors.append(f"{qs}: {response.status_code}")

    # Warm every worker's caches, and the node's JIT: a freshly started JVM runs its search
    # code interpreted for the first few hundred requests, which no production node does.
    for _ in range(WARM_UP_PASSES):
        for _group, qs in mix:
            requests.get(f"{url}/api/v1/search?{qs}", timeout=120)
    threads = [threading.Thread(target=client, args=(n * 3,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return samples, errors


def raw_elasticsearch(prep: dict[str, Any], mode: str, *, rounds: int) -> dict[str, Any]:
    """The backend's own _msearch bodies sent straight to the node: latency and ``took``."""
    import requests

    session = requests.Session()
    headers = {"content-type": "application/x-ndjson"}
    samples: dict[str, list[float]] = {}
    took: list[float] = []
    for group, pairs in prep["bodies"].items():
        samples[group] = []
        for pair in pairs:
            body = pair[mode]
            for _ in range(WARM_UP_PASSES):
                session.post(prep["msearch_url"], data=body, headers=headers, timeout=30)
            for _ in range(rounds):
                started = time.perf_counter()
                response = session.post(prep["msearch_url"], data=body, headers=headers, timeout=30)
                samples[group].append((time.perf_counter() - started) * 1000)
                took.append(float(max(r["took"] for r in response.json()["responses"])))
    return {"samples": samples, "took_p50": statistics.median(took)}


def summary(samples: dict[str, list[float]]) -> dict[str, tuple[float, float]]:
    rows = {g: (statistics.median(s), percentile(s, 95)) for g, s in samples.items() if s}
    every = [x for s in samples.values() for x in s]
    rows["all"] = (statistics.median(every), percentile(every, 95))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--harvest-sample", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=4, help="mix repetitions per client")
    parser.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        result = prepare(args.entries, min(args.harvest_sample, args.entries))
        print("RESULT " + json.dumps(result), flush=True)
        return

    node = None
    es_url = os.environ.get("BENCH_ELASTICSEARCH_URL", "")
    if not es_url:
        script = ROOT / "scripts" / "elasticsearch.py"
        spec = importlib.util.spec_from_file_location("es_node", script)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up while it loads
        spec.loader.exec_module(module)
        node = module.start(heap="1g")
        es_url = node.url
    try:
        with tempfile.TemporaryDirectory(prefix="bench-es-") as var_dir:
            run(args, es_url, var_dir)
    finally:
        if node:
            node.stop()


def run(args: argparse.Namespace, es_url: str, var_dir: str) -> None:
    env = {
        **os.environ,
        "VAR_DIR": var_dir,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "LOG_LEVEL": "WARNING",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "API_RATE_LIMIT": "off",
        "ELASTICSEARCH_URL": es_url,
        "ELASTICSEARCH_INDEX_PREFIX": f"bench-{secrets.token_hex(4)}",
    }
    proc = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "-m",
            "benchmarks.bench_search",
            "--prepare",
            "--entries",
            str(args.entries),
            "--harvest-sample",
            str(args.harvest_sample),
        ],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
        check=True,
        cwd=ROOT,
    )
    prep = json.loads(next(x for x in proc.stdout.splitlines() if x.startswith("RESULT "))[7:])

    latency: dict[tuple[str, int], dict[str, tuple[float, float]]] = {}
    raw: dict[str, dict[str, Any]] = {}
    errors: list[str] = []
    for backend in ("database", "elasticsearch", "elasticsearch-cold"):
        server_env = dict(env)
        if backend == "database":
            server_env["ELASTICSEARCH_URL"] = ""
        if backend == "elasticsearch-cold":  # facet counts always computed, never cached
            server_env["ELASTICSEARCH_REQUEST_CACHE"] = "false"
        process, url = start_server(server_env, workers=2, threads=4)
        try:
            if backend != "database":
                mode = "cold" if backend.endswith("cold") else "warm"
                raw[mode] = raw_elasticsearch(prep, mode, rounds=max(args.rounds, 5))
            for clients in (1, 8):
                samples, errs = load(url, clients=clients, rounds=args.rounds)
                latency[(backend, clients)] = summary(samples)
                errors += errs
                print(f"{backend} x{clients}: done", file=sys.stderr, flush=True)
        finally:
            process.terminate()
            process.wait(timeout=30)
    report(prep, latency, raw, errors)


def report(
    prep: dict[str, Any], latency: dict[Any, Any], raw_runs: dict[str, Any], errors: list[str]
) -> None:
    def ok(value: float, target: float, *, higher: bool = False) -> str:
        good = value >= target if higher else value <= target
        return "ok" if good else "MISSED"

    print(
        f"\nSearch backends at {prep['entries']:,} entries ({prep['published']:,} published; "
        f"seeded in {prep['seed_s']} s). Latency in ms, HTTP via gunicorn on 127.0.0.1.\n"
    )
    print(f"{'':<42} | {'database':>12} | {'elasticsearch':>13}")
    print("-" * 74)
    for label, key in (
        ("bulk indexing, batches of 1,000 (docs/s)", "bulk_docs_s"),
        ("full rebuild (s)", "rebuild_s"),
        ("full rebuild (docs/s)", "rebuild_docs_s"),
    ):
        db_value, es_value = prep["database_" + key], prep["elasticsearch_" + key]
        print(f"{label:<42} | {db_value:>12,} | {es_value:>13,}")
    print(
        f"\n{'API /api/v1/search':<22} | {'clients':>7} | {'db p50':>7} | {'db p95':>7} | "
        f"{'es p50':>7} | {'es p95':>7} | {'raw p50':>7} | {'cold p50':>8} | "
        f"{'cold p95':>8} | {'raw cold':>8}"
    )
    print("-" * 104)

    def medians(samples: dict[str, list[float]]) -> dict[str, float]:
        out = {g: statistics.median(s) for g, s in samples.items()}
        out["all"] = statistics.median([x for s in samples.values() for x in s])
        return out

    raw = medians(raw_runs["warm"]["samples"])
    raw_cold = medians(raw_runs["cold"]["samples"])
    for clients in (1, 8):
        db, es = latency[("database", clients)], latency[("elasticsearch", clients)]
        cold = latency[("elasticsearch-cold", clients)]
        for group in [*QUERY_MIX, "all"]:
            one = clients == 1
            raw_cell = f"{raw[group]:7.1f}" if one else f"{'':>7}"
            cold_cell = f"{raw_cold[group]:8.1f}" if one else f"{'':>8}"
            print(
                f"{group:<22} | {clients:>7} | {db[group][0]:7.1f} | {db[group][1]:7.1f} | "
                f"{es[group][0]:7.1f} | {es[group][1]:7.1f} | {raw_cell} | "
                f"{cold[group][0]:8.1f} | {cold[group][1]:8.1f} | {cold_cell}"
            )
        print("-" * 104)
    es1 = latency[("elasticsearch", 1)]["all"]
    cold1 = latency[("elasticsearch-cold", 1)]["all"]
    overhead = es1[0] - raw["all"]
    overhead_cold = cold1[0] - raw_cold["all"]
    indexing = min(prep["elasticsearch_bulk_docs_s"], prep["elasticsearch_rebuild_docs_s"])
    print("\n'cold': ELASTICSEARCH_REQUEST_CACHE=false, every facet count computed afresh.")
    print("\nTargets (issue 4):")
    print(
        f"  Elasticsearch indexing >= {TARGET_DOCS_PER_S:,} docs/s: {indexing:,} "
        f"{ok(indexing, TARGET_DOCS_PER_S, higher=True)}"
    )
    print(
        f"  Elasticsearch API p95, one client <= {TARGET_P95_MS} ms: {es1[1]:.1f} "
        f"{ok(es1[1], TARGET_P95_MS)} (cold: {cold1[1]:.1f} {ok(cold1[1], TARGET_P95_MS)})"
    )
    print(
        f"  overhead over raw Elasticsearch (p50) <= {TARGET_OVERHEAD_MS} ms: {overhead:.1f} "
        f"{ok(overhead, TARGET_OVERHEAD_MS)} (cold: {overhead_cold:.1f} "
        f"{ok(overhead_cold, TARGET_OVERHEAD_MS)}); Elasticsearch's own 'took' p50: "
        f"{raw_runs['warm']['took_p50']:.0f} ms, cold {raw_runs['cold']['took_p50']:.0f} ms"
    )
    if errors:
        print(f"\n{len(errors)} non-200 answers, e.g. {errors[:5]}")


if __name__ == "__main__":
    main()
