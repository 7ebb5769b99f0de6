"""The demand dashboard's "open reports per publisher" panel: how much waits, and how fast
each publisher answers (median hours from a report to its first response)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from statistics import median
from typing import Any, cast

from django.db.models import Count, Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participation.dashboard import DemandPanel

from .models import IssueReport, ReportStatus

HEADERS = [
    _("Publisher"),
    _("Open"),
    _("Acknowledged"),
    _("Fixed"),
    _("Won't fix"),
    _("Median first response (hours)"),
    _("Oldest open report (days)"),
]


def _counted(status: str) -> Count:
    return Count("id", filter=Q(status=status))


def open_reports_rows(organisation_ids: Sequence[int] | None) -> list[list[Any]]:
    """One row per publisher with reports: two aggregate queries, whatever the number."""
    reports = IssueReport.objects.all()
    if organisation_ids is not None:
        reports = reports.filter(entry__publisher_id__in=list(organisation_ids))
    groups = (
        reports.values("entry__publisher_id", "entry__publisher__name")
        .annotate(
            open=_counted(ReportStatus.OPEN),
            acknowledged=_counted(ReportStatus.ACKNOWLEDGED),
            fixed=_counted(ReportStatus.FIXED),
            wont_fix=_counted(ReportStatus.WONT_FIX),
            oldest_open=Min("created_at", filter=Q(status=ReportStatus.OPEN)),
        )
        .order_by("-open", "-acknowledged", "entry__publisher__name")
    )
    waits: dict[int, list[float]] = defaultdict(list)
    answered = reports.filter(first_response_at__isnull=False).values_list(
        "entry__publisher_id", "created_at", "first_response_at"
    )
    for publisher_id, created_at, first_response_at in answered.iterator():
        if first_response_at is not None:  # always, by the filter; said again for the types
            waits[publisher_id].append((first_response_at - created_at).total_seconds() / 3600)
    now = timezone.now()
    rows = []
    for group in groups:
        publisher_waits = waits.get(group["entry__publisher_id"])
        oldest = group["oldest_open"]
        rows.append(
            [
                group["entry__publisher__name"],
                group["open"],
                group["acknowledged"],
                group["fixed"],
                group["wont_fix"],
                round(median(publisher_waits), 1) if publisher_waits else "",
                (now - oldest).days if oldest else "",
            ]
        )
    return rows


OPEN_REPORTS_PANEL = DemandPanel(
    key="open-reports",
    title=cast(str, _("Open reports per publisher")),  # lazy: translated when shown
    headers=cast(list[str], HEADERS),
    rows=open_reports_rows,
    order=40,
)
