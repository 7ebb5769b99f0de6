"""How the database backend writes its entries' text on SQLite: two tables, in bulk.

Each indexed entry has a row in ``wagtailsearch_indexentry`` (id = -entry id, so that
``rowid < 0`` selects exactly the catalogue's rows) and the same row in its FTS5 table
``wagtailsearch_indexentry_fts``. Wagtail's triggers mirror only Wagtail's own rows
(migration catalogue_search 0003): a write made by a trigger runs in a statement savepoint,
and FTS5 flushes a segment and merges at every savepoint, which made each row cost
milliseconds, more as the index grew. Written directly, one batch's FTS5 changes stay in
memory until the commit writes them as one segment.

FTS5 also flushes whenever a write's rowid is lower than the one before it in the
transaction, so every statement here takes its rows in ascending rowid order: descending
entry id.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..documents_db import EntryDocument


def fts_ordered(documents: Iterable[EntryDocument]) -> list[EntryDocument]:
    """Documents in ascending FTS5 rowid order (rowid = -entry id)."""
    return sorted(documents, key=lambda doc: -doc.entry_id)


def _in(values: Sequence[object]) -> str:
    return ", ".join(["%s"] * len(values))


def insert_text(cursor: Any, content_type_id: int, documents: Iterable[EntryDocument]) -> None:
    rows = [
        (-doc.entry_id, content_type_id, str(doc.entry_id), doc.title, doc.title, doc.body)
        for doc in fts_ordered(documents)
    ]
    cursor.executemany(
        "INSERT INTO wagtailsearch_indexentry (id, content_type_id, object_id, title_norm, "
        "title, autocomplete, body) VALUES (%s, %s, %s, 1.0, %s, %s, %s)",
        rows,
    )
    cursor.executemany(
        "INSERT INTO wagtailsearch_indexentry_fts (rowid, title, autocomplete, body) "
        "VALUES (%s, %s, %s, %s)",
        [(rowid, title, autocomplete, body) for rowid, _, _, title, autocomplete, body in rows],
    )


def delete_text(cursor: Any, rowids: Iterable[int]) -> None:
    """Delete index rows by id; the FTS5 rows of entries (negative ids) with them."""
    ordered = sorted(set(rowids))
    if not ordered:
        return
    sql = f"DELETE FROM wagtailsearch_indexentry WHERE id IN ({_in(ordered)})"  # noqa: S608
    cursor.execute(sql, ordered)
    cursor.executemany(
        "DELETE FROM wagtailsearch_indexentry_fts WHERE rowid = %s",
        [(r,) for r in ordered if r < 0],  # the triggers still handle rows with positive ids
    )


def delete_all_text(cursor: Any, content_type_id: int) -> None:
    """Delete every entry row (a rebuild), then merge FTS5's segments: deleted rows otherwise
    stay in them as tombstones (the index up to twice its size, and every broad query reads
    them) until merges reach them."""
    cursor.execute(
        "DELETE FROM wagtailsearch_indexentry WHERE content_type_id = %s", [content_type_id]
    )
    cursor.execute("DELETE FROM wagtailsearch_indexentry_fts WHERE rowid < 0")
    cursor.execute(
        "INSERT INTO wagtailsearch_indexentry_fts(wagtailsearch_indexentry_fts) VALUES ('optimize')"
    )


def entry_rowids(cursor: Any, content_type_id: int, entry_ids: Sequence[int]) -> list[int]:
    sql = (
        "SELECT id FROM wagtailsearch_indexentry WHERE content_type_id = %s "  # noqa: S608
        f"AND object_id IN ({_in(entry_ids)})"
    )
    cursor.execute(sql, [content_type_id, *map(str, entry_ids)])
    return [row[0] for row in cursor.fetchall()]


def sync_text(
    cursor: Any, content_type_id: int, entry_ids: Sequence[int], documents: dict[int, EntryDocument]
) -> None:
    """Make the text rows of ``entry_ids`` match ``documents`` (entries missing from it are
    not indexable any more), writing only rows that differ; changed text is updated in place
    (FTS5: a delete and an insert of the same rowid, no flush)."""
    sql = (
        "SELECT id, object_id, title, autocomplete, body FROM wagtailsearch_indexentry "  # noqa: S608
        f"WHERE content_type_id = %s AND object_id IN ({_in(entry_ids)})"
    )
    cursor.execute(sql, [content_type_id, *map(str, entry_ids)])
    stored = {int(row[1]): row for row in cursor.fetchall()}
    gone = [row[0] for eid, row in stored.items() if eid not in documents or row[0] != -eid]
    updates, inserts = [], []
    for doc in fts_ordered(documents.values()):
        row = stored.get(doc.entry_id)
        if row is None or row[0] != -doc.entry_id:
            inserts.append(doc)
        elif row[2:] != (doc.title, doc.title, doc.body):
            updates.append((doc.title, doc.title, doc.body, -doc.entry_id))
    delete_text(cursor, gone)
    cursor.executemany(
        "UPDATE wagtailsearch_indexentry SET title = %s, autocomplete = %s, body = %s "
        "WHERE id = %s",
        updates,
    )
    cursor.executemany(
        "UPDATE wagtailsearch_indexentry_fts SET title = %s, autocomplete = %s, body = %s "
        "WHERE rowid = %s",
        updates,
    )
    insert_text(cursor, content_type_id, inserts)
