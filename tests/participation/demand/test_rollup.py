"""The daily counts agree with the raw log, and retention deletes what is past it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command

from participation.demand import selectors
from participation.demand.models import SearchDaily, SearchLog
from participation.demand.services import log_search, rebuild_daily

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 5, 20, 14, 37, tzinfo=dt.UTC)


def _counts() -> set[tuple[dt.date, str, str, int, int]]:
    return set(
        SearchDaily.objects.values_list("day", "query", "filters", "result_count", "searches")
    )


def test_upserts_count_by_day_query_filters_and_results() -> None:
    for _ in range(3):
        log_search(query="Air Quality", filters={}, result_count=4, source="page", now=NOW)
    log_search(query="air   quality", filters={}, result_count=0, source="api", now=NOW)
    log_search(
        query="air quality",
        filters={"theme": ["envi", "envi"], "country": ["FR"]},
        result_count=1,
        source="page",
        now=NOW,
    )
    log_search(
        query="air quality", filters={}, result_count=4, source="page", now=NOW + dt.timedelta(1)
    )
    assert SearchLog.objects.count() == 6
    day, next_day = NOW.date(), NOW.date() + dt.timedelta(1)
    assert _counts() == {
        (day, "air quality", "", 4, 3),
        (day, "air quality", "", 0, 1),
        (day, "air quality", '{"country":["FR"],"theme":["envi"]}', 1, 1),
        (next_day, "air quality", "", 4, 1),
    }
    upserted = _counts()
    assert rebuild_daily() == 4
    assert _counts() == upserted  # recounting from the raw log gives the same rows


def test_selectors_sum_the_period_with_exact_medians(settings: object) -> None:
    today = dt.datetime.now(dt.UTC)
    for results, times in ((10, 3), (2, 2)):
        for _ in range(times):
            log_search(query="ferries", filters={}, result_count=results, source="page", now=today)
    old = today - dt.timedelta(days=40)
    for _ in range(9):
        log_search(query="tides", filters={}, result_count=0, source="page", now=old)
    log_search(query="once", filters={}, result_count=0, source="page", now=today)  # too few
    for _ in range(2):
        log_search(query="bathing water", filters={}, result_count=0, source="page", now=today)

    (frequent, zero) = selectors.frequent_searches(30), selectors.zero_result_searches(30)
    assert [(f.query, f.searches, f.median_results) for f in frequent] == [
        ("ferries", 5, 10),
        ("bathing water", 2, 0),
    ]
    assert [(f.query, f.searches, f.last_seen) for f in zero] == [
        ("bathing water", 2, today.date())
    ]
    assert [(f.query, f.searches) for f in selectors.zero_result_searches(90)] == [
        ("tides", 9),
        ("bathing water", 2),
    ]


def test_prune_keeps_the_retention_periods(settings: object) -> None:
    now = dt.datetime.now(dt.UTC)
    for days_ago in (1, 29, 31, 399, 401):
        log_search(
            query=f"q{days_ago}",
            filters={},
            result_count=1,
            source="page",
            now=now - dt.timedelta(days=days_ago),
        )
    call_command("prune_search_log")
    assert set(SearchLog.objects.values_list("query", flat=True)) == {"q1", "q29"}
    assert set(SearchDaily.objects.values_list("query", flat=True)) == {"q1", "q29", "q31", "q399"}


def test_demo_seed_is_deterministic_idempotent_and_uses_real_counts() -> None:
    from participation.demand.demo import seed_demo

    message = seed_demo()
    assert "360 searches" in message
    assert SearchLog.objects.count() == 360
    assert SearchLog.objects.filter(query="noise map", result_count=0).exists()
    assert "none added" in seed_demo()
    assert SearchLog.objects.count() == 360
