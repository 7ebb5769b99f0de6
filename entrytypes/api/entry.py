"""The API type: URL segment, labels, detail page and quality rules."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from catalogue.access import endpoint_links
from catalogue.models import Entry
from catalogue.registry import EntryTypeSpec, entry_types
from catalogue.selectors import published_among, published_reverse

from .admin import DataServiceViewSet
from .models import DataService, access_conditions


def detail_context(entry: Entry) -> dict[str, Any]:
    conditions = access_conditions(entry)
    successor = conditions.successor if conditions else None
    public = published_among([successor]) if successor is not None else []
    return {
        "datasets_served": published_among(entry.serves_datasets.all()),
        "offered_in_challenges": published_reverse(entry, "offered_resources"),
        **operations_context(entry),
        "access": conditions,
        # the endpoint, description and sandbox as the access rights allow (catalogue.access)
        "endpoints": endpoint_links(entry),
        "successor": public[0] if public else None,
        "replaces": published_reverse(entry, "access_conditions__successor"),
    }


def operations_context(entry: Entry) -> dict[str, Any]:
    """The paths and operations of the API's harvested description (OpenAPI, Swagger)."""
    extras = entry.source_extras or {}
    operations = [
        line.partition(" — ")
        for line in str(extras.get("operation_list", "")).splitlines()
        if line.strip()
    ]
    return {
        "api_operations": [(head, summary) for head, _sep, summary in operations],
        "api_operation_count": _count(extras.get("operations")),
        "api_path_count": _count(extras.get("paths")),
    }


def _count(value: object) -> int | None:
    try:
        return int(str(value))
    except ValueError:
        return None


QUALITY_RULES = {
    "access_url": lambda entry, _d: bool(entry.endpoint_url),
    "format": lambda entry, _d: bool(entry.endpoint_description_url),
    "open_format": lambda entry, _d: bool(entry.api_type),
}

entry_types.register(
    EntryTypeSpec(
        key="api",
        path="apis",
        label=_("API"),
        label_plural=_("APIs"),
        model=DataService,
        intro=_(
            "Open APIs: endpoints, documentation, how to get access,"
            " rate limits and lifecycle at a glance."
        ),
        order=20,
        detail_context=detail_context,
        card_template="catalogue/cards/api.html",
        quality_rules=QUALITY_RULES,
        admin_viewset=DataServiceViewSet,
        harvestable=True,
    )
)
