"""APIs in schema.org: a ``WebAPI`` (provider, documentation, endpoint as ``ServiceChannel``)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import translation

from catalogue.access import endpoint_links
from catalogue.registry import entry_types
from interop.standards.parts import SchemaOrgPart
from interop.standards.rdf import web_url
from interop.standards.schema_org import (
    common,
    licence_url,
    place,
    stated_organisation,
)

from .models import CostModel, access_conditions


def offer(entry: Any) -> dict[str, Any] | None:
    """What using the API costs as a schema.org ``Offer`` (a ``Service``'s ``offers``): price 0
    when free or on its free tier, no price when paid (the amount is not known here)."""
    conditions = access_conditions(entry)
    if conditions is None or not conditions.cost_model:
        return None
    with translation.override(settings.LANGUAGE_CODE):
        out: dict[str, Any] = {
            "@type": "Offer",
            "description": str(CostModel(conditions.cost_model).label),
        }
    if conditions.cost_model in (CostModel.FREE, CostModel.FREE_TIER):
        out["price"] = 0
    return out


def schema_org_node(entry: Any) -> dict[str, Any]:
    out = common(entry, "WebAPI", creative_work=False, keywords=False)
    provider = stated_organisation(entry)
    if provider is not None:
        out["provider"] = provider
    links = endpoint_links(entry)  # empty when the access rights withhold them
    if web_url(links.endpoint_description_url):
        out["documentation"] = web_url(links.endpoint_description_url)
    if web_url(links.endpoint_url):
        out["availableChannel"] = {
            "@type": "ServiceChannel",
            "serviceUrl": web_url(links.endpoint_url),
        }
    licence = licence_url(entry)
    if licence:
        out["termsOfService"] = licence
    price = offer(entry)
    if price:
        out["offers"] = price
    where = place(entry)
    if where:
        out["areaServed"] = where
    return out


entry_types.add_part("api", SchemaOrgPart, SchemaOrgPart(build=schema_org_node))
