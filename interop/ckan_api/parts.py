"""What an entry type brings to the CKAN Action API: its package type, name and resources.

Each type in the CKAN API registers one :class:`CkanPackagePart`
(``entrytypes/<type>/ckan.py``); a type without one is not a CKAN package. Package names are
unique across types in CKAN and our slugs are unique per type, so every type but one has a
name prefix (``api--<slug>``; ``--`` never occurs in a slug Django's ``slugify`` makes).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from catalogue.models import Entry
from catalogue.registry import entry_types

if TYPE_CHECKING:
    from .packages import Related


def _no_pairs(entry: Entry) -> list[tuple[str, Any]]:
    return []


@dataclass(frozen=True)
class CkanPackagePart:
    package_type: str  # CKAN's ``type``: "dataset", "api", "showcase"...
    name_prefix: str  # "" for exactly one type (datasets), else e.g. "api--"
    resources: Callable[[Entry, Related], list[dict[str, Any]]]
    extras: Callable[[Entry], list[tuple[str, Any]]] = _no_pairs  # (key, value); empty dropped


def ckan_parts() -> dict[str, CkanPackagePart]:
    return entry_types.parts(CkanPackagePart)


def ckan_part(entry_type: str) -> CkanPackagePart:
    part = entry_types.part(entry_type, CkanPackagePart)
    if part is None:
        raise LookupError(f"Entry type {entry_type!r} is not a CKAN package.")
    return part


def package_types() -> dict[str, str]:
    """CKAN package type -> entry type."""
    return {part.package_type: key for key, part in ckan_parts().items()}
