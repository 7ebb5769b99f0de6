"""APIs in schema.org: a ``WebAPI`` (provider, documentation, endpoint as ``ServiceChannel``)."""

from __future__ import annotations

from typing import Any

from catalogue.registry import entry_types
from interop.standards.parts import SchemaOrgPart
from interop.standards.rdf import web_url
from interop.standards.schema_org import common, licence_url, organisation, place


def schema_org_node(entry: Any) -> dict[str, Any]:
    out = common(entry, "WebAPI", creative_work=False, keywords=False)
    out["provider"] = organisation(entry.publisher)
    if web_url(entry.endpoint_description_url):
        out["documentation"] = web_url(entry.endpoint_description_url)
    if web_url(entry.endpoint_url):
        out["availableChannel"] = {
            "@type": "ServiceChannel",
            "serviceUrl": web_url(entry.endpoint_url),
        }
    licence = licence_url(entry)
    if licence:
        out["termsOfService"] = licence
    where = place(entry)
    if where:
        out["areaServed"] = where
    return out


entry_types.add_part("api", SchemaOrgPart, SchemaOrgPart(build=schema_org_node))
