"""Datasets in REST API v1: distributions, series, the APIs that serve them."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from catalogue.models import Distribution, Entry, Frequency
from catalogue.registry import entry_types
from interop.api.openapi_schemas import (
    STRING,
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
    distribution_json,
    entry_ref,
    is_public,
    public_refs,
)


def summary_fields(entry: Entry, link: Linker) -> Json:
    return {"formats": sorted({d.format for d in entry.distributions.all() if d.format})}


def detail_fields(entry: Entry, link: Linker) -> Json:
    series = entry.in_series
    return {
        "frequency": entry.frequency or None,
        "version": entry.version or None,
        "in_series": entry_ref(series, link) if is_public(series) else None,
        "contains_personal_data": entry.contains_personal_data,
        "conforms_to": list(entry.conforms_to or []),
        "distributions": [distribution_json(entry, d, link) for d in entry.distributions.all()],
        "served_by": public_refs(entry.served_by.all(), link),
    }


def summary_properties() -> dict[str, Schema]:
    return {"formats": array(STRING)}


def detail_properties() -> dict[str, Schema]:
    refs = array(ref("EntryRef"))
    return {
        "frequency": nullable(codes(Frequency, "EU frequency authority code")),
        "version": TEXT_OR_NULL,
        "in_series": nullable(ref("EntryRef")),
        "contains_personal_data": {"type": "boolean"},
        "conforms_to": array(STRING),
        "distributions": array(ref("Distribution")),
        "served_by": {**refs, "description": "APIs that serve this dataset."},
    }


def summary_relations(qs: QuerySet[Entry]) -> QuerySet[Entry]:
    formats = Distribution.objects.only("id", "entry_id", "format")
    return qs.prefetch_related(Prefetch("distributions", queryset=formats))


def detail_relations(qs: QuerySet[Entry]) -> QuerySet[Entry]:
    return qs.select_related("in_series").prefetch_related(
        Prefetch(
            "distributions",
            queryset=Distribution.objects.select_related("licence", "access_service"),
        ),
        Prefetch("served_by", queryset=public_entries()),
    )


entry_types.add_part(
    "dataset",
    ApiEntryPart,
    ApiEntryPart(
        schema_name="Dataset",
        described_as="datasets",
        summary_fields=summary_fields,
        detail_fields=detail_fields,
        summary_properties=summary_properties,
        detail_properties=detail_properties,
        summary_relations=summary_relations,
        detail_relations=detail_relations,
    ),
)
