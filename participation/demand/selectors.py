"""Reading the demand: what people searched for in a period, from the daily rollup only.

Every query here scans ``SearchDaily`` over the period's days (its ``demand_daily_scan``
index), groups by signature and keeps the top rows: bounded whatever the size of the raw log.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone

from .models import SearchDaily, SearchTotal

PERIODS = (7, 30, 90)
DEFAULT_PERIOD = 30
PANEL_ROWS = 50
DEFAULT_MIN_SEARCHES = 2
CANDIDATES = 1000  # largest totals whose periods are counted (see _top)

# The period the dashboard is showing. Panels are ``rows(organisation_ids)`` (the registry in
# participation/dashboard.py); the search panels read their period from here, which the
# dashboard and its CSV export set around rendering.
dashboard_period: ContextVar[int] = ContextVar("dashboard_period", default=DEFAULT_PERIOD)


@dataclass(frozen=True)
class SearchFigure:
    query: str
    filters: str
    searches: int
    last_seen: dt.date
    median_results: int = 0


def period_start(days: int, today: dt.date | None = None) -> dt.date:
    """The first day of the last ``days`` days, today included (UTC, as the log is)."""
    return (today or timezone.now().date()) - dt.timedelta(days=days - 1)


def min_searches() -> int:
    """A query is shown once this many searches asked it: one person's once-typed words (a
    name, an address) stay out of the dashboard (docs/adr/0029)."""
    return int(getattr(settings, "DEMAND_MIN_SEARCHES", DEFAULT_MIN_SEARCHES))


def _scan(days: int, zero: bool, signatures: list[str] | None) -> list[dict[str, Any]]:
    """Period counts per signature: of ``signatures`` only, or of every one (the full scan)."""
    rows = SearchDaily.objects.filter(day__gte=period_start(days))
    if zero:
        rows = rows.filter(result_count=0)
    if signatures is not None:
        rows = rows.filter(signature__in=signatures)
    grouped = rows.values("signature").annotate(total=Sum("searches"), last=Max("day"))
    grouped = grouped.filter(total__gte=min_searches()).order_by()
    if signatures is None:  # the full scan ranks in SQL; candidates are ranked in _top
        grouped = grouped.order_by("-total", "signature")[:PANEL_ROWS]
    return list(grouped)


def _top(days: int, *, zero: bool, limit: int) -> list[dict[str, Any]]:
    """The ``limit`` most searched signatures of the period (only those that found nothing
    when ``zero``), with their query, filters, count and last day.

    A signature's period count is at most its total. So the period counts of the CANDIDATES
    largest totals are exact whenever the last one kept beats the largest total left out
    (or nothing was left out, or what was left out is under the minimum); only otherwise is
    every row of the period grouped. On a long tail this reads a few thousand rows instead
    of every distinct query's days.
    """
    field = "zero_result_searches" if zero else "searches"
    floor = min_searches()
    candidates = list(
        SearchTotal.objects.filter(**{f"{field}__gte": floor})
        .order_by(f"-{field}", "signature")
        .values_list("signature", field)[:CANDIDATES]
    )
    if not candidates:
        return []
    ranked = sorted(
        _scan(days, zero, [key for key, _ in candidates]),
        key=lambda row: (-row["total"], row["signature"]),
    )[:limit]
    left_out = candidates[-1][1] if len(candidates) == CANDIDATES else 0
    exact = left_out < floor or (len(ranked) == limit and ranked[-1]["total"] > left_out)
    if not exact:
        ranked = _scan(days, zero, None)
    texts = dict(
        (key, (query, filters))
        for key, query, filters in SearchTotal.objects.filter(
            signature__in=[row["signature"] for row in ranked]
        ).values_list("signature", "query", "filters")
    )
    for row in ranked:
        row["query_text"], row["filter_text"] = texts.get(row["signature"], ("", ""))
    return sorted(ranked, key=lambda row: (-row["total"], row["query_text"], row["signature"]))


def zero_result_searches(days: int, limit: int = PANEL_ROWS) -> list[SearchFigure]:
    """The searches nothing answered, most asked first: what the catalogue lacks."""
    return [
        SearchFigure(row["query_text"], row["filter_text"], row["total"], row["last"])
        for row in _top(days, zero=True, limit=limit)
    ]


def _weighted_median(counts: list[tuple[int, int]]) -> int:
    """The median of result counts given as (result_count, searches) pairs."""
    ordered = sorted(counts)
    half, seen = sum(n for _, n in ordered) / 2, 0
    for value, n in ordered:
        seen += n
        if seen >= half:
            return value
    return 0


def frequent_searches(days: int, limit: int = PANEL_ROWS) -> list[SearchFigure]:
    """The most asked searches, with the median number of entries that answered them."""
    top = _top(days, zero=False, limit=limit)
    spread: dict[str, list[tuple[int, int]]] = defaultdict(list)
    rows = (
        SearchDaily.objects.filter(
            day__gte=period_start(days), signature__in=[row["signature"] for row in top]
        )
        .values_list("signature", "result_count")
        .annotate(n=Sum("searches"))
        .order_by()
    )
    for key, result_count, n in rows:
        spread[key].append((result_count, n))
    return [
        SearchFigure(
            row["query_text"],
            row["filter_text"],
            row["total"],
            row["last"],
            _weighted_median(spread[row["signature"]]),
        )
        for row in top
    ]
