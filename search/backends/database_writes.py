"""Writes of the database backend's index: text rows (FTS5 on SQLite) and facet rows.

Each write bumps the index token (search.bitmaps), so every process rebuilds its facet bitmaps
and whatever else follows the index before it answers again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

from catalogue.models.entries import Entry

from ..bitmaps import bump_token
from ..documents_db import EntryDocument, build_document, indexable_entries, iter_in_batches
from ..models import FacetValueRow
from .base import DriftReport, Progress
from .sqlite_text_index import delete_all_text, delete_text, entry_rowids, insert_text, sync_text

WRITE_CHUNK = 500


def placeholders(values: Sequence[object]) -> str:
    return ", ".join(["%s"] * len(values))


def entry_content_type_id() -> int:
    return ContentType.objects.get_for_model(Entry).pk


def write_entries(entry_ids: Iterable[int]) -> None:
    ids = sorted(set(entry_ids))
    for start in range(0, len(ids), WRITE_CHUNK):
        chunk = ids[start : start + WRITE_CHUNK]
        with transaction.atomic():
            if connection.vendor == "sqlite":
                _reindex(chunk)
                continue
            _remove(chunk)
            _add(list(indexable_entries(chunk)))


def remove_entries(entry_ids: Iterable[int]) -> None:
    ids = sorted(set(entry_ids))
    for start in range(0, len(ids), WRITE_CHUNK):
        with transaction.atomic():
            _remove(ids[start : start + WRITE_CHUNK])


def rebuild_all(progress: Progress | None = None) -> int:
    from wagtail.search.models import IndexEntry

    with transaction.atomic():
        ct = entry_content_type_id()
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
            _add(batch)
        total += len(batch)
        if progress:
            progress(len(batch))
    return total


def drift() -> DriftReport:
    """The index rows against published entries (ids only: rows are written with the entry)."""
    from wagtail.search.models import IndexEntry

    truth = set(Entry.objects.published().values_list("pk", flat=True))
    indexed = {
        int(pk)
        for pk in IndexEntry.objects.filter(content_type_id=entry_content_type_id()).values_list(
            "object_id", flat=True
        )
    }
    return DriftReport(
        in_database=len(truth),
        in_index=len(indexed),
        missing=sorted(truth - indexed),
        extra=sorted(indexed - truth),
    )


def _remove(ids: list[int]) -> None:
    from wagtail.search.models import IndexEntry

    ct = entry_content_type_id()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            delete_text(cursor, entry_rowids(cursor, ct, ids))
    else:
        # Raw deletes: nothing cascades from these derived rows, so skip Django's collector.
        entries = IndexEntry.objects.filter(content_type_id=ct, object_id__in=[str(i) for i in ids])
        entries._raw_delete(entries.db)
    facets = FacetValueRow.objects.filter(entry_id__in=ids)
    facets._raw_delete(facets.db)
    bump_token()


def _reindex(ids: list[int]) -> None:
    """Bring these entries' index rows (SQLite) in line with the database, writing only
    what differs.

    A harvest re-indexes every record whose source changed, yet many keep their text or
    their facets: rows equal to the new document stay as they are (Elasticsearch's noop
    detection does the same), changed text is updated in place, and only the facet rows
    that differ are deleted or inserted.
    """
    documents = {doc.entry_id: doc for doc in map(build_document, indexable_entries(ids))}
    with connection.cursor() as cursor:
        sync_text(cursor, entry_content_type_id(), ids, documents)
        _sync_facets(cursor, ids, documents)
    # Always: the facet snapshot also holds each entry's place in the "newest" and
    # "title" orders and the challenge dates, which change without the rows changing.
    bump_token()


def _sync_facets(cursor: Any, ids: list[int], documents: dict[int, EntryDocument]) -> None:
    """Delete and insert only the facet rows that differ (a new licence: one row each),
    since every row written costs a write in three indexes."""
    chosen = f"entry_id IN ({placeholders(ids)})"  # placeholders only: the ids are parameters
    cursor.execute(f"SELECT entry_id, facet, value FROM search_facet_value WHERE {chosen}", ids)  # noqa: S608
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


def _add(entries: list[Any]) -> None:
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
            insert_text(cursor, entry_content_type_id(), documents)
            return
    # PostgreSQL / MySQL: modelsearch builds its vendor-specific vectors.
    from wagtail.search.backends import get_search_backend

    instances = list(Entry.objects.filter(pk__in=[e.pk for e in entries]))
    get_search_backend().add_bulk(Entry, instances)
