"""Raw Elasticsearch and the API, timed interleaved on the same warm node (make bench-search).

The overhead of the API over Elasticsearch is a difference of two small numbers, so both must
be measured under the same conditions: the same node, warmed the same way, at the same time.
Timing every raw query first and the API later compares a colder node with a warmer one (the
"overhead" came out negative). Here, after a warm-up on queries outside the mix (the JVM's
JIT and the gunicorn workers warm, the mix's own caches still empty), each query of the mix
is sent raw and through the API alternately, for several rounds, the order swapped each
round. The first API request of each query is reported apart (a query nobody asked since the
last index change); the warm figures are the medians of the later rounds.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

import requests

# Not in the mix: the shard request cache keys on the exact body, so these warm the node and
# the workers without answering any measured query from a cache.
WARM_UP_QUERIES = [
    "q=road",
    "q=school+energy",
    'q="water+quality"',
    "type=project",
    "format=JSON&type=dataset",
    "q=budget&theme=economy",
    "sort=newest&page=2",
]
WARM_UP_PASSES = 5
HEADERS = {"content-type": "application/x-ndjson"}


def warm_up(url: str) -> None:
    """Warm the JVM and every gunicorn worker on queries the measurement never sends."""
    with requests.Session() as session:
        for _ in range(WARM_UP_PASSES):
            for qs in WARM_UP_QUERIES:
                session.get(f"{url}/api/v1/search?{qs}", timeout=120)


def _timed(call: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    response = call()
    return (time.perf_counter() - started) * 1000, response


def interleaved(
    url: str, mix: dict[str, list[str]], prep: dict[str, Any] | None, mode: str, *, rounds: int
) -> dict[str, Any]:
    """Per query: the API's first request, then API and raw medians over the later rounds.

    ``prep`` holds the raw ``_msearch`` bodies (None on the database backend: API only).
    ``mode`` is "warm" (the shard request cache allowed) or "cold" (refused).
    """
    api = requests.Session()
    raw = requests.Session()
    queries = [(g, i, qs) for g, group in mix.items() for i, qs in enumerate(group)]
    out: dict[str, Any] = {"first": {}, "api": {}, "raw": {}, "took": []}
    for number in range(rounds):
        for group, index, qs in queries:

            def ask_api(qs: str = qs) -> Any:
                return api.get(f"{url}/api/v1/search?{qs}", timeout=120)

            calls: list[tuple[str, Callable[[], Any]]] = [("api", ask_api)]
            if prep is not None:
                body = prep["bodies"][group][index][mode]

                def ask_raw(body: str = body) -> Any:
                    return raw.post(prep["msearch_url"], data=body, headers=HEADERS, timeout=30)

                # The API goes first in round 0 (its first request is the one reported),
                # then the order alternates so neither side warms the other's caches.
                calls.append(("raw", ask_raw))
                if number % 2:
                    calls.reverse()
            for side, call in calls:
                elapsed, response = _timed(call)
                if number == 0 and side == "api":
                    out["first"][qs] = elapsed
                elif number > 0:
                    out[side].setdefault(group, {}).setdefault(qs, []).append(elapsed)
                    if side == "raw":
                        out["took"].append(max(r["took"] for r in response.json()["responses"]))
    return out


def medians_by_query(samples: dict[str, dict[str, list[float]]]) -> dict[str, float]:
    return {qs: statistics.median(s) for queries in samples.values() for qs, s in queries.items()}


def medians_by_group(samples: dict[str, dict[str, list[float]]]) -> dict[str, float]:
    """The median of each group's samples, and of all of them under "all"."""
    out = {
        group: statistics.median([x for s in queries.values() for x in s])
        for group, queries in samples.items()
    }
    every = [x for queries in samples.values() for s in queries.values() for x in s]
    if every:
        out["all"] = statistics.median(every)
    return out
