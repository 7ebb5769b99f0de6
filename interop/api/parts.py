"""What an entry type brings to REST API v1: its JSON, its queries and its OpenAPI schemas.

Each entry type registers one :class:`ApiEntryPart` (``entrytypes/<type>/api.py``); the
serialisers, queries and the OpenAPI document read it from the registry, so the API knows no
type by name. A type without a part is not in the API.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet

from catalogue.models import Entry
from catalogue.registry import entry_types

if TYPE_CHECKING:
    from .serializers import Linker

Json = dict[str, Any]
Schema = dict[str, Any]


def _unchanged(queryset: QuerySet[Entry]) -> QuerySet[Entry]:
    return queryset


@dataclass(frozen=True)
class ApiEntryPart:
    schema_name: str  # OpenAPI component name: <name>, <name>Summary, <name>List
    described_as: str  # "datasets": completes "List published ..." in the document
    # The type's own fields in a listing and in the full entry, each mirrored by a schema.
    summary_fields: Callable[[Entry, Linker], Json]
    detail_fields: Callable[[Entry, Linker], Json]
    summary_properties: Callable[[], dict[str, Schema]]
    detail_properties: Callable[[], dict[str, Schema]]
    # What those fields read, loaded up front so a page costs a fixed number of queries.
    summary_relations: Callable[[QuerySet[Entry]], QuerySet[Entry]] = _unchanged
    detail_relations: Callable[[QuerySet[Entry]], QuerySet[Entry]] = _unchanged


def api_parts() -> dict[str, ApiEntryPart]:
    """Every entry type in the API, by type, in the registry's order."""
    return entry_types.parts(ApiEntryPart)


def api_part(entry_type: str) -> ApiEntryPart:
    part = entry_types.part(entry_type, ApiEntryPart)
    if part is None:
        raise LookupError(f"Entry type {entry_type!r} has no API part.")
    return part


def api_type_paths() -> dict[str, str]:
    """URL segment -> entry type, for the types in the API."""
    return {entry_types.get(key).path: key for key in api_parts()}
