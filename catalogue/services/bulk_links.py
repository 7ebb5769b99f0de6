"""Bulk writes of the links between entries: many-to-many rows, series, access services.

Each replaces or adds many entries' links in a few statements instead of one ``.set()`` or
``.save()`` per entry, which is what a harvest batch needs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.db import connection

from ..models import Distribution, Entry
from .bulk_rows import raw_capable


def entries_bulk_set_m2m(
    *, field: str, values: Mapping[int, Iterable[int]], new: bool = False
) -> None:
    """Replace a many-to-many of many entries with two statements (delete, insert).

    ``new``: the entries were just created, so there is nothing to delete.
    """
    m2m = Entry._meta.get_field(field)
    through = m2m.remote_field.through
    src = m2m.m2m_field_name()
    tgt = m2m.m2m_reverse_field_name()
    if not new:
        through.objects.filter(**{f"{src}__in": list(values)}).delete()
    if raw_capable():
        quote = connection.ops.quote_name
        src_col = quote(through._meta.get_field(src).column)
        tgt_col = quote(through._meta.get_field(tgt).column)
        table = quote(through._meta.db_table)
        insert = f"INSERT OR IGNORE INTO {table} ({src_col}, {tgt_col}) VALUES (%s, %s)"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.executemany(
                insert,
                [
                    (entry_id, target)
                    for entry_id, targets in values.items()
                    for target in dict.fromkeys(targets)
                ],
            )
        return
    through.objects.bulk_create(
        [
            through(**{f"{src}_id": entry_id, f"{tgt}_id": target})
            for entry_id, targets in values.items()
            for target in dict.fromkeys(targets)
        ],
        batch_size=1000,
        ignore_conflicts=True,
    )


def entries_bulk_add_m2m(*, field: str, pairs: Iterable[tuple[int, int]]) -> None:
    """Add links (e.g. an API serves a dataset) without removing existing ones."""
    m2m = Entry._meta.get_field(field)
    through = m2m.remote_field.through
    src = m2m.m2m_field_name()
    tgt = m2m.m2m_reverse_field_name()
    pairs = list(dict.fromkeys(pairs))
    existing = set(
        through.objects.filter(**{f"{src}__in": {p[0] for p in pairs}}).values_list(
            f"{src}_id", f"{tgt}_id"
        )
    )
    through.objects.bulk_create(
        [through(**{f"{src}_id": a, f"{tgt}_id": b}) for a, b in pairs if (a, b) not in existing],
        batch_size=1000,
        ignore_conflicts=True,
    )


def entries_bulk_set_series(*, values: Mapping[int, int]) -> None:
    """Put datasets in their series (``in_series``), unless an editor set it."""
    rows = list(Entry.objects.filter(pk__in=list(values)).only("id", "overridden_fields"))
    for entry in rows:
        entry.in_series_id = values[entry.pk]
    rows = [e for e in rows if "in_series" not in (e.overridden_fields or [])]
    Entry.objects.bulk_update(rows, ["in_series"], batch_size=500)


def distributions_bulk_link_service(*, links: Mapping[tuple[int, str], int]) -> None:
    """Point distributions (entry id, remote id) at the API that gives access to them."""
    for (entry_id, remote_id), service_id in links.items():
        Distribution.objects.filter(entry_id=entry_id, remote_id=remote_id).update(
            access_service_id=service_id
        )
