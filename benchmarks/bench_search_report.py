"""The table ``make bench-search`` prints (benchmarks/bench_search.py measures), and its targets.

Targets (issue 4): indexing >= 3,000 docs/s; Elasticsearch API p95 <= 50 ms for one client;
overhead over the raw Elasticsearch request <= 15 ms.
"""

from __future__ import annotations

import statistics
from typing import Any

TARGET_DOCS_PER_S = 3000
TARGET_P95_MS = 50
TARGET_OVERHEAD_MS = 15
Latency = dict[tuple[str, int], dict[str, tuple[float, float]]]


def ok(value: float, target: float, *, higher: bool = False) -> str:
    good = value >= target if higher else value <= target
    return "ok" if good else "MISSED"


def medians(samples: dict[str, list[float]]) -> dict[str, float]:
    out = {g: statistics.median(s) for g, s in samples.items()}
    out["all"] = statistics.median([x for s in samples.values() for x in s])
    return out


def report(
    prep: dict[str, Any], latency: Latency, raw_runs: dict[str, Any], errors: list[str]
) -> None:
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
    raw = medians(raw_runs["warm"]["samples"])
    raw_cold = medians(raw_runs["cold"]["samples"])
    latency_table(latency, raw, raw_cold)
    targets(prep, latency, raw_runs, raw["all"], raw_cold["all"])
    if errors:
        print(f"\n{len(errors)} non-200 answers, e.g. {errors[:5]}")


def latency_table(latency: Latency, raw: dict[str, float], raw_cold: dict[str, float]) -> None:
    print(
        f"\n{'API /api/v1/search':<22} | {'clients':>7} | {'db p50':>7} | {'db p95':>7} | "
        f"{'es p50':>7} | {'es p95':>7} | {'raw p50':>7} | {'cold p50':>8} | "
        f"{'cold p95':>8} | {'raw cold':>8}"
    )
    print("-" * 104)
    for clients in (1, 8):
        db, es = latency[("database", clients)], latency[("elasticsearch", clients)]
        cold = latency[("elasticsearch-cold", clients)]
        for group in db:  # the query groups, then "all"
            one = clients == 1
            raw_cell = f"{raw[group]:7.1f}" if one else f"{'':>7}"
            cold_cell = f"{raw_cold[group]:8.1f}" if one else f"{'':>8}"
            print(
                f"{group:<22} | {clients:>7} | {db[group][0]:7.1f} | {db[group][1]:7.1f} | "
                f"{es[group][0]:7.1f} | {es[group][1]:7.1f} | {raw_cell} | "
                f"{cold[group][0]:8.1f} | {cold[group][1]:8.1f} | {cold_cell}"
            )
        print("-" * 104)


def targets(
    prep: dict[str, Any],
    latency: Latency,
    raw_runs: dict[str, Any],
    raw_p50: float,
    raw_cold_p50: float,
) -> None:
    es1 = latency[("elasticsearch", 1)]["all"]
    cold1 = latency[("elasticsearch-cold", 1)]["all"]
    overhead = es1[0] - raw_p50
    overhead_cold = cold1[0] - raw_cold_p50
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
