"""Logged searches and their daily rollup. Neither holds anything about who searched.

No user, address, session, user agent or exact time: a row says what was asked, with which
filters, how many entries answered and in which hour (docs/adr/0029-demand-signals.md).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200


class SearchSource(models.TextChoices):
    PAGE = "page", _("Search page")
    API = "api", _("Search API")


class SearchLog(models.Model):
    """One search as asked: the raw log, kept ``DEMAND_RAW_LOG_DAYS`` (prune_search_log)."""

    query = models.CharField(max_length=MAX_QUERY_LENGTH, blank=True)
    filters = models.TextField(blank=True)  # canonical JSON: sorted facets, sorted values
    result_count = models.PositiveIntegerField()
    source = models.CharField(max_length=8, choices=SearchSource.choices)
    created_at = models.DateTimeField(db_index=True)  # truncated to the hour

    class Meta:
        verbose_name = _("logged search")
        verbose_name_plural = _("logged searches")

    def __str__(self) -> str:
        return self.query or self.filters


class SearchDaily(models.Model):
    """Searches per day, per query and filters, per result count: what the dashboard reads.

    Keeping the result count in the key makes "zero results" a filter and the median number of
    results exact, while a day's row for a query changes only when the catalogue changes.
    ``signature`` (a hash of query and filters) keeps the unique index short.
    """

    day = models.DateField()
    signature = models.CharField(max_length=40)
    query = models.CharField(max_length=MAX_QUERY_LENGTH, blank=True)
    filters = models.TextField(blank=True)
    result_count = models.PositiveIntegerField()
    searches = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("searches of a day")
        verbose_name_plural = _("searches by day")
        constraints = [
            models.UniqueConstraint(
                fields=["signature", "day", "result_count"], name="demand_daily_unique"
            )
        ]
        indexes = [
            # A full scan of a period (the fallback of selectors._top); the unique index above
            # serves the usual look-up of the candidates' days.
            models.Index(
                fields=["day", "signature", "result_count", "searches"], name="demand_daily_scan"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.query or self.filters}"


class SearchTotal(models.Model):
    """Every search's count over the whole rollup, per query and filters: the candidates.

    A query's count in any period is at most its total, so the dashboard ranks the few
    hundred largest totals' periods instead of grouping every day's row of the long tail, and
    knows when that answer is exact (selectors._top). Kept by the same upsert as the daily
    row; recounted from the rollup by ``rebuild_totals`` (after pruning).
    """

    signature = models.CharField(max_length=40, unique=True)
    query = models.CharField(max_length=MAX_QUERY_LENGTH, blank=True)
    filters = models.TextField(blank=True)
    searches = models.PositiveIntegerField(default=0)
    zero_result_searches = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("searches in all")
        verbose_name_plural = _("searches in all")
        indexes = [
            models.Index(fields=["-searches", "signature"], name="demand_total_searches"),
            models.Index(fields=["-zero_result_searches", "signature"], name="demand_total_zero"),
        ]

    def __str__(self) -> str:
        return self.query or self.filters
