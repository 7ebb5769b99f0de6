"""What an entry type brings to the standard documents: its DCAT-AP and schema.org shapes.

Each type registers a :class:`DcatPart` and a :class:`SchemaOrgPart`
(``entrytypes/<type>/dcat.py`` and ``schema_org.py``); DCAT-US and data.json describe the
types that say how (``dcat_us_kind``).
The writers read the parts from the registry and name no type.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from catalogue.registry import entry_types

from .namespaces import DCAT

if TYPE_CHECKING:
    from .dcat_ap import DcatBuilder
    from .rdf import Node


def _nothing(writer: DcatBuilder, entry: Any, node: Node) -> None:
    return None


@dataclass(frozen=True)
class DcatPart:
    rdf_class: str  # the class of a linked entry's stub: dcat:Dataset, dcat:DataService...
    describe: Callable[[DcatBuilder, Any], list[Node]]  # the entry's node and what it links
    catalog_property: str = DCAT + "resource"  # how the dcat:Catalog lists the entry
    # What a stub of the entry needs beyond title and description for its class's shape.
    complete_stub: Callable[[DcatBuilder, Any, Node], None] = _nothing
    # "dataset" or "service": the entry is in DCAT-US 3 and data.json as that; "" leaves it out.
    dcat_us_kind: str = ""
    # Relations the writers read, prefetched for a chunk of entries (export_loader).
    prefetch: tuple[Any, ...] = ()


@dataclass(frozen=True)
class SchemaOrgPart:
    """The schema.org JSON-LD of an entry's page (``schema_org.py``)."""

    build: Callable[[Any], dict[str, Any]]  # the entry's node, from ``schema_org.common``


def dcat_part(entry_type: str) -> DcatPart:
    part = entry_types.part(entry_type, DcatPart)
    if part is None:
        raise LookupError(f"Entry type {entry_type!r} has no DCAT part.")
    return part


def dcat_us_types(kind: str) -> list[str]:
    """The entry types DCAT-US and data.json describe as ``kind`` (dataset or service)."""
    return [key for key, part in entry_types.parts(DcatPart).items() if part.dcat_us_kind == kind]
