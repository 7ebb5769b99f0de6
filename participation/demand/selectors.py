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
from django.db.models import Max, Min, Q, Sum
from django.utils import timezone

from .models import SearchDaily

PERIODS = (7, 30, 90)
DEFAULT_PERIOD = 30
PANEL_ROWS = 50
DEFAULT_MIN_SEARCHES = 2

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


def _grouped(days: int, condition: Q, limit: int) -> list[dict[str, Any]]:
    return list(
        SearchDaily.objects.filter(condition, day__gte=period_start(days))
        .values("signature")
        .annotate(
            total=Sum("searches"),
            last=Max("day"),
            query_text=Min("query"),
            filter_text=Min("filters"),
        )
        .filter(total__gte=min_searches())
        .order_by("-total", "query_text", "signature")[:limit]
    )


def zero_result_searches(days: int, limit: int = PANEL_ROWS) -> list[SearchFigure]:
    """The searches nothing answered, most asked first: what the catalogue lacks."""
    return [
        SearchFigure(row["query_text"], row["filter_text"], row["total"], row["last"])
        for row in _grouped(days, Q(result_count=0), limit)
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
    top = _grouped(days, Q(), limit)
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
