"""APIs in the CKAN Action API: packages of type "api" named ``api--<slug>``.

Their resources are the endpoint, the description document (OpenAPI, AsyncAPI...) and the
sandbox, then any distributions.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from catalogue.access import endpoint_links
from catalogue.models import Entry
from catalogue.registry import entry_types
from interop.ckan_api.ids import entry_resource_uuid
from interop.ckan_api.packages import (
    Related,
    ckan_datetime,
    distribution_resources,
    resource_dict,
)
from interop.ckan_api.parts import CkanPackagePart

from .models import access_conditions


def api_resources(entry: Entry, related: Related) -> list[dict[str, Any]]:
    """The API's endpoint, description and sandbox as resources; a restricted API's keep
    their place and format with an empty ``url``, as a restricted dataset's do."""
    links = endpoint_links(entry)
    # (slot of the resource id: stable whatever else the entry has, kind, url, format, name)
    candidates = [
        (1, "endpoint", entry.endpoint_url, "API", entry.get_api_type_display() or "API"),
        (
            2,
            "description",
            entry.endpoint_description_url,
            {"rest": "OpenAPI", "asyncapi": "AsyncAPI", "graphql": "GraphQL", "soap": "WSDL"}.get(
                entry.api_type, ""
            ),
            "API description",
        ),
        (3, "sandbox", entry.sandbox_url, "API", "Sandbox"),
    ]
    resources: list[dict[str, Any]] = []
    for slot, kind, url, fmt, name in candidates:
        field = {"description": "endpoint_description"}.get(kind, kind)
        if url:
            resources.append(
                resource_dict(
                    entry,
                    len(resources),
                    rid=entry_resource_uuid(entry.pk, slot),
                    name=name,
                    url=getattr(links, f"{field}_url"),
                    fmt=fmt,
                    resource_type=f"api-{kind}",
                )
            )
    # Distributions of an API (rare), after its own resources.
    for resource in distribution_resources(entry, related):
        resource["position"] = len(resources)
        resources.append(resource)
    return resources


def api_extras(entry: Entry) -> list[tuple[str, Any]]:
    return [
        ("endpoint_url", endpoint_links(entry).endpoint_url),
        ("endpoint_description", endpoint_links(entry).endpoint_description_url),
        ("api_type", entry.api_type),
        ("authentication", entry.authentication),
        ("access_instructions", entry.access_instructions),
        ("rate_limits", entry.rate_limits),
        ("availability", entry.availability),
        ("lifecycle", entry.lifecycle),
        ("sunset_date", ckan_datetime(entry.sunset_date)),
        *_condition_extras(entry),
    ]


def _condition_extras(entry: Entry) -> list[tuple[str, Any]]:
    conditions = access_conditions(entry)
    if conditions is None:
        return []
    successor = conditions.successor
    return [
        ("cost_model", conditions.cost_model),
        ("registration", conditions.registration),
        # The successor's package name, for package_show.
        ("successor", f"api--{successor.slug}" if successor and successor.is_published else ""),
    ]


def _relations(qs: QuerySet[Entry]) -> QuerySet[Entry]:
    return qs.prefetch_related("access_conditions__successor")


entry_types.add_part(
    "api",
    CkanPackagePart,
    CkanPackagePart(
        package_type="api",
        name_prefix="api--",
        resources=api_resources,
        extras=api_extras,
        relations=_relations,
    ),
)
