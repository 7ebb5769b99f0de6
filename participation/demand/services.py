"""Writing the search log: one row per search and one upsert of its day's count."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from .models import MAX_QUERY_LENGTH, SearchDaily, SearchLog, SearchTotal

DEFAULT_RAW_LOG_DAYS = 30
DEFAULT_DAILY_DAYS = 400


def normalised_query(text: str) -> str:
    """Lowercased, whitespace collapsed, at most MAX_QUERY_LENGTH characters: "Air  Quality"
    and "air quality" are one demand."""
    return " ".join(text.lower().split())[:MAX_QUERY_LENGTH].strip()


def canonical_filters(filters: Mapping[str, Sequence[str]]) -> str:
    """Facets and values sorted, so the same filters always read the same ("" for none)."""
    kept = {facet: sorted(set(values)) for facet, values in filters.items() if values}
    if not kept:
        return ""
    return json.dumps(kept, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def signature(query: str, filters: str) -> str:
    return hashlib.sha1(f"{query}\x1f{filters}".encode(), usedforsecurity=False).hexdigest()


def _hour(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC).replace(minute=0, second=0, microsecond=0)


def _upsert_daily(day: dt.date, query: str, filters: str, result_count: int) -> None:
    """``searches += 1`` on the day's row and on the total, each made if missing: one
    statement each, no race (SQLite and PostgreSQL both speak ``ON CONFLICT DO UPDATE``)."""
    daily = connection.ops.quote_name(SearchDaily._meta.db_table)
    total = connection.ops.quote_name(SearchTotal._meta.db_table)
    key = signature(query, filters)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {daily} (day, signature, query, filters, result_count, searches) "  # noqa: S608
            "VALUES (%s, %s, %s, %s, %s, 1) ON CONFLICT (signature, day, result_count) "
            f"DO UPDATE SET searches = {daily}.searches + 1",
            [day, key, query, filters, result_count],
        )
        cursor.execute(
            f"INSERT INTO {total} (signature, query, filters, searches, zero_result_searches) "  # noqa: S608
            "VALUES (%s, %s, %s, 1, %s) ON CONFLICT (signature) DO UPDATE SET "
            f"searches = {total}.searches + 1, zero_result_searches = "
            f"{total}.zero_result_searches + excluded.zero_result_searches",
            [key, query, filters, 1 if result_count == 0 else 0],
        )


def rebuild_totals() -> None:
    """Recount ``SearchTotal`` from the daily rollup in one ``INSERT ... SELECT``."""
    daily = connection.ops.quote_name(SearchDaily._meta.db_table)
    total = connection.ops.quote_name(SearchTotal._meta.db_table)
    with transaction.atomic(), connection.cursor() as cursor:
        SearchTotal.objects.all().delete()
        cursor.execute(
            f"INSERT INTO {total} (signature, query, filters, searches, zero_result_searches) "  # noqa: S608
            "SELECT signature, MIN(query), MIN(filters), SUM(searches), "
            f"SUM(CASE WHEN result_count = 0 THEN searches ELSE 0 END) FROM {daily} "
            "GROUP BY signature"
        )


def log_search(
    *,
    query: str,
    filters: Mapping[str, Sequence[str]],
    result_count: int,
    source: str,
    now: dt.datetime | None = None,
) -> SearchLog:
    """Record one search (what was asked, never who asked) and count it in its day."""
    created_at = _hour(now or timezone.now())
    text, canonical = normalised_query(query), canonical_filters(filters)
    count = max(0, int(result_count))
    with transaction.atomic():  # a savepoint: a failure here cannot spoil the search's own
        row = SearchLog.objects.create(
            query=text, filters=canonical, result_count=count, source=source, created_at=created_at
        )
        _upsert_daily(created_at.date(), text, canonical, count)
    return row


def rebuild_daily(since: dt.date | None = None) -> int:
    """Recount the rollup from the raw log (after a bulk load, or to repair it): one
    ``INSERT ... SELECT ... GROUP BY``. Days older than the raw log's retention are kept."""
    log = connection.ops.quote_name(SearchLog._meta.db_table)
    start = since or dt.date(1970, 1, 1)
    day = (
        "date(created_at)"
        if connection.vendor == "sqlite"
        else "(created_at AT TIME ZONE 'UTC')::date"
    )
    with transaction.atomic(), connection.cursor() as cursor:
        SearchDaily.objects.filter(day__gte=start).delete()
        cursor.execute(
            f"SELECT {day} AS d, query, filters, result_count, COUNT(*) FROM {log} "  # noqa: S608
            "WHERE created_at >= %s GROUP BY d, query, filters, result_count",
            [dt.datetime.combine(start, dt.time(), tzinfo=dt.UTC)],
        )
        rows: list[Any] = cursor.fetchall()
    created = SearchDaily.objects.bulk_create(
        (
            SearchDaily(
                day=d if isinstance(d, dt.date) else dt.date.fromisoformat(str(d)),
                signature=signature(q, f),
                query=q,
                filters=f,
                result_count=n_results,
                searches=n,
            )
            for d, q, f, n_results, n in rows
        ),
        batch_size=5000,
    )
    rebuild_totals()
    return len(created)


def prune_search_log(now: dt.datetime | None = None) -> tuple[int, int]:
    """Delete raw searches older than DEMAND_RAW_LOG_DAYS and daily counts older than
    DEMAND_DAILY_DAYS; the counts of (raw, daily) rows deleted."""
    now = now or timezone.now()
    raw_days = int(getattr(settings, "DEMAND_RAW_LOG_DAYS", DEFAULT_RAW_LOG_DAYS))
    daily_days = int(getattr(settings, "DEMAND_DAILY_DAYS", DEFAULT_DAILY_DAYS))
    raw, _ = SearchLog.objects.filter(created_at__lt=now - dt.timedelta(days=raw_days)).delete()
    daily, _ = SearchDaily.objects.filter(
        day__lt=(now - dt.timedelta(days=daily_days)).date()
    ).delete()
    if daily:
        rebuild_totals()
    return raw, daily
