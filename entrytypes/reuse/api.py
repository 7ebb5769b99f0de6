"""Reuses in REST API v1: kind, address, author, image and the datasets and APIs used.

Entries come from the shared table; the reuse's own row is joined (``select_related``) and
what it uses is prefetched, published entries only, so a page costs a fixed number of queries.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from catalogue.models import Entry
from catalogue.registry import entry_types
from interop.api.openapi_schemas import TEXT_OR_NULL, array, codes, ref
from interop.api.parts import ApiEntryPart, Json, Schema
from interop.api.queries import public_entries
from interop.api.serializers import Linker, public_refs

from .models import ReuseKind, as_reuse

URL_OR_NULL: Schema = {**TEXT_OR_NULL, "format": "uri"}


def image_url(entry: Entry, link: Linker) -> str | None:
    image = as_reuse(entry).image
    return link(image.file.url) if image is not None and image.file else None


def summary_fields(entry: Entry, link: Linker) -> Json:
    reuse = as_reuse(entry)
    return {
        "reuse_kind": reuse.reuse_kind,
        "reuse_url": reuse.url or None,
        "author_name": reuse.author_name or None,
    }


def detail_fields(entry: Entry, link: Linker) -> Json:
    reuse = as_reuse(entry)
    return {
        **summary_fields(entry, link),
        "image_url": image_url(entry, link),
        "uses": public_refs(reuse.uses.all(), link),
    }


def summary_properties() -> dict[str, Schema]:
    return {
        "reuse_kind": codes(ReuseKind, "What was made with the data."),
        "reuse_url": {**URL_OR_NULL, "description": "The reuse itself (application, article...)"},
        "author_name": {
            **TEXT_OR_NULL,
            "description": "A person or group behind the reuse that is not a catalogue"
            " organisation (the publisher is the organisation).",
        },
    }


def detail_properties() -> dict[str, Schema]:
    return {
        **summary_properties(),
        "image_url": {**URL_OR_NULL, "description": "A screenshot or illustration."},
        "uses": {
            **array(ref("EntryRef")),
            "description": "The published datasets and APIs the reuse uses [dct:relation]",
        },
    }


def summary_relations(qs: QuerySet[Entry]) -> QuerySet[Entry]:
    return qs.select_related("reuse")


def detail_relations(qs: QuerySet[Entry]) -> QuerySet[Entry]:
    return qs.select_related("reuse", "reuse__image").prefetch_related(
        Prefetch("reuse__uses", queryset=public_entries())
    )


entry_types.add_part(
    "reuse",
    ApiEntryPart,
    ApiEntryPart(
        schema_name="Reuse",
        described_as="reuses (applications, visualisations, papers... made with the data)",
        summary_fields=summary_fields,
        detail_fields=detail_fields,
        summary_properties=summary_properties,
        detail_properties=detail_properties,
        summary_relations=summary_relations,
        detail_relations=detail_relations,
    ),
)
