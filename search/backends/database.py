"""The embedded search backend: the database's own full-text search, nothing to install.

Text lives in the index tables Wagtail keeps with django-modelsearch
(``wagtailsearch_indexentry`` and, on SQLite, its FTS5 shadow table), written in bulk by this
backend. Ranking is our own query: one FTS5 MATCH
scored by ``bm25()`` with the title weighted above the rest, because modelsearch scores each
matching row with a correlated subquery: a broad word ("data" in 80% of entries) then costs
one subquery per entry it matches (DESIGN.md §5).

Facet values live in ``search_facet_value`` (search/models.py); each process keeps them as
bitmaps (facet_cache.py), so filters and every facet count are ANDs and popcounts over the one
set of matches, and the order of "newest" and "title" is a cached list walked until a page is
full. One search is one SQL query for the text, one for the page's entries and one for its
highlights; a query made only of broad words needs no text query: their rankings, with
FTS5's exact bm25 scores, are cached per index state (broad_terms.py, docs/adr/0015).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from django.db import connection
from django.db.models import Q

from catalogue.models.entries import Entry
from catalogue.registry import entry_url

from ..es_health import HealthSnapshot
from ..facet_labels import label_facets
from ..facets import facet_names
from ..query import FacetName, Hit, SearchQuery, SearchResults, SearchWindow
from ..text_query import TextQuery, parse_text_query
from . import database_writes
from .base import DriftReport, Progress, SearchBackend, Suggestion
from .bitmap_run import BODY_WEIGHT, TITLE_WEIGHT, BitmapRun, run_query
from .database_writes import placeholders

MARK_START, MARK_END = "\x02", "\x03"


def _marked_to_html(text: str) -> str:
    """Escape text from the index, then turn FTS markers into <mark> elements."""
    return html.escape(text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


def title_suggestions(prefix: str, limit: int) -> list[Suggestion]:
    """Titles starting with the text, then titles containing it: published entries only."""
    rows = list(
        Entry.objects.published()
        .filter(Q(title__istartswith=prefix) | Q(title__icontains=f" {prefix}"))
        .order_by("-quality_score", "title")
        .values_list("title", "slug", "entry_type")[:limit]
    )
    return [
        {
            "title": title,
            "type": entry_type,
            "url": entry_url(entry_type, slug),
        }
        for title, slug, entry_type in rows
    ]


class DatabaseBackend(SearchBackend):
    name = "database"

    # ------------------------------------------------------------------ writing
    def index_entries(self, entry_ids: Iterable[int]) -> None:
        database_writes.write_entries(entry_ids)

    def remove_entries(self, entry_ids: Iterable[int]) -> None:
        database_writes.remove_entries(entry_ids)

    def index_entries_later(self, entry_ids: Iterable[int]) -> None:
        """The index is in the database itself: written at once, after the commit."""
        database_writes.write_entries(entry_ids)

    def remove_entries_later(self, entry_ids: Iterable[int]) -> None:
        database_writes.remove_entries(entry_ids)

    def resync(self, entry_ids: Iterable[int]) -> int:
        ids = sorted(set(entry_ids))
        database_writes.write_entries(ids)
        indexed: int = Entry.objects.published().filter(pk__in=ids).count()
        return indexed

    def rebuild(self, progress: Progress | None = None) -> int:
        return database_writes.rebuild_all(progress)

    def drift(self) -> DriftReport:
        return database_writes.drift()

    # ------------------------------------------------------------------ operating
    def fallback(self) -> SearchBackend | None:
        return None

    def health(self, *, live: bool = True) -> HealthSnapshot | None:
        return None

    def index_info(self) -> dict[str, Any]:
        return {}

    # ------------------------------------------------------------------ reading
    def search(self, query: SearchQuery) -> SearchResults:
        run = self._run(query)
        counts = run.facet_counts(facet_names())
        page = run.ordered(limit=query.offset + query.page_size)[query.offset :]
        return SearchResults(
            query=query,
            count=run.filtered.bit_count(),
            hits=self._hits(page, run.text),
            facets=label_facets(counts, query),
            backend=self.name,
        )

    def search_window(
        self,
        query: SearchQuery,
        *,
        start: int,
        rows: int,
        facets: Iterable[FacetName] = (),
        within: int | None = None,
        reverse: bool = False,
    ) -> SearchWindow:
        """Without building hits (entry rows, highlights) nor counting every facet: the CKAN
        API reads its packages itself."""
        run = self._run(query)
        if within is not None:
            run.hits &= within
            run.filtered &= within
        pairs = run.ordered(limit=start + rows, reverse=reverse) if rows > 0 else []
        counts = run.facet_counts(facets)
        return SearchWindow(
            count=run.filtered.bit_count(),
            ids=[entry_id for entry_id, _ in pairs[start:]],
            facets=label_facets(counts, query),
            matches=run.filtered,
            size_bytes=run.snap.size_bytes,
        )

    def count_facets(
        self, query: SearchQuery, facets: Iterable[FacetName]
    ) -> dict[FacetName, dict[str, int]]:
        """Popcounts over the facet bitmaps: no SQL once the snapshot is built."""
        return self._run(query).facet_counts(facets)

    def answers_from_bitmaps(self) -> bool:
        return True

    def search_ids(self, query: SearchQuery, *, limit: int | None = None) -> list[int]:
        return [entry_id for entry_id, _ in self._run(query).ordered(limit=limit)]

    def suggest(self, prefix: str, limit: int = 8) -> list[Suggestion]:
        return title_suggestions(prefix, limit)

    def related(self, entry_id: int, limit: int = 5) -> list[Hit]:
        """Entries most like this one: any of its distinctive title and keyword words, ranked
        by bm25 (a simple "more like this" on the embedded backend)."""
        entry = Entry.objects.filter(pk=entry_id).values("title", "keywords").first()
        if entry is None or connection.vendor != "sqlite":
            return []
        text = " ".join([entry["title"], *(entry["keywords"] or [])])
        words = [w for w in parse_text_query(text).terms if len(w) > 3 and not w.isdigit()][:12]
        if not words:
            return []
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT -rowid, bm25(wagtailsearch_indexentry_fts, 0.0, %s, %s) AS score "
                "FROM wagtailsearch_indexentry_fts WHERE wagtailsearch_indexentry_fts MATCH %s "
                "AND rowid < 0 AND rowid != %s ORDER BY score LIMIT %s",
                [BODY_WEIGHT, TITLE_WEIGHT, " OR ".join(f'"{w}"' for w in words), -entry_id, limit],
            )
            rows = cursor.fetchall()
        return self._hits(rows, parse_text_query(""))

    def _run(self, query: SearchQuery) -> BitmapRun:
        return run_query(query)

    def _hits(self, rows: list[tuple[int, float]], text: TextQuery) -> list[Hit]:
        ids = [entry_id for entry_id, _ in rows]
        entries = {
            e.pk: e
            for e in Entry.objects.filter(pk__in=ids)
            .select_related("publisher")
            .only(
                "entry_type",
                "slug",
                "title",
                "summary",
                "modified",
                "publisher__name",
                "publisher__slug",
                "quality_score",
            )
        }
        highlights = self._highlights(ids, text)
        hits = []
        for entry_id, score in rows:
            entry = entries.get(entry_id)
            if entry is None:
                continue
            title_hl, text_hl = highlights.get(entry_id, ("", ""))
            hits.append(
                Hit(
                    entry_id=entry.pk,
                    entry_type=entry.entry_type,
                    slug=entry.slug,
                    title=entry.title,
                    summary=entry.summary,
                    url=entry_url(entry.entry_type, entry.slug),
                    publisher=entry.publisher.name,
                    publisher_slug=entry.publisher.slug,
                    modified=entry.modified.isoformat() if entry.modified else None,
                    score=-score if score else None,
                    title_highlight=title_hl or html.escape(entry.title),
                    text_highlight=text_hl,
                    extra={"quality_score": entry.quality_score},
                )
            )
        return hits

    def _highlights(self, entry_ids: list[int], text: TextQuery) -> dict[int, tuple[str, str]]:
        """Highlighted title and snippet of each hit, keyed by entry id (rowid = -entry id)."""
        if not entry_ids or text.is_empty or connection.vendor != "sqlite":
            return {}
        ie_ids = [-entry_id for entry_id in entry_ids]
        sql = (
            "SELECT rowid, highlight(wagtailsearch_indexentry_fts, 2, %s, %s), "
            "snippet(wagtailsearch_indexentry_fts, 1, %s, %s, '…', 24) "
            "FROM wagtailsearch_indexentry_fts WHERE wagtailsearch_indexentry_fts MATCH %s "
            f"AND rowid IN ({placeholders(ie_ids)})"
        )
        with connection.cursor() as cursor:
            cursor.execute(
                sql, [MARK_START, MARK_END, MARK_START, MARK_END, text.to_fts5(), *ie_ids]
            )
            return {
                -rowid: (_marked_to_html(title), _marked_to_html(snippet))
                for rowid, title, snippet in cursor.fetchall()
            }
