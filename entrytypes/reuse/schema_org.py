"""Reuses in schema.org: a ``CreativeWork``, or a ``SoftwareApplication`` for applications
and API clients, ``isBasedOn`` the published datasets and APIs it uses."""

from __future__ import annotations

from typing import Any

from catalogue.registry import entry_types
from catalogue.selectors import published_among
from interop.standards.dcat_ap import base_url
from interop.standards.parts import SchemaOrgPart
from interop.standards.rdf import web_url
from interop.standards.schema_org import common, stated_organisation

from .models import as_reuse


def schema_org_node(entry: Any) -> dict[str, Any]:
    reuse = as_reuse(entry)
    out = common(entry, "SoftwareApplication" if reuse.is_software else "CreativeWork")
    if reuse.is_software:
        out["applicationCategory"] = reuse.get_reuse_kind_display()
    else:
        out["genre"] = reuse.get_reuse_kind_display()
    if web_url(reuse.url):
        out["url"] = web_url(reuse.url)
    publisher = stated_organisation(entry)
    if publisher is not None:
        out["publisher"] = publisher
    if reuse.author_name:
        out["author"] = {"@type": "Organization", "name": reuse.author_name}
    elif publisher is not None:
        out["author"] = publisher
    if reuse.image is not None and reuse.image.file:
        out["image"] = base_url() + reuse.image.file.url
    based_on = [base_url() + used.get_absolute_url() for used in published_among(reuse.uses.all())]
    if based_on:
        out["isBasedOn"] = based_on
    return out


entry_types.add_part("reuse", SchemaOrgPart, SchemaOrgPart(build=schema_org_node))
