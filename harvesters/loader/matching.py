"""Which existing entry a new record feeds when another source already feeds the same dataset.

Within one source the remote id is the identity: two records sharing a landing page (many
portals give one generic page to many datasets) stay two entries. Across sources a record
joins the entry with its identifier URI, else the one entry of its type with its landing page.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Count, Q

from catalogue.models.entries import Entry

from ..models import HarvestSource
from ..records import EntryRecord
from .entry_values import harvestable_types

_Key = tuple[str, str]  # (entry type, identifier or landing page)


def match_entries(source: HarvestSource, records: Sequence[EntryRecord]) -> dict[str, int]:
    """remote id → the entry ANOTHER source feeds with the same identifier or landing page.

    ``records`` are those without an entry of their own. A landing page matches only when
    exactly one entry of that type has it.
    """
    identifiers = {r.identifier[:500] for r in records if r.identifier}
    pages = {r.landing_page[:1000] for r in records if r.landing_page}
    if not identifiers and not pages:
        return {}
    by_identifier, by_page = _candidates(source, identifiers, pages)
    found: dict[str, int] = {}
    for record in records:
        pk = by_identifier.get((record.entry_type, record.identifier[:500]))
        if pk is None:
            pk = by_page.get((record.entry_type, record.landing_page[:1000]))
        if pk:
            found[record.remote_id] = pk
    return found


def _candidates(
    source: HarvestSource, identifiers: set[str], pages: set[str]
) -> tuple[dict[_Key, int], dict[_Key, int]]:
    """Entries other sources feed, by identifier (first wins) and by unshared landing page."""
    rows = (
        Entry.objects.filter(
            Q(identifier__in=identifiers) | Q(landing_page__in=pages),
            entry_type__in=harvestable_types(),
        )
        .exclude(harvest_records__source=source)
        .order_by("id")
        .values_list("id", "entry_type", "identifier", "landing_page")
    )
    by_identifier: dict[_Key, int] = {}
    by_page: dict[_Key, list[int]] = {}
    for pk, entry_type, identifier, page in rows:
        if identifier in identifiers:
            by_identifier.setdefault((entry_type, identifier), pk)
        if page in pages:
            by_page.setdefault((entry_type, page), []).append(pk)
    if not by_page:
        return by_identifier, {}
    shared = _shared_pages({page for _type, page in by_page})
    unshared = {k: v[0] for k, v in by_page.items() if len(v) == 1 and k[1] not in shared}
    return by_identifier, unshared


def _shared_pages(pages: set[str]) -> set[str]:
    """Landing pages more than one entry has, counting entries this batch cannot see."""
    return set(
        Entry.objects.filter(landing_page__in=pages)
        .order_by()
        .values_list("landing_page")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .values_list("landing_page", flat=True)
    )
