"""The embedded search backend: the database's own full-text search, nothing to install.

Text lives in the index tables Wagtail keeps with django-modelsearch
(``wagtailsearch_indexentry`` and, on SQLite, its FTS5 shadow table), written in bulk by this
backend. Ranking is our own query: one FTS5 MATCH
scored by ``bm25()`` with the title weighted above the rest, because modelsearch scores each
matching row with a correlated subquery and a broad word ("data" in 80% of entries) then takes
minutes (DESIGN.md §5).

Facet values live in ``search_facet_value`` (search/models.py); each process keeps them as
bitmaps (facet_cache.py), so filters and every facet count are ANDs and popcounts over the one
set of matches, and the order of "newest" and "title" is a cached list walked until a page is
full. One search is one SQL query for the text, one for the page's entries and one for its
highlights; a query made only of broad words needs no text query: their rankings, with
FTS5's exact bm25 scores, are cached per index state (broad_terms.py, docs/adr/0015).
"""

from __future__ import annotations

import html
import itertools
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone

from catalogue.models import (
    ApiType,
    Authentication,
    ChallengeStatus,
    Country,
    Entry,
    Language,
    Licence,
    Organisation,
    OrganisationKind,
    PPPSector,
    ProjectStatus,
    Theme,
)
from catalogue.registry import entry_types, entry_url

from ..documents_db import EntryDocument, build_document, indexable_entries, iter_in_batches
from ..models import FacetValueRow
from ..query import Facet, FacetValue, Hit, SearchQuery, SearchResults, Sort
from ..text_query import TextQuery, parse_text_query
from .broad_terms import WordRanking, broad_rankings
from .broad_terms import ranked as ranked_by_words
from .facet_cache import (
    FacetSnapshot,
    Membership,
    bitmap_from_ids,
    bump_token,
    current_snapshot,
)
from .sqlite_text_index import delete_all_text, delete_text, entry_rowids, insert_text, sync_text

Progress = Callable[[int], None]

TITLE_WEIGHT = 10.0
BODY_WEIGHT = 1.0
MARK_START, MARK_END = "\x02", "\x03"


def _marked_to_html(text: str) -> str:
    """Escape text from the index, then turn FTS markers into <mark> elements."""
    return html.escape(text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


def _placeholders(values: Sequence[object]) -> str:
    return ", ".join(["%s"] * len(values))


class DatabaseBackend:
    name = "database"

    # ------------------------------------------------------------------ indexing
    def _entry_content_type_id(self) -> int:
        return ContentType.objects.get_for_model(Entry).pk

    def index_entries(self, entry_ids: Iterable[int]) -> None:
        ids = sorted(set(entry_ids))
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            with transaction.atomic():
                if connection.vendor == "sqlite":
                    self._reindex(chunk)
                    continue
                self._remove(chunk)
                self._add(list(indexable_entries(chunk)))

    def remove_entries(self, entry_ids: Iterable[int]) -> None:
        ids = sorted(set(entry_ids))
        for start in range(0, len(ids), 500):
            with transaction.atomic():
                self._remove(ids[start : start + 500])

    def rebuild(self, progress: Progress | None = None) -> int:
        from wagtail.search.models import IndexEntry

        with transaction.atomic():
            ct = self._entry_content_type_id()
            if connection.vendor == "sqlite":
                with connection.cursor() as cursor:
                    delete_all_text(cursor, ct)
            else:
                entries = IndexEntry.objects.filter(content_type_id=ct)
                entries._raw_delete(entries.db)
            FacetValueRow.objects.all()._raw_delete(FacetValueRow.objects.db)
            bump_token()
        total = 0
        for batch in iter_in_batches(indexable_entries()):
            with transaction.atomic():
                self._add(batch)
            total += len(batch)
            if progress:
                progress(len(batch))
        return total

    def _remove(self, ids: list[int]) -> None:
        from wagtail.search.models import IndexEntry

        ct = self._entry_content_type_id()
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                delete_text(cursor, entry_rowids(cursor, ct, ids))
        else:
            # Raw deletes: nothing cascades from these derived rows, so skip Django's collector.
            entries = IndexEntry.objects.filter(
                content_type_id=ct, object_id__in=[str(i) for i in ids]
            )
            entries._raw_delete(entries.db)
        facets = FacetValueRow.objects.filter(entry_id__in=ids)
        facets._raw_delete(facets.db)
        bump_token()

    def _reindex(self, ids: list[int]) -> None:
        """Bring these entries' index rows (SQLite) in line with the database, writing only
        what differs.

        A harvest re-indexes every record whose source changed, yet many keep their text or
        their facets: rows equal to the new document stay as they are (Elasticsearch's noop
        detection does the same), changed text is updated in place, and only the facet rows
        that differ are deleted or inserted.
        """
        documents = {doc.entry_id: doc for doc in map(build_document, indexable_entries(ids))}
        with connection.cursor() as cursor:
            sync_text(cursor, self._entry_content_type_id(), ids, documents)
            self._sync_facets(cursor, ids, documents)
        # Always: the facet snapshot also holds each entry's place in the "newest" and
        # "title" orders and the challenge dates, which change without the rows changing.
        bump_token()

    def _sync_facets(
        self, cursor: Any, ids: list[int], documents: dict[int, EntryDocument]
    ) -> None:
        """Delete and insert only the facet rows that differ (a new licence: one row each),
        since every row written costs a write in three indexes."""
        cursor.execute(
            "SELECT entry_id, facet, value FROM search_facet_value "
            f"WHERE entry_id IN ({_placeholders(ids)})",  # noqa: S608
            ids,
        )
        current: dict[int, Counter[tuple[str, str]]] = {eid: Counter() for eid in ids}
        for entry_id, facet, value in cursor.fetchall():
            current[entry_id][(facet, value)] += 1
        deletes, inserts = [], []
        for eid in ids:
            wanted = Counter(documents[eid].facets) if eid in documents else Counter()
            for key in current[eid].keys() | wanted.keys():
                if current[eid][key] != wanted[key]:
                    if current[eid][key]:
                        deletes.append((eid, *key))
                    inserts += [(eid, *key)] * wanted[key]
        cursor.executemany(
            "DELETE FROM search_facet_value WHERE entry_id = %s AND facet = %s AND value = %s",
            deletes,
        )
        cursor.executemany(
            "INSERT INTO search_facet_value (entry_id, facet, value) VALUES (%s, %s, %s)", inserts
        )

    def _add(self, entries: list[Any]) -> None:
        if not entries:
            return
        documents = [build_document(entry) for entry in entries]
        bump_token()
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_facet_value (entry_id, facet, value) VALUES (%s, %s, %s)",
                [(doc.entry_id, facet, value) for doc in documents for facet, value in doc.facets],
            )
            if connection.vendor == "sqlite":
                # The row id is minus the entry id: FTS5 rowids then map to entries with no
                # join, and `rowid < 0` selects exactly this backend's rows (Wagtail's own
                # index rows for pages and organisations get positive ids). Both tables are
                # written here, not by triggers (sqlite_text_index.py).
                insert_text(cursor, self._entry_content_type_id(), documents)
                return
        # PostgreSQL / MySQL: modelsearch builds its vendor-specific vectors.
        from wagtail.search.backends import get_search_backend

        instances = list(Entry.objects.filter(pk__in=[e.pk for e in entries]))
        get_search_backend().add_bulk(Entry, instances)

    # ------------------------------------------------------------------ querying
    def search(self, query: SearchQuery) -> SearchResults:
        run = self._run(query)
        counts = run.facet_counts(Facet)
        page = run.ordered(limit=query.offset + query.page_size)[query.offset :]
        return SearchResults(
            query=query,
            count=run.filtered.bit_count(),
            hits=self._hits(page, run.text),
            facets=_label_facets(counts, query),
            backend=self.name,
        )

    def search_window(
        self,
        query: SearchQuery,
        *,
        start: int,
        rows: int,
        facets: Iterable[Facet] = (),
        within: int | None = None,
        reverse: bool = False,
    ) -> SearchWindow:
        """The count, the ids of ``rows`` matches from ``start`` and only the asked facets,
        without building hits (entry rows, highlights) nor counting every facet: the CKAN API
        reads its packages itself. ``within`` narrows the matches to a bitmap of entry ids
        (CKAN's tags); ``reverse`` reads the newest or title order backwards."""
        run = self._run(query)
        if within is not None:
            run.hits &= within
            run.filtered &= within
        pairs = run.ordered(limit=start + rows, reverse=reverse) if rows > 0 else []
        counts = run.facet_counts(facets)
        return SearchWindow(
            count=run.filtered.bit_count(),
            ids=[entry_id for entry_id, _ in pairs[start:]],
            facets=_label_facets(counts, query),
            matches=run.filtered,
            size_bytes=run.snap.size_bytes,
        )

    def search_ids(self, query: SearchQuery, *, limit: int | None = None) -> list[int]:
        """Every matching entry id in the query's order (bulk exports, the CKAN API)."""
        return [entry_id for entry_id, _ in self._run(query).ordered(limit=limit)]

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

    def _run(self, query: SearchQuery) -> _Run:
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
            matches = self._match(text, ranked=query.effective_sort is Sort.RELEVANCE)
            ids = (entry_id for entry_id, _ in matches)
            hits = bitmap_from_ids(ids, snap.size_bytes) & snap.universe
        postings = dict(snap.postings)
        if Facet.CHALLENGE_STATUS in query.filters or snap.challenges:
            postings[Facet.CHALLENGE_STATUS.value] = snap.challenge_status_bitmaps(timezone.now())
        selections = {
            facet: _union(postings.get(facet.value, {}), values)
            for facet, values in query.filters.items()
        }
        filtered = hits
        for bitmap in selections.values():
            filtered &= bitmap
        return _Run(query, text, snap, matches, hits, filtered, postings, selections, broad)

    def _match(self, text: TextQuery, *, ranked: bool) -> list[tuple[int, float]]:
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
                    return cursor.fetchall()
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
                [TITLE_WEIGHT, text.to_plain(), self._entry_content_type_id()],
            )
            return [(int(a), float(b)) for a, b in cursor.fetchall()]

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
            f"AND rowid IN ({_placeholders(ie_ids)})"
        )
        with connection.cursor() as cursor:
            cursor.execute(
                sql, [MARK_START, MARK_END, MARK_START, MARK_END, text.to_fts5(), *ie_ids]
            )
            return {
                -rowid: (_marked_to_html(title), _marked_to_html(snippet))
                for rowid, title, snippet in cursor.fetchall()
            }


@dataclass
class _Run:
    """One query's matches as bitmaps, and the order to read them in."""

    query: SearchQuery
    text: TextQuery
    snap: FacetSnapshot
    matches: list[tuple[int, float]] | None
    hits: int
    filtered: int
    postings: dict[str, dict[str, int]]
    selections: dict[Facet, int]
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

    def facet_counts(self, facets: Iterable[Facet]) -> dict[Facet, dict[str, int]]:
        """Each facet's value counts; a selected facet is counted over every other selection
        (disjunctive), as the Elasticsearch backend's post-filters do."""
        counts: dict[Facet, dict[str, int]] = {}
        for facet in facets:
            base = self.filtered
            if facet in self.selections:
                base = self.hits
                for other, bitmap in self.selections.items():
                    if other is not facet:
                        base &= bitmap
            counts[facet] = {
                value: n
                for value, bitmap in self.postings.get(facet.value, {}).items()
                if (n := (base & bitmap).bit_count())
            }
        return counts


@dataclass
class SearchWindow:
    """What ``search_window`` answers: a count, a window of ids and some facets."""

    count: int
    ids: list[int]
    facets: dict[Facet, list[FacetValue]]
    matches: int  # bitmap of every match (bit n = entry n)
    size_bytes: int


# -------------------------------------------------------------------------- labels
_CHOICE_LABELS: dict[Facet, dict[str, str]] = {
    Facet.ORGANISATION_KIND: {c.value: str(c.label) for c in OrganisationKind},
    Facet.API_TYPE: {c.value: str(c.label) for c in ApiType},
    Facet.AUTHENTICATION: {c.value: str(c.label) for c in Authentication},
    Facet.CHALLENGE_STATUS: {c.value: str(c.label) for c in ChallengeStatus},
    Facet.SECTOR: {c.value: str(c.label) for c in PPPSector},
}


def facet_labels(facet: Facet, values: Iterable[str]) -> dict[str, str]:
    """Human labels for facet values: shared by both backends."""
    values = list(values)
    if facet == Facet.TYPE:
        return {v: str(entry_types.get(v).label) if v in entry_types else v for v in values}
    if facet in _CHOICE_LABELS:
        choices = _CHOICE_LABELS[facet]
        return {v: choices.get(v, v) for v in values}
    lookups: dict[Facet, tuple[Any, str, str]] = {
        Facet.ORGANISATION: (Organisation, "slug", "name"),
        Facet.THEME: (Theme, "slug", "name"),
        Facet.LICENCE: (Licence, "spdx_id", "name"),
        Facet.COUNTRY: (Country, "code", "name"),
        Facet.LANGUAGE: (Language, "code", "name"),
        Facet.PPP_STATUS: (ProjectStatus, "code", "name"),
    }
    if facet in lookups and values:
        model, key, label = lookups[facet]
        found = _vocabulary_labels(facet, model, key, label, values)
        return {v: found.get(v, v) for v in values}
    return {v: v for v in values}


LABELS_TTL_SECONDS = 60.0
LABELS_RETRY_SECONDS = 2.0
_labels_cache: dict[Facet, tuple[float, dict[str, str]]] = {}


def _vocabulary_labels(
    facet: Facet, model: Any, key: str, label: str, values: list[str]
) -> dict[str, str]:
    """Every label of one vocabulary, read at most once a minute per process.

    Each search labels up to a thousand values in six vocabularies; six queries per search
    cost more than the search itself. Vocabularies change rarely (a renamed organisation
    shows its new name within a minute).
    """
    now = time.monotonic()
    cached = _labels_cache.get(facet)
    if cached is not None:
        age = now - cached[0]
        # A value added by another process is read again, but at most every few seconds
        # (a made-up value in a URL must not cost a table read per request).
        fresh = age < LABELS_TTL_SECONDS and all(v in cached[1] for v in values)
        if fresh or age < LABELS_RETRY_SECONDS:
            return cached[1]
    labels = dict(model.objects.values_list(key, label).iterator(chunk_size=5000))
    _labels_cache[facet] = (now, labels)
    return labels


def forget_vocabulary_labels(**_: Any) -> None:
    """A vocabulary row changed in this process: read labels afresh (signals, apps.py)."""
    _labels_cache.clear()


def _union(postings: dict[str, int], values: Iterable[str]) -> int:
    bitmap = 0
    for value in values:
        bitmap |= postings.get(value, 0)
    return bitmap


def _label_facets(
    counts: dict[Facet, dict[str, int]], query: SearchQuery
) -> dict[Facet, list[FacetValue]]:
    result: dict[Facet, list[FacetValue]] = {}
    for facet, values in counts.items():
        selected = set(query.filters.get(facet, ()))
        # A selected value stays listed (with 0) so it can be deselected.
        merged = {**{v: 0 for v in selected}, **values}
        labels = facet_labels(facet, merged)
        result[facet] = sorted(
            (
                FacetValue(value=v, label=labels[v], count=n, selected=v in selected)
                for v, n in merged.items()
            ),
            key=lambda fv: (-fv.count, fv.label.lower()),
        )
    return result
