"""The dataset type: URL segment, labels, listing, detail page and quality rules."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from catalogue.models import Distribution, Entry
from catalogue.quality import OPEN_FORMATS
from catalogue.registry import EntryTypeSpec, entry_types
from catalogue.selectors import published_reverse

from .admin import DatasetViewSet
from .models import Dataset


def detail_context(entry: Entry) -> dict[str, Any]:
    series = entry.in_series if entry.in_series_id else None
    if series is not None and not series.is_published:
        series = None
    return {
        "distributions": list(entry.distributions.select_related("licence").all()),
        "series": series,
        "series_members": published_reverse(entry, "in_series"),
        "served_by": published_reverse(entry, "serves_datasets"),
        "offered_in_challenges": published_reverse(entry, "offered_resources"),
        "used_by_projects": published_reverse(entry, "related_datasets"),
    }


def _formats_stated(entry: Entry, distributions: list[Any]) -> bool:
    return bool(distributions) and all(d.format for d in distributions)


QUALITY_RULES = {
    "temporal": lambda entry, _d: bool(entry.temporal_start or entry.temporal_end),
    "access_url": lambda _e, dists: any(d.access_url or d.download_url for d in dists),
    "download_url": lambda _e, dists: any(d.download_url for d in dists),
    "format": _formats_stated,
    "open_format": lambda _e, dists: any(d.format.upper() in OPEN_FORMATS for d in dists),
}

entry_types.register(
    EntryTypeSpec(
        key="dataset",
        path="datasets",
        label=_("Dataset"),
        label_plural=_("Datasets"),
        model=Dataset,
        intro=_(
            "Open data published by governments, businesses, universities"
            " and civil society, ready to download and reuse."
        ),
        order=10,
        listing_prefetches=(
            Prefetch(
                "distributions",
                queryset=Distribution.objects.only("id", "entry_id", "format", "sort_order"),
            ),
        ),
        detail_select=("in_series",),
        detail_context=detail_context,
        card_template="catalogue/cards/dataset.html",
        quality_rules=QUALITY_RULES,
        admin_viewset=DatasetViewSet,
        harvestable=True,
        has_distributions=True,
    )
)
