"""What Elasticsearch stores for an entry: the indexing half (querying is in faceted.py).

One index holds all four entry types. Text is split by weight (title over summary over
description, DESIGN.md §5), every facet is a keyword field named after its URL parameter (so a
``Facet`` value is also its field name), and a challenge stores the time span of each status
rather than a status, which would go stale as the clock moves (the query asks which span holds
"now"). Facet values come from the same function the database backend uses, so both backends
count the same things.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from elasticsearch.dsl import (
    Boolean,
    Date,
    DateRange,
    Document,
    Integer,
    Keyword,
    Text,
)

from catalogue.models import ChallengeStatus
from catalogue.registry import entry_types, entry_url
from catalogue.sanitise import html_to_text

from .documents_db import facet_values, indexable_entries, iter_in_batches
from .es_analysis import INDEX_ANALYZER, SEARCH_ANALYZER
from .facets import stored_facets, type_text
from .query import Facet

COMBINED_SEPARATOR = ":"

# Bump when the mapping changes: `search_index check` then asks for a rebuild (as it does
# when an entry type adds a facet: see ``outdated_fields``).
SCHEMA_VERSION = 3


def indexed_facets() -> tuple[str, ...]:
    """Facets stored as keyword fields: every facet but the timelines (computed per query)."""
    return entry_types.derived(_indexed_facets)


def _indexed_facets() -> tuple[str, ...]:
    return tuple(d.name for d in stored_facets())


def combined_facets() -> tuple[str, ...]:
    """Facets counted together through the ``facet_values`` field (CatalogueSearch.aggregate);
    organisations are unbounded, so they keep an aggregation of their own."""
    return entry_types.derived(_combined_facets)


def _combined_facets() -> tuple[str, ...]:
    return tuple(name for name in indexed_facets() if name != Facet.ORGANISATION)


# Query-time weights of the text fields (title over summary over description).
TEXT_FIELDS = (
    "title^8",
    "summary^3",
    "keywords^3",
    "description",
    "context",
)


def _text(**extra: Any) -> Text:
    return Text(analyzer=INDEX_ANALYZER, search_analyzer=SEARCH_ANALYZER, **extra)


class EntryIndexDocument(Document):
    """The mapping. Documents are written as plain dicts in bulk (see ``entry_to_source``)."""

    entry_id = Integer()
    slug = Keyword()
    url = Keyword(index=False)
    title = _text(
        # Autocomplete: a prefix query on the title uses these indexed prefixes (core only).
        index_prefixes={"min_chars": 2, "max_chars": 10},
        fields={"sort": Keyword(normalizer="lowercase", ignore_above=256)},
    )
    summary = _text()
    description = _text()  # description and problem statement, as plain text
    keywords = _text(fields={"raw": Keyword(ignore_above=100)})
    context = _text()  # publisher name, theme names, place: matched, never highlighted alone
    publisher_name = Keyword(index=False)
    modified = Date()
    issued = Date()
    updated_at = Date()
    quality_score = Integer()
    opens_at = Date()
    closes_at = Date()
    judging_ends_at = Date()
    has_personal_data = Boolean()
    # When a challenge is in each status (see ``challenge_periods``): the status facet is then
    # four point-in-range term queries at query time instead of compound date logic per doc.
    upcoming_period = DateRange()
    open_period = DateRange()
    judging_period = DateRange()
    closed_period = DateRange()

    # Every bounded facet's values once more, as "facet:value" in one field: one terms
    # aggregation counts them all in a single pass (faceted.py); organisations are unbounded.
    # Global ordinals built at refresh, not by the first search after it.
    facet_values = Keyword(eager_global_ordinals=True)
    # Shared facets: one keyword field each, named by its URL parameter (for filtering). Each
    # entry type's own facets are added to the mapping by ``mapping``.
    type = Keyword()
    organisation = Keyword(eager_global_ordinals=True)
    organisation_kind = Keyword()
    theme = Keyword()
    licence = Keyword()
    format = Keyword()
    country = Keyword()
    language = Keyword()

    class Meta:
        dynamic = "strict"  # a typo in a field name fails loudly instead of mapping junk


def mapping() -> dict[str, Any]:
    """The document's fields, with a keyword field for each facet an entry type declares."""
    declared: dict[str, Any] = EntryIndexDocument._doc_type.mapping.to_dict()
    properties = declared["properties"]
    for name in indexed_facets():
        properties.setdefault(name, {"type": "keyword"})
    return declared


def outdated_fields(index_properties: dict[str, Any]) -> list[str]:
    """Fields the mapping has and an existing index lacks (a facet added since it was built)."""
    return sorted(set(mapping()["properties"]) - set(index_properties))


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


Period = tuple[dt.datetime | None, dt.datetime | None]  # [gte, lt); None is unbounded


def challenge_periods(
    opens_at: dt.datetime | None,
    closes_at: dt.datetime | None,
    judging_ends_at: dt.datetime | None,
) -> dict[str, Period]:
    """The time span of each status, so that ``now`` in a span gives ``challenge_status_at``.

    The status is a step function of time with at most three steps, so it can be indexed once
    as spans instead of being recomputed for every document of every query. Empty spans
    (a challenge that closes before it opens) are left out, as the status never takes them.
    """

    def latest(*moments: dt.datetime | None) -> dt.datetime | None:
        known = [m for m in moments if m is not None]
        return max(known) if known else None

    spans: dict[str, Period] = {}
    if opens_at is not None:
        spans[ChallengeStatus.UPCOMING.value] = (None, opens_at)
    spans[ChallengeStatus.OPEN.value] = (opens_at, closes_at)
    if closes_at is not None:
        ended = latest(opens_at, closes_at)
        if judging_ends_at is not None:
            spans[ChallengeStatus.JUDGING.value] = (ended, judging_ends_at)
        spans[ChallengeStatus.CLOSED.value] = (latest(ended, judging_ends_at), None)
    return {
        status: (start, end)
        for status, (start, end) in spans.items()
        if start is None or end is None or start < end
    }


def _period_fields(entry: Any) -> dict[str, dict[str, str]]:
    spec = entry_types.get(entry.entry_type) if entry.entry_type in entry_types else None
    if spec is None or not spec.has_timeline:
        return {}
    fields = {}
    for status, (start, end) in challenge_periods(
        entry.opens_at, entry.closes_at, entry.judging_ends_at
    ).items():
        bounds = {}
        if start is not None:
            bounds["gte"] = start.isoformat()
        if end is not None:
            bounds["lt"] = end.isoformat()
        fields[f"{status}_period"] = bounds
    return fields


def entry_to_source(entry: Any) -> dict[str, Any]:
    """The indexed document of one published entry (an ``Entry`` or its indexing snapshot)."""
    facets: dict[str, list[str]] = {name: [] for name in indexed_facets()}
    for facet, value in facet_values(entry):
        facets[facet].append(value)
    description = " ".join(
        p for p in (html_to_text(entry.description), html_to_text(entry.problem_statement)) if p
    )
    context = " ".join(
        p
        for p in (
            entry.publisher.name,
            " ".join(t.name for t in entry.themes.all()),
            entry.spatial_label,
            type_text(entry.entry_type, entry.facet_columns),
        )
        if p
    )
    source: dict[str, Any] = {
        "entry_id": entry.pk,
        "slug": entry.slug,
        "url": entry_url(entry.entry_type, entry.slug),
        "title": entry.title,
        "summary": entry.summary,
        "description": description,
        "keywords": list(entry.keywords or []),
        "context": context,
        "publisher_name": entry.publisher.name,
        "modified": _iso(entry.modified),
        "issued": _iso(entry.issued),
        "updated_at": _iso(entry.updated_at),
        "quality_score": entry.quality_score,
        "opens_at": _iso(entry.opens_at),
        "closes_at": _iso(entry.closes_at),
        "judging_ends_at": _iso(entry.judging_ends_at),
        "has_personal_data": entry.contains_personal_data,
        **_period_fields(entry),
        "facet_values": [
            f"{name}{COMBINED_SEPARATOR}{value}"
            for name in combined_facets()
            for value in facets[name]
        ],
        **facets,
    }
    return source


def iter_sources(entry_ids: Iterable[int] | None = None) -> Iterator[list[dict[str, Any]]]:
    """Documents of published entries (all, or these ids), in batches of constant memory."""
    for batch in iter_in_batches(indexable_entries(entry_ids)):
        yield [entry_to_source(entry) for entry in batch]
