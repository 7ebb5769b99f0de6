"""The admin dashboard's catalogue summary, in place of Wagtail's page, image and document
counts (the catalogue is entries, not pages): entries per type and state, harvest sources,
the latest jobs and recent failures, each linked to the listing that shows them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from catalogue.models import Entry
from catalogue.registry import entry_types

from .models import HarvestJob, HarvestRecord, HarvestSource, JobStatus

LATEST_JOBS = 5
FAILURES_SINCE = dt.timedelta(days=30)


def entry_rows() -> list[dict[str, Any]]:
    counts = {
        row["entry_type"]: row
        for row in Entry.objects.values("entry_type").annotate(
            total=Count("id"),
            published=Count("id", filter=Q(live=True, withdrawn_at__isnull=True)),
            drafts=Count("id", filter=Q(live=False)),
            withdrawn=Count("id", filter=Q(withdrawn_at__isnull=False)),
            harvested=Count("id", filter=Q(origin="harvested")),
            # left out of data.json and DCAT-US 3, which require a publisher (ADR 0023)
            unstated_publisher=Count(
                "id", filter=Q(live=True, withdrawn_at__isnull=True, publisher_stated=False)
            ),
        )
    }
    rows = []
    for spec in entry_types:
        row = counts.get(spec.key, {})
        viewset = getattr(spec.model, "snippet_viewset", None)
        rows.append(
            {
                "label": spec.label_plural,
                "url": reverse(viewset.get_url_name("list")) if viewset else "",
                **{k: row.get(k, 0) for k in ("total", "published", "drafts", "withdrawn")},
                "harvested": row.get("harvested", 0),
                "unstated_publisher": row.get("unstated_publisher", 0),
            }
        )
    return rows


def harvest_summary(now: dt.datetime) -> dict[str, Any]:
    jobs = HarvestJob.objects.select_related("source")
    failed = jobs.filter(status=JobStatus.FAILED, queued_at__gte=now - FAILURES_SINCE)
    return {
        "sources": HarvestSource.objects.count(),
        "awaiting_approval": HarvestSource.objects.filter(approved=False).count(),
        "latest_jobs": list(jobs.order_by("-queued_at")[:LATEST_JOBS]),
        "failed_jobs": failed.count(),
        "records_with_errors": HarvestRecord.objects.exclude(last_error="").count(),
        "sources_url": reverse("harvest_sources:index"),
        "jobs_url": reverse("harvest_jobs:index"),
        "failed_url": reverse("harvest_jobs:index") + f"?status={JobStatus.FAILED}",
    }


class CatalogueSummaryPanel(Component):  # type: ignore[misc]  # Wagtail ships no types
    name = "catalogue_summary"
    template_name = "harvesters/admin/catalogue_summary_panel.html"
    order = 50

    def get_context_data(self, parent_context: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return {"entry_rows": entry_rows(), "harvests": harvest_summary(timezone.now())}
