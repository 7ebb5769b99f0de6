"""Datasets in schema.org: a ``Dataset`` with ``DataDownload`` distributions, carrying what
Google's Dataset guidance requires or recommends (name, description, url, identifier, license,
creator and publisher, keywords, coverage, distributions, includedInDataCatalog)."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from catalogue.access import distribution_links, downloads_public
from catalogue.registry import entry_types
from interop.standards.dcat_ap import base_url
from interop.standards.export_loader import rel
from interop.standards.parts import SchemaOrgPart
from interop.standards.rdf import web_url
from interop.standards.schema_org import common, licence_url, place, stated_organisation


def schema_org_node(entry: Any) -> dict[str, Any]:
    out = common(entry, "Dataset")
    publisher = stated_organisation(entry)
    if publisher is not None:
        out["creator"] = publisher
        out["publisher"] = publisher
    licence = licence_url(entry)
    if licence:
        out["license"] = licence
    out["isAccessibleForFree"] = downloads_public(entry)
    where = place(entry)
    if where:
        out["spatialCoverage"] = where
    if entry.temporal_start or entry.temporal_end:
        start = entry.temporal_start.isoformat() if entry.temporal_start else ".."
        end = entry.temporal_end.isoformat() if entry.temporal_end else ".."
        out["temporalCoverage"] = f"{start}/{end}"
    if entry.version:
        out["version"] = entry.version
    downloads = []
    for dist in rel(entry, "distributions"):
        links = distribution_links(entry, dist)
        url = web_url(links.download_url) or web_url(links.access_url)
        if not url:
            continue
        item: dict[str, Any] = {"@type": "DataDownload", "contentUrl": url}
        if dist.media_type or dist.format:
            item["encodingFormat"] = dist.media_type or dist.format
        if dist.title:
            item["name"] = dist.title
        if dist.byte_size:
            item["contentSize"] = f"{dist.byte_size} B"
        downloads.append(item)
    if downloads:
        out["distribution"] = downloads
    out["includedInDataCatalog"] = {
        "@type": "DataCatalog",
        "name": settings.WAGTAIL_SITE_NAME,
        "url": base_url() + "/",
    }
    return out


entry_types.add_part("dataset", SchemaOrgPart, SchemaOrgPart(build=schema_org_node))
