"""`make bench`: faceted search and listing latency on the embedded (database) backend.

For each catalogue size, a fresh SQLite database is seeded in bulk (benchmarks/seed.py), then
a query mix runs through the real views (Django's test client: the full request, view, search
and template stack, minus the network): broad words matching more than half of the entries,
selective words, phrases, filter-only browsing, broad words with filters, and a listing page.
Each size runs in its own process so settings (VAR_DIR) are fresh.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.query_mix import QUERY_MIX

LISTING = ["/datasets/", "/apis/?page=2", "/challenges/", "/ppp-projects/?page=5"]
REPEATS = 5


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    index = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def run_size(entries: int) -> dict:
    """In a child process: migrate a fresh database, seed it, time the mix."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from benchmarks.seed import seed

    call_command("migrate", verbosity=0)
    report = seed(entries, progress=True)
    client = Client()
    results: dict[str, dict[str, float]] = {}
    errors = []

    def timed(url: str) -> float:
        started = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            errors.append(f"{url}: {response.status_code}")
        return elapsed

    all_search: list[float] = []
    for group, queries in QUERY_MIX.items():
        samples = []
        for q in queries:
            timed(f"/search/?{q}")  # warm-up
            samples += [timed(f"/search/?{q}") for _ in range(REPEATS)]
        all_search += samples
        results[group] = {"p50": statistics.median(samples), "p95": percentile(samples, 95)}
    results["all searches"] = {
        "p50": statistics.median(all_search),
        "p95": percentile(all_search, 95),
    }
    listing: list[float] = []
    for url in LISTING:
        timed(url)
        listing += [timed(url) for _ in range(REPEATS)]
    results["listing page"] = {"p50": statistics.median(listing), "p95": percentile(listing, 95)}
    return {
        "entries": entries,
        "seed_insert_s": round(report.insert_seconds, 1),
        "seed_index_s": round(report.index_seconds, 1),
        "results": results,
        "errors": errors[:10],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print("RESULT " + json.dumps(run_size(args.child)), flush=True)
        return
    targets = {10_000: 150, 100_000: 500}
    rows = []
    for size in [int(s) for s in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory(prefix="bench-search-") as var_dir:
            env = {
                **os.environ,
                "VAR_DIR": var_dir,
                "DJANGO_SETTINGS_MODULE": "portal.settings",
                "LOG_LEVEL": "WARNING",
            }
            env.pop("ELASTICSEARCH_URL", None)
            proc = subprocess.run(
                [sys.executable, "-m", "benchmarks.search_db", "--child", str(size)],
                env=env,
                stdout=subprocess.PIPE,
                text=True,
                check=True,
                cwd=Path(__file__).resolve().parent.parent,
            )
            line = next(x for x in proc.stdout.splitlines() if x.startswith("RESULT "))
            rows.append(json.loads(line[len("RESULT ") :]))
    print("\nDatabase backend (SQLite FTS5), latency in ms through the real views")
    print(f"{'entries':>8} | {'query group':<16} | {'p50':>7} | {'p95':>7} | target p95")
    print("-" * 62)
    for row in rows:
        for group, figures in row["results"].items():
            target = targets.get(row["entries"]) if group != "listing page" else None
            verdict = "ok" if target and figures["p95"] <= target else "MISSED"
            flag = "" if target is None else f"≤ {target} {verdict}"
            print(
                f"{row['entries']:>8} | {group:<16} | {figures['p50']:7.1f} | "
                f"{figures['p95']:7.1f} | {flag}"
            )
        print(f"{'':>8} | seeded in {row['seed_insert_s']} s, indexed in {row['seed_index_s']} s")
        if row["errors"]:
            print("  errors:", row["errors"])


if __name__ == "__main__":
    main()
