"""One query on the database backend: its matches as bitmaps, and the order to read them in.

The text is matched once (FTS5 on SQLite, tsvector elsewhere) or taken from the cached rankings
of broad words (broad_terms.py, docs/adr/0015); filters and every facet count are then ANDs and
popcounts over the facet snapshot's bitmaps (facet_cache.py).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection
from django.utils import timezone

from ..bitmaps import Membership, bitmap_from_ids
from ..facets import timeline_facets
from ..query import FacetName, SearchQuery, Sort
from ..text_query import TextQuery, parse_text_query
from .broad_terms import WordRanking, broad_rankings
from .broad_terms import ranked as ranked_by_words
from .database_writes import entry_content_type_id
from .facet_cache import FacetSnapshot, current_snapshot

TITLE_WEIGHT = 10.0
BODY_WEIGHT = 1.0


@dataclass
class BitmapRun:
    """One query's matches as bitmaps, and the order to read them in."""

    query: SearchQuery
    text: TextQuery
    snap: FacetSnapshot
    matches: list[tuple[int, float]] | None
    hits: int
    filtered: int
    postings: dict[str, dict[str, int]]
    selections: dict[FacetName, int]
    broad: list[WordRanking] | None = None  # cached rankings, when every word is broad

    def ordered(self, *, limit: int | None, reverse: bool = False) -> list[tuple[int, float]]:
        members = Membership(self.filtered, self.snap.size_bytes)
        sort = self.query.effective_sort
        if reverse and sort is Sort.RELEVANCE:
            return self.ordered(limit=None)[::-1][:limit]
        if self.broad is not None and sort is Sort.RELEVANCE:
            return ranked_by_words(self.broad, members, limit)
        if self.matches is not None and sort is Sort.RELEVANCE:
            ranked = (pair for pair in self.matches if pair[0] in members)
        else:
            order = self.snap.title_order if sort is Sort.TITLE else self.snap.newest_first
            walk = reversed(order) if reverse else iter(order)
            ranked = ((entry_id, 0.0) for entry_id in walk if entry_id in members)
        return list(itertools.islice(ranked, limit))

    def facet_counts(self, facets: Iterable[FacetName]) -> dict[FacetName, dict[str, int]]:
        """Each facet's value counts; a selected facet is counted over every other selection
        (disjunctive), as the Elasticsearch backend's post-filters do."""
        counts: dict[FacetName, dict[str, int]] = {}
        for facet in facets:
            base = self.filtered
            if facet in self.selections:
                base = self.hits
                for other, bitmap in self.selections.items():
                    if other != facet:
                        base &= bitmap
            counts[facet] = {
                value: n
                for value, bitmap in self.postings.get(facet, {}).items()
                if (n := (base & bitmap).bit_count())
            }
        return counts


def run_query(query: SearchQuery) -> BitmapRun:
    text = parse_text_query(query.text)
    snap = current_snapshot()
    matches: list[tuple[int, float]] | None = None
    broad = None
    if not text.is_empty and not text.phrases:
        # Only broad words: their rankings are cached per index state (broad_terms.py).
        broad = broad_rankings(
            text.terms,
            token=snap.token,
            indexed=snap.universe.bit_count(),
            size_bytes=snap.size_bytes,
        )
    if text.is_empty:
        hits = snap.universe
    elif broad is not None:
        hits = snap.universe
        for ranking in broad:
            hits &= ranking.bitmap
    else:
        matches = match_text(text, ranked=query.effective_sort is Sort.RELEVANCE)
        ids = (entry_id for entry_id, _ in matches)
        hits = bitmap_from_ids(ids, snap.size_bytes) & snap.universe
    postings = dict(snap.postings)
    timelines = timeline_facets()
    if snap.challenges or any(d.name in query.filters for d in timelines):
        statuses = snap.challenge_status_bitmaps(timezone.now())
        postings.update({definition.name: statuses for definition in timelines})
    selections = {
        facet: _union(postings.get(facet, {}), values) for facet, values in query.filters.items()
    }
    filtered = hits
    for bitmap in selections.values():
        filtered &= bitmap
    return BitmapRun(query, text, snap, matches, hits, filtered, postings, selections, broad)


def match_text(text: TextQuery, *, ranked: bool) -> list[tuple[int, float]]:
    """Entry ids matching the text, best first when ``ranked`` (lower score = better)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            if ranked:
                cursor.execute(
                    "SELECT -rowid, bm25(wagtailsearch_indexentry_fts, 0.0, %s, %s) AS score "
                    "FROM wagtailsearch_indexentry_fts WHERE wagtailsearch_indexentry_fts "
                    "MATCH %s AND rowid < 0 ORDER BY score, rowid",
                    [BODY_WEIGHT, TITLE_WEIGHT, text.to_fts5()],
                )
                return [(int(a), float(b)) for a, b in cursor.fetchall()]
            cursor.execute(
                "SELECT -rowid FROM wagtailsearch_indexentry_fts "
                "WHERE wagtailsearch_indexentry_fts MATCH %s AND rowid < 0",
                [text.to_fts5()],
            )
            return [(row[0], 0.0) for row in cursor.fetchall()]
        cursor.execute(
            "SELECT CAST(ie.object_id AS BIGINT), "
            "-(ts_rank(ie.title, q) * %s + ts_rank(ie.body, q)) AS score "
            "FROM wagtailsearch_indexentry ie, plainto_tsquery(%s) q "
            "WHERE ie.content_type_id = %s AND (ie.title @@ q OR ie.body @@ q) "
            "ORDER BY score",
            [TITLE_WEIGHT, text.to_plain(), entry_content_type_id()],
        )
        return [(int(a), float(b)) for a, b in cursor.fetchall()]


def _union(postings: dict[str, int], values: Iterable[str]) -> int:
    bitmap = 0
    for value in values:
        bitmap |= postings.get(value, 0)
    return bitmap
