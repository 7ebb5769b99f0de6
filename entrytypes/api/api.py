"""APIs in REST API v1: endpoint, access, lifecycle and the datasets served."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

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
    iso_date,
    public_refs,
)


def summary_fields(entry: Entry, link: Linker) -> Json:
    return {
        "api_type": entry.api_type or None,
        "authentication": entry.authentication or None,
        "lifecycle": entry.lifecycle or None,
    }


def detail_fields(entry: Entry, link: Linker) -> Json:
    return {
        "endpoint_url": entry.endpoint_url or None,
        "endpoint_description_url": entry.endpoint_description_url or None,
        "api_type": entry.api_type or None,
        "authentication": entry.authentication or None,
        "access_instructions": entry.access_instructions or None,
        "rate_limits": entry.rate_limits or None,
        "availability": entry.availability or None,
        "lifecycle": entry.lifecycle or None,
        "sunset_date": iso_date(entry.sunset_date),
        "sandbox_url": entry.sandbox_url or None,
        "version": entry.version or None,
        "serves_datasets": public_refs(entry.serves_datasets.all(), link),
    }


def summary_properties() -> dict[str, Schema]:
    return {
        "api_type": nullable(codes(ApiType)),
        "authentication": nullable(codes(Authentication)),
        "lifecycle": nullable(codes(Lifecycle)),
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
    }


def detail_relations(qs: QuerySet[Entry]) -> QuerySet[Entry]:
    return qs.prefetch_related(Prefetch("serves_datasets", queryset=public_entries()))


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
    ),
)
