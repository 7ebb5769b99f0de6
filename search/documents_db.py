"""What the database backend stores for an entry: its text and its facet values.

Kept apart from querying (as Read the Docs keeps indexing apart from its FacetedSearch), and
shared with the Elasticsearch documents where they agree on facet values.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from catalogue.models import Distribution, Entry
from catalogue.sanitise import html_to_text

from .query import Facet

BATCH_SIZE = 500

# Facets whose value is a stored fact of the entry; challenge_status is computed at query time.
STORED_FACETS = tuple(f for f in Facet if f is not Facet.CHALLENGE_STATUS)


@dataclass(frozen=True)
class EntryDocument:
    entry_id: int
    title: str
    body: str
    facets: tuple[tuple[str, str], ...]


def indexable_entries(entry_ids: Iterable[int] | None = None) -> QuerySet[Entry]:
    """Published entries with everything their document needs, in a fixed number of queries."""
    qs = Entry.objects.published()
    if entry_ids is not None:
        qs = qs.filter(pk__in=list(entry_ids))
    return (
        qs.select_related("publisher", "licence", "project_status")
        .prefetch_related(
            "themes",
            "countries",
            "languages",
            Prefetch("distributions", queryset=Distribution.objects.only("entry_id", "format")),
        )
        .order_by("pk")
    )


def iter_in_batches(qs: QuerySet[Entry], size: int = BATCH_SIZE) -> Iterator[list[Entry]]:
    """Keyset pagination on the primary key alone: constant memory, and each step is an index
    range scan (filtering first would let SQLite pick another index and sort every time)."""
    last = 0
    while True:
        window = list(
            Entry.objects.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:size]
        )
        if not window:
            return
        last = window[-1]
        batch = list(qs.filter(pk__in=window))
        if batch:
            yield batch


def facet_values(entry: Entry) -> list[tuple[str, str]]:
    values: list[tuple[str, str]] = [
        (Facet.TYPE, entry.entry_type),
        (Facet.ORGANISATION, entry.publisher.slug),
        (Facet.ORGANISATION_KIND, entry.publisher.kind),
    ]
    values += [(Facet.THEME, t.slug) for t in entry.themes.all()]
    if entry.licence is not None:
        values.append((Facet.LICENCE, entry.licence.spdx_id))
    formats = {d.format.upper() for d in entry.distributions.all() if d.format}
    values += [(Facet.FORMAT, f[:200]) for f in sorted(formats)]
    values += [(Facet.COUNTRY, c.code) for c in entry.countries.all()]
    values += [(Facet.LANGUAGE, lang.code) for lang in entry.languages.all()]
    if entry.api_type:
        values.append((Facet.API_TYPE, entry.api_type))
    if entry.authentication:
        values.append((Facet.AUTHENTICATION, entry.authentication))
    if entry.project_status is not None:
        values.append((Facet.PPP_STATUS, entry.project_status.code))
    if entry.sector:
        values.append((Facet.SECTOR, entry.sector))
    return [(str(facet), value) for facet, value in values]


def build_document(entry: Entry) -> EntryDocument:
    body_parts = [
        entry.summary,
        html_to_text(entry.description),
        html_to_text(entry.problem_statement),
        " ".join(entry.keywords or []),
        entry.publisher.name,
        " ".join(t.name for t in entry.themes.all()),
        entry.spatial_label,
    ]
    return EntryDocument(
        entry_id=entry.pk,
        title=entry.title,
        body=" ".join(p for p in body_parts if p),
        facets=tuple(facet_values(entry)),
    )
