"""Rows written without model instances: raw ``executemany`` on SQLite, ``bulk_create`` elsewhere.

For high-volume writes (a harvest's entries, distributions and bookkeeping records) model
instances cost more than the insert itself: ``ClusterableModel.__init__`` and the ORM's SQL
building dominate. These helpers take plain dicts by attname and adapt each value the way
the field would before handing the rows to sqlite3.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.db import connection, models
from django.utils import timezone


def raw_capable() -> bool:
    return connection.vendor == "sqlite"


def rows_bulk_insert(*, model: type[models.Model], rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert plain rows (by attname; absent fields take their defaults) without instances.

    Raw ``executemany`` on SQLite, ``bulk_create`` elsewhere. For high-volume bookkeeping
    rows (a harvest's records) where model instances cost more than the insert itself.
    """
    if not rows:
        return
    fields = [f for f in concrete_fields(model) if not f.primary_key]
    now = timezone.now()
    full = []
    for row in rows:
        values = {
            f.attname: (
                now
                if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
                else f.get_default()
            )
            for f in fields
            if f.attname not in row
        }
        values.update(row)
        full.append(values)
    if raw_capable():
        raw_insert(model, full)
    else:
        model._default_manager.bulk_create([model(**row) for row in full], batch_size=500)


def concrete_fields(model: type[models.Model]) -> list[models.Field]:
    return list(model._meta.concrete_fields)


def _adapter(field: models.Field) -> Any:
    """A function turning a Python value into what sqlite3 stores for ``field``."""
    kind = field.get_internal_type()
    ops = connection.ops
    if kind == "JSONField":
        encoder = getattr(field, "encoder", None)
        return lambda v: None if v is None else ops.adapt_json_value(v, encoder)
    if kind == "DateTimeField":
        return ops.adapt_datetimefield_value
    if kind == "DateField":
        return ops.adapt_datefield_value
    plain = (str, int, float, bool, type(None))

    def adapt(value: Any) -> Any:
        if type(value) in plain:
            return value
        return field.get_db_prep_save(value, connection)

    return adapt


def raw_insert(
    model: type[models.Model], rows: Sequence[Mapping[str, Any]], *, with_ids: bool = False
) -> list[int]:
    """INSERT ``rows`` (dicts by attname, every non-pk column present) with executemany.

    With ``with_ids`` the first row is inserted alone to learn its id; the others get the
    following ids explicitly. That is safe because the caller's transaction holds SQLite's
    write lock from that first insert on, and an AUTOINCREMENT id is above every id the
    table ever had.
    """
    if not rows:
        return []
    fields = [f for f in concrete_fields(model) if not f.primary_key]
    adapters = [_adapter(f) for f in fields]
    names = [f.attname for f in fields]
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    # Table and column names come from the model's metadata; every value is a parameter.
    insert = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608
    params = [
        [adapt(row[name]) for adapt, name in zip(adapters, names, strict=True)] for row in rows
    ]
    with connection.cursor() as cursor:
        if not with_ids:
            cursor.executemany(insert, params)
            return []
        cursor.execute(insert, params[0])
        first = int(cursor.lastrowid)
        ids = list(range(first, first + len(params)))
        if len(params) > 1:
            pk = quote(model._meta.pk.column)
            cursor.executemany(
                f"INSERT INTO {table} ({pk}, {columns}) VALUES (%s, {marks})",  # noqa: S608
                [[pk_value, *row] for pk_value, row in zip(ids[1:], params[1:], strict=True)],
            )
    return ids
