"""The embedded search backend: the database's own full-text search, nothing to install.

Text lives in django-modelsearch's index tables (``modelsearch_indexentry`` and, on SQLite, its
FTS5 shadow table), written in bulk by this backend. Ranking is our own query: one FTS5 MATCH
scored by ``bm25()`` with the title weighted above the rest, because modelsearch scores each
matching row with a correlated subquery and a broad word ("data" in 80% of entries) then takes
minutes (DESIGN.md §5). Facet counts come from ``search_facet_value`` (see search/models.py).

One request computes the matching set once into a per-connection temporary table, then counts
facets, pages and highlights from it.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone

from catalogue.models import (
    ENTRY_TYPE_PATHS,
    ApiType,
    Authentication,
    ChallengeStatus,
    Country,
    Entry,
    EntryType,
    Language,
    Licence,
    Organisation,
    OrganisationKind,
    PPPSector,
    ProjectStatus,
    Theme,
)

from ..documents_db import build_document, indexable_entries, iter_in_batches
from ..models import FacetValueRow
from ..query import Facet, FacetValue, Hit, SearchQuery, SearchResults, Sort
from ..text_query import TextQuery, parse_text_query

Progress = Callable[[int], None]

TITLE_WEIGHT = 10.0
BODY_WEIGHT = 1.0
MARK_START, MARK_END = "\x02", "\x03"

# SQL for a challenge's status from its dates, at query time (statuses move with the clock).
CHALLENGE_STATUS_SQL = (
    "CASE WHEN e.opens_at IS NOT NULL AND %s < e.opens_at THEN 'upcoming' "
    "WHEN e.closes_at IS NULL OR %s < e.closes_at THEN 'open' "
    "WHEN e.judging_ends_at IS NOT NULL AND %s < e.judging_ends_at THEN 'judging' "
    "ELSE 'closed' END"
)


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
                self._remove(chunk)
                self._add(list(indexable_entries(chunk)))

    def remove_entries(self, entry_ids: Iterable[int]) -> None:
        ids = sorted(set(entry_ids))
        for start in range(0, len(ids), 500):
            with transaction.atomic():
                self._remove(ids[start : start + 500])

    def rebuild(self, progress: Progress | None = None) -> int:
        from modelsearch.models import IndexEntry

        with transaction.atomic():
            entries = IndexEntry.objects.filter(content_type_id=self._entry_content_type_id())
            entries._raw_delete(entries.db)
            FacetValueRow.objects.all()._raw_delete(FacetValueRow.objects.db)
        total = 0
        for batch in iter_in_batches(indexable_entries()):
            with transaction.atomic():
                self._add(batch)
            total += len(batch)
            if progress:
                progress(len(batch))
        return total

    def _remove(self, ids: list[int]) -> None:
        from modelsearch.models import IndexEntry

        # Raw deletes: nothing cascades from these derived rows, so skip Django's collector.
        entries = IndexEntry.objects.filter(
            content_type_id=self._entry_content_type_id(), object_id__in=[str(i) for i in ids]
        )
        entries._raw_delete(entries.db)
        facets = FacetValueRow.objects.filter(entry_id__in=ids)
        facets._raw_delete(facets.db)

    def _add(self, entries: list[Any]) -> None:
        if not entries:
            return
        documents = [build_document(entry) for entry in entries]
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_facet_value (entry_id, facet, value) VALUES (%s, %s, %s)",
                [(doc.entry_id, facet, value) for doc in documents for facet, value in doc.facets],
            )
            if connection.vendor == "sqlite":
                # modelsearch's triggers copy each row into the FTS5 table. The row id is minus
                # the entry id: FTS5 rowids then map to entries with no join, and `rowid < 0`
                # selects exactly this backend's rows (Wagtail's own index rows for pages and
                # organisations get positive ids).
                ct = self._entry_content_type_id()
                cursor.executemany(
                    "INSERT INTO modelsearch_indexentry (id, content_type_id, object_id, "
                    "title_norm, title, autocomplete, body) VALUES (%s, %s, %s, 1.0, %s, %s, %s)",
                    [(-doc.entry_id, ct, str(doc.entry_id), doc.title, doc.title, doc.body)
                     for doc in documents],
                )  # fmt: skip
                return
        # PostgreSQL / MySQL: modelsearch builds its vendor-specific vectors.
        from modelsearch.backends import get_search_backend

        instances = list(Entry.objects.filter(pk__in=[e.pk for e in entries]))
        get_search_backend().add_bulk(Entry, instances)

    # ------------------------------------------------------------------ querying
    def search(self, query: SearchQuery) -> SearchResults:
        text = parse_text_query(query.text)
        now = timezone.now()
        with connection.cursor() as cursor:
            runner = _QueryRun(cursor, query, text, now)
            runner.fill_hits()
            runner.fill_filtered()
            count = runner.count()
            page_rows = runner.page()
            facets = runner.facets()
        hits = self._hits(page_rows, text)
        return SearchResults(
            query=query, count=count, hits=hits, facets=_label_facets(facets, query),
            backend=self.name,
        )  # fmt: skip

    def _hits(self, rows: list[tuple[int, int | None, float]], text: TextQuery) -> list[Hit]:
        ids = [entry_id for entry_id, _, _ in rows]
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
            )  # fmt: skip
        }
        highlights = self._highlights([ie for _, ie, _ in rows if ie], text)
        hits = []
        for entry_id, ie_id, score in rows:
            entry = entries.get(entry_id)
            if entry is None:
                continue
            title_hl, text_hl = highlights.get(ie_id or -1, ("", ""))
            hits.append(
                Hit(
                    entry_id=entry.pk,
                    entry_type=entry.entry_type,
                    slug=entry.slug,
                    title=entry.title,
                    summary=entry.summary,
                    url=f"/{ENTRY_TYPE_PATHS[EntryType(entry.entry_type)]}/{entry.slug}/",
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

    def _highlights(self, ie_ids: list[int], text: TextQuery) -> dict[int, tuple[str, str]]:
        if not ie_ids or text.is_empty or connection.vendor != "sqlite":
            return {}
        sql = (
            "SELECT rowid, highlight(modelsearch_indexentry_fts, 2, %s, %s), "
            "snippet(modelsearch_indexentry_fts, 1, %s, %s, '…', 24) "
            "FROM modelsearch_indexentry_fts WHERE modelsearch_indexentry_fts MATCH %s "
            f"AND rowid IN ({_placeholders(ie_ids)})"
        )
        with connection.cursor() as cursor:
            cursor.execute(
                sql, [MARK_START, MARK_END, MARK_START, MARK_END, text.to_fts5(), *ie_ids]
            )
            return {
                rowid: (_marked_to_html(title), _marked_to_html(snippet))
                for rowid, title, snippet in cursor.fetchall()
            }


class _QueryRun:
    """One search's SQL, over temporary tables private to this database connection."""

    def __init__(self, cursor: Any, query: SearchQuery, text: TextQuery, now: dt.datetime):
        self.cursor = cursor
        self.query = query
        self.text = text
        self.now = connection.ops.adapt_datetimefield_value(now)
        self.vendor = connection.vendor
        self.filtered_table = "search_hits"

    def _temp_table(self, name: str) -> None:
        self.cursor.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {name} "
            "(entry_id BIGINT PRIMARY KEY, ie_id BIGINT, score REAL)"
        )
        self.cursor.execute(f"DELETE FROM {name}")  # noqa: S608 (fixed names)

    def fill_hits(self) -> None:
        self._temp_table("search_hits")
        published = "e.live = %s AND e.withdrawn_at IS NULL"
        if self.vendor == "sqlite":
            # The index holds published entries only, at rowid = -entry id (see _add).
            if self.text.is_empty:
                self.cursor.execute(
                    "INSERT INTO search_hits (entry_id, ie_id, score) "
                    "SELECT -id, id, 0 FROM modelsearch_indexentry WHERE id < 0"
                )
                return
            self.cursor.execute(
                "INSERT INTO search_hits (entry_id, ie_id, score) "
                "SELECT -rowid, rowid, bm25(modelsearch_indexentry_fts, 0.0, %s, %s) "
                "FROM modelsearch_indexentry_fts "
                "WHERE modelsearch_indexentry_fts MATCH %s AND rowid < 0",
                [BODY_WEIGHT, TITLE_WEIGHT, self.text.to_fts5()],
            )
            return
        if self.text.is_empty:
            self.cursor.execute(
                "INSERT INTO search_hits (entry_id, ie_id, score) "
                f"SELECT e.id, NULL, 0 FROM catalogue_entry e WHERE {published}",
                [True],
            )
            return
        ct = ContentType.objects.get_for_model(Entry).pk
        self.cursor.execute(
            "INSERT INTO search_hits (entry_id, ie_id, score) "
            "SELECT e.id, ie.id, -(ts_rank(ie.title, q) * %s + ts_rank(ie.body, q)) "
            "FROM modelsearch_indexentry ie, plainto_tsquery(%s) q, catalogue_entry e "
            "WHERE e.id = CAST(ie.object_id AS BIGINT) AND ie.content_type_id = %s "
            f"AND (ie.title @@ q OR ie.body @@ q) AND {published}",
            [TITLE_WEIGHT, self.text.to_plain(), ct, True],
        )

    # Filters -------------------------------------------------------------------------
    def _predicate(self, facet: Facet, values: tuple[str, ...]) -> tuple[str, list[object]]:
        if facet is Facet.CHALLENGE_STATUS:
            status_sql = CHALLENGE_STATUS_SQL
            return (
                "h.entry_id IN (SELECT e.id FROM catalogue_entry e "
                f"WHERE e.entry_type = 'challenge' AND {status_sql} IN ({_placeholders(values)}))",
                [self.now, self.now, self.now, *values],
            )
        return (
            "h.entry_id IN (SELECT entry_id FROM search_facet_value "
            f"WHERE facet = %s AND value IN ({_placeholders(values)}))",
            [facet.value, *values],
        )

    def _where(self, exclude: Facet | None = None) -> tuple[str, list[object]]:
        clauses, params = [], []
        for facet, values in self.query.filters.items():
            if facet is exclude:
                continue
            clause, clause_params = self._predicate(facet, values)
            clauses.append(clause)
            params += clause_params
        return (" AND ".join(clauses) or "1 = 1"), params

    def fill_filtered(self) -> None:
        if not self.query.filters:
            return
        self._temp_table("search_filtered")
        where, params = self._where()
        self.cursor.execute(
            "INSERT INTO search_filtered (entry_id, ie_id, score) "
            f"SELECT h.entry_id, h.ie_id, h.score FROM search_hits h WHERE {where}",
            params,
        )
        self.filtered_table = "search_filtered"

    def count(self) -> int:
        self.cursor.execute(f"SELECT COUNT(*) FROM {self.filtered_table}")  # noqa: S608
        return int(self.cursor.fetchone()[0])

    def page(self) -> list[tuple[int, int | None, float]]:
        sort = self.query.effective_sort
        if sort is Sort.RELEVANCE:
            # bm25: lower is better. Quality breaks ties between equally relevant entries.
            order = "f.score ASC, e.quality_score DESC, e.id DESC"
        elif sort is Sort.TITLE:
            order = "LOWER(e.title) ASC, e.id ASC"
        else:
            order = "e.modified IS NULL, e.modified DESC, e.id DESC"
        self.cursor.execute(
            f"SELECT f.entry_id, f.ie_id, f.score FROM {self.filtered_table} f "  # noqa: S608
            f"JOIN catalogue_entry e ON e.id = f.entry_id ORDER BY {order} LIMIT %s OFFSET %s",
            [self.query.page_size, self.query.offset],
        )
        return [(int(a), b, float(c or 0)) for a, b, c in self.cursor.fetchall()]

    # Facets --------------------------------------------------------------------------
    def facets(self) -> dict[Facet, dict[str, int]]:
        counts: dict[Facet, dict[str, int]] = {facet: {} for facet in Facet}
        selected = set(self.query.filters)
        # Facets without a selection: one pass over the fully filtered set.
        self.cursor.execute(
            "SELECT fv.facet, fv.value, COUNT(*) FROM search_facet_value fv "
            f"JOIN {self.filtered_table} f ON f.entry_id = fv.entry_id "  # noqa: S608
            "GROUP BY fv.facet, fv.value"
        )
        for facet, value, n in self.cursor.fetchall():
            try:
                key = Facet(facet)
            except ValueError:
                continue
            if key not in selected:
                counts[key][value] = int(n)
        if Facet.CHALLENGE_STATUS not in selected:
            counts[Facet.CHALLENGE_STATUS] = self._challenge_counts(self.filtered_table, "", [])
        # A selected facet is counted over every other filter, so its other values stay visible.
        for facet in selected:
            where, params = self._where(exclude=facet)
            if facet is Facet.CHALLENGE_STATUS:
                counts[facet] = self._challenge_counts("search_hits", where, params)
                continue
            self.cursor.execute(
                "SELECT fv.value, COUNT(*) FROM search_facet_value fv "
                "JOIN search_hits h ON h.entry_id = fv.entry_id "
                f"WHERE fv.facet = %s AND {where} GROUP BY fv.value",
                [facet.value, *params],
            )
            counts[facet] = {value: int(n) for value, n in self.cursor.fetchall()}
        return counts

    def _challenge_counts(self, table: str, where: str, params: list[object]) -> dict[str, int]:
        extra = f"AND {where}" if where else ""
        self.cursor.execute(
            f"SELECT {CHALLENGE_STATUS_SQL} AS status, COUNT(*) FROM {table} h "  # noqa: S608
            f"JOIN catalogue_entry e ON e.id = h.entry_id WHERE e.entry_type = 'challenge' "
            f"{extra} GROUP BY status",
            [self.now, self.now, self.now, *params],
        )
        return {status: int(n) for status, n in self.cursor.fetchall()}


# -------------------------------------------------------------------------- labels
_CHOICE_LABELS: dict[Facet, dict[str, str]] = {
    Facet.TYPE: {c.value: str(c.label) for c in EntryType},
    Facet.ORGANISATION_KIND: {c.value: str(c.label) for c in OrganisationKind},
    Facet.API_TYPE: {c.value: str(c.label) for c in ApiType},
    Facet.AUTHENTICATION: {c.value: str(c.label) for c in Authentication},
    Facet.CHALLENGE_STATUS: {c.value: str(c.label) for c in ChallengeStatus},
    Facet.SECTOR: {c.value: str(c.label) for c in PPPSector},
}


def facet_labels(facet: Facet, values: Iterable[str]) -> dict[str, str]:
    """Human labels for facet values: shared by both backends."""
    values = list(values)
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
        found = dict(model.objects.filter(**{f"{key}__in": values}).values_list(key, label))
        return {v: found.get(v, v) for v in values}
    return {v: v for v in values}


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
