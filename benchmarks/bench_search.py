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
  straight to the cluster), timed interleaved with the API on the same warm node
  (search_interleaved.py), so ``API p50 - raw p50`` is our overhead (Django, labels, JSON);
  each query's first API request is reported apart from the warm medians;
- ``/api/v1/themes``: the SQL count per theme it ran on every request before (timed in the
  seeded database), and the endpoint now (a facet lookup), first request and warm median.

The Makefile starts a throw-away node and passes ``BENCH_ELASTICSEARCH_URL``; without it the
benchmark starts its own. The table and the targets are in bench_search_report.py.
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

from benchmarks.bench_search_report import report
from benchmarks.conditions import print_conditions
from benchmarks.query_mix import QUERY_MIX as BASE_QUERY_MIX
from benchmarks.search_interleaved import interleaved, warm_up

ROOT = Path(__file__).resolve().parent.parent
# The database benchmark's mix, plus misspellings (Elasticsearch corrects them).
QUERY_MIX = {
    **BASE_QUERY_MIX,
    "typo": ["q=vacination", "q=orthofoto"],
}
HARVEST_BATCH = 1000
WARM_UP_PASSES = 5
THEMES_URL = "/api/v1/themes?page_size=100"
THEMES_REPEATS = 15


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

    from benchmarks.seed import seed
    from catalogue.models.entries import Entry
    from search.es_client import EsConfig
    from search.service import get_backend

    call_command("migrate", verbosity=0)
    report = seed(entries, index=False, progress=True)
    es = get_backend()
    db = es.fallback()
    assert db is not None, "set ELASTICSEARCH_URL: the configured backend has no fallback"
    out: dict[str, Any] = {
        "entries": entries,
        "published": Entry.objects.published().count(),
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
    # The database index alone, then the cluster alone (resync writes only its own index).
    for name, index in (("database", db.index_entries), ("elasticsearch", es.resync)):
        started = time.perf_counter()
        for start in range(0, len(ids), HARVEST_BATCH):
            index(ids[start : start + HARVEST_BATCH])
        out[f"{name}_bulk_docs_s"] = round(len(ids) / (time.perf_counter() - started))
    out["themes_sql_ms"] = themes_sql_ms()
    config = EsConfig.from_settings()
    config.client().indices.refresh(index=config.alias)
    out["bodies"] = raw_bodies(config.alias)
    out["msearch_url"] = f"{config.url}/{config.alias}/_msearch"
    return out


def themes_sql_ms() -> list[float]:
    """What /api/v1/themes ran on every request before it read the index: the count of
    published entries per theme in SQL (first run, then repeats; ms)."""
    from django.db.models import Count

    from catalogue.models import Theme, published_condition

    samples = []
    for _ in range(THEMES_REPEATS + 1):
        started = time.perf_counter()
        list(
            Theme.objects.annotate(
                entry_count=Count("entries", filter=published_condition("entries__"))
            ).order_by("scheme", "code")
        )
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def themes_api_ms(url: str) -> list[float]:
    """The theme list now, over HTTP: first request, then repeats (ms)."""
    import requests

    samples = []
    with requests.Session() as session:
        for _ in range(THEMES_REPEATS + 1):
            started = time.perf_counter()
            session.get(url + THEMES_URL, timeout=60).raise_for_status()
            samples.append((time.perf_counter() - started) * 1000)
    return samples


def raw_bodies(alias: str) -> dict[str, list[dict[str, str]]]:
    """The bodies of the very _msearch the backend sends, timed by the parent right before
    the API runs (same node state), with the shard request cache allowed (as the backend
    does by default) and refused ("cold")."""
    from django.http import QueryDict
    from django.utils import timezone

    from search.faceted import CatalogueSearch, status_clock
    from search.params import parse_search_params
    from search.text_query import parse_text_query

    bodies: dict[str, list[dict[str, str]]] = {}
    for group, queries in QUERY_MIX.items():
        bodies[group] = []
        for qs in queries:
            query = parse_search_params(QueryDict(qs))
            text = parse_text_query(query.text)
            now = status_clock(timezone.now())
            pair = CatalogueSearch(query, text, index=alias, now=now, spellcheck=True)
            requests = pair.request_bodies()
            bodies[group].append(
                {
                    mode: "".join(json.dumps(x) + "\n" for b in requests for x in (params, b))
                    for mode, params in (("warm", {}), ("cold", {"request_cache": False}))
                }
            )
    return bodies


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
    print_conditions("start")

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


def run_prepare(args: argparse.Namespace, env: dict[str, str]) -> dict[str, Any]:
    """Seeding and indexing in a child process, whose settings (VAR_DIR, the index) are fresh."""
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
    return json.loads(next(x for x in proc.stdout.splitlines() if x.startswith("RESULT "))[7:])


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
    prep = run_prepare(args, env)

    latency: dict[tuple[str, int], dict[str, tuple[float, float]]] = {}
    mixed: dict[str, dict[str, Any]] = {}
    themes: dict[str, list[float]] = {"sql (before)": prep["themes_sql_ms"]}
    errors: list[str] = []
    for backend in ("database", "elasticsearch", "elasticsearch-cold"):
        server_env = dict(env)
        if backend == "database":
            server_env["ELASTICSEARCH_URL"] = ""
        if backend == "elasticsearch-cold":  # facet counts always computed, never cached
            server_env["ELASTICSEARCH_REQUEST_CACHE"] = "false"
        process, url = start_server(server_env, workers=2, threads=4)
        try:
            # The theme list first, on a server that has answered one probe search only.
            themes[f"api, {backend}"] = themes_api_ms(url)
            warm_up(url)
            mode = "cold" if backend.endswith("cold") else "warm"
            bodies = None if backend == "database" else prep
            mixed[backend] = interleaved(
                url, QUERY_MIX, bodies, mode, rounds=max(args.rounds, 5) + 1
            )
            for clients in (1, 8):
                samples, errs = load(url, clients=clients, rounds=args.rounds)
                latency[(backend, clients)] = summary(samples)
                errors += errs
                print(f"{backend} x{clients}: done", file=sys.stderr, flush=True)
        finally:
            process.terminate()
            process.wait(timeout=30)
    report(prep, latency, mixed, themes, errors)
    print_conditions("end")


if __name__ == "__main__":
    main()
