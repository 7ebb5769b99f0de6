"""APIs in REST API v1: endpoint, access, lifecycle and the datasets served."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet

from catalogue.access import endpoint_links
from catalogue.models import ApiType, Authentication, Entry, Lifecycle
from catalogue.registry import entry_types
from interop.api.openapi_schemas import (
    DATE_OR_NULL,
    TEXT_OR_NULL,
    array,
    codes,
    nullable,
    ref,
)
from interop.api.parts import ApiEntryPart, Json, Schema
from interop.api.queries import public_entries
from interop.api.serializers import (
    Linker,
    entry_ref,
    is_public,
    iso_date,
    public_refs,
)

from .models import AccessConditions, CostModel, Registration, access_conditions

# An API's conditions with its successor (shown only if published: ``is_public``).
CONDITIONS: Prefetch[Any] = Prefetch(
    "access_conditions", queryset=AccessConditions.objects.select_related("successor")
)


def _conditions(entry: Entry, link: Linker) -> Json:
    conditions = access_conditions(entry)
    successor = conditions.successor if conditions else None
    return {
        "cost_model": (conditions.cost_model if conditions else "") or None,
        "registration": (conditions.registration if conditions else "") or None,
        "successor": entry_ref(successor, link)
        if successor is not None and is_public(successor)
        else None,
    }


def summary_fields(entry: Entry, link: Linker) -> Json:
    conditions = access_conditions(entry)
    return {
        "api_type": entry.api_type or None,
        "authentication": entry.authentication or None,
        "lifecycle": entry.lifecycle or None,
        "cost_model": (conditions.cost_model or None) if conditions else None,
    }


def detail_fields(entry: Entry, link: Linker) -> Json:
    links = endpoint_links(entry)  # null when the access rights withhold them
    return {
        "endpoint_url": links.endpoint_url or None,
        "endpoint_description_url": links.endpoint_description_url or None,
        "api_type": entry.api_type or None,
        "authentication": entry.authentication or None,
        "access_instructions": entry.access_instructions or None,
        "rate_limits": entry.rate_limits or None,
        "availability": entry.availability or None,
        "lifecycle": entry.lifecycle or None,
        "sunset_date": iso_date(entry.sunset_date),
        "sandbox_url": links.sandbox_url or None,
        "version": entry.version or None,
        "serves_datasets": public_refs(entry.serves_datasets.all(), link),
        **_conditions(entry, link),
    }


def summary_properties() -> dict[str, Schema]:
    return {
        "api_type": nullable(codes(ApiType)),
        "authentication": nullable(codes(Authentication)),
        "lifecycle": nullable(codes(Lifecycle)),
        "cost_model": COST_SCHEMA,
    }


COST_SCHEMA = {
    **nullable(codes(CostModel)),
    "description": "free, free-tier (free with limits) or paid; null when not stated",
}


def detail_properties() -> dict[str, Schema]:
    refs = array(ref("EntryRef"))
    return {
        "endpoint_url": TEXT_OR_NULL,
        "endpoint_description_url": {
            **TEXT_OR_NULL,
            "description": "OpenAPI, AsyncAPI, GraphQL or WSDL",
        },
        "api_type": nullable(codes(ApiType)),
        "authentication": nullable(codes(Authentication)),
        "access_instructions": TEXT_OR_NULL,
        "rate_limits": TEXT_OR_NULL,
        "availability": TEXT_OR_NULL,
        "lifecycle": nullable(codes(Lifecycle)),
        "sunset_date": DATE_OR_NULL,
        "sandbox_url": TEXT_OR_NULL,
        "version": TEXT_OR_NULL,
        "serves_datasets": {**refs, "description": "[dcat:servesDataset]"},
        "cost_model": COST_SCHEMA,
        "registration": {
            **nullable(codes(Registration)),
            "description": "Whether clients register first; null when not known",
        },
        "successor": {
            **nullable(ref("EntryRef")),
            "description": "The published API that replaces this one [dct:isReplacedBy]",
        },
    }


def detail_relations(qs: QuerySet[Entry]) -> QuerySet[Entry]:
    served = qs.prefetch_related(Prefetch("serves_datasets", queryset=public_entries()))
    return served.prefetch_related(CONDITIONS)


def summary_relations(qs: QuerySet[Entry]) -> QuerySet[Entry]:
    return qs.prefetch_related(CONDITIONS)


entry_types.add_part(
    "api",
    ApiEntryPart,
    ApiEntryPart(
        schema_name="Api",
        described_as="APIs (DCAT data services)",
        summary_fields=summary_fields,
        detail_fields=detail_fields,
        summary_properties=summary_properties,
        detail_properties=detail_properties,
        detail_relations=detail_relations,
        summary_relations=summary_relations,
    ),
)
