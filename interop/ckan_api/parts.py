"""What an entry type brings to the CKAN Action API: its package type, name and resources.

Each type in the CKAN API registers one :class:`CkanPackagePart`
(``entrytypes/<type>/ckan.py``); a type without one is not a CKAN package. Package names are
unique across types in CKAN and our slugs are unique per type, so every type but one has a
name prefix (``api--<slug>``; ``--`` never occurs in a slug Django's ``slugify`` makes).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet

from catalogue.models import Entry
from catalogue.registry import entry_types

if TYPE_CHECKING:
    from .packages import Related


def _no_pairs(entry: Entry) -> list[tuple[str, Any]]:
    return []


def _unchanged(queryset: QuerySet[Entry]) -> QuerySet[Entry]:
    return queryset


@dataclass(frozen=True)
class CkanPackagePart:
    package_type: str  # CKAN's ``type``: "dataset", "api", "showcase"...
    name_prefix: str  # "" for exactly one type (datasets), else e.g. "api--"
    resources: Callable[[Entry, Related], list[dict[str, Any]]]
    extras: Callable[[Entry], list[tuple[str, Any]]] = _no_pairs  # (key, value); empty dropped
    # Actions of the CKAN extension that serves this type (ckanext-showcase's
    # ``ckanext_showcase_list``...), by name: ``(data, base_url) -> result``.
    actions: dict[str, Callable[[dict[str, Any], str], Any]] = field(default_factory=dict)
    # What ``resources`` and ``extras`` read beyond the shared row (a child table's row),
    # joined or prefetched for a whole page of packages so it costs no query per package.
    relations: Callable[[QuerySet[Entry]], QuerySet[Entry]] = _unchanged


def ckan_parts() -> dict[str, CkanPackagePart]:
    return entry_types.parts(CkanPackagePart)


def ckan_part(entry_type: str) -> CkanPackagePart:
    part = entry_types.part(entry_type, CkanPackagePart)
    if part is None:
        raise LookupError(f"Entry type {entry_type!r} is not a CKAN package.")
    return part


def type_action(name: str) -> Callable[[dict[str, Any], str], Any] | None:
    """An action some entry type's part adds to the Action API, or None."""
    return next((p.actions[name] for p in ckan_parts().values() if name in p.actions), None)


def package_types() -> dict[str, str]:
    """CKAN package type -> entry type."""
    return {part.package_type: key for key, part in ckan_parts().items()}
