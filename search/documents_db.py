"""What the database backend stores for an entry: its text and its facet values.

Kept apart from querying (as Read the Docs keeps indexing apart from its FacetedSearch), and
shared with the Elasticsearch documents where they agree on facet values.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import QuerySet

from catalogue.models.entries import Entry
from catalogue.models.parts import Distribution
from catalogue.sanitise import html_to_text

from .facets import column_facets_by_type, type_columns, type_text
from .query import Facet

BATCH_SIZE = 500


@dataclass(frozen=True)
class EntryDocument:
    entry_id: int
    title: str
    body: str
    facets: tuple[tuple[str, str], ...]


class _Related(list):  # type: ignore[type-arg]
    """A list that answers ``.all()``, so snapshots read like prefetched model instances."""

    def all(self) -> _Related:
        return self


@dataclass(frozen=True)
class _Ref:
    slug: str = ""
    name: str = ""
    kind: str = ""
    code: str = ""
    spdx_id: str = ""
    format: str = ""


# The columns every entry's document reads; the types' own columns follow (type_columns).
ENTRY_COLUMNS = (
    "pk",
    "slug",
    "entry_type",
    "title",
    "summary",
    "description",
    "problem_statement",
    "keywords",
    "spatial_label",
    "modified",
    "issued",
    "updated_at",
    "quality_score",
    "opens_at",
    "closes_at",
    "judging_ends_at",
    "contains_personal_data",
    "publisher__slug",
    "publisher__name",
    "publisher__kind",
    "licence__spdx_id",
)
_ATTRIBUTES = ENTRY_COLUMNS[:17]  # read as they are; the rest are references


def snapshot_columns() -> tuple[str, ...]:
    return ENTRY_COLUMNS + type_columns()


class EntrySnapshot:
    """What indexing needs of a published entry, read with plain ``values_list`` queries.

    Prefetching through modelcluster's parental relations builds a queryset per instance and
    dominated indexing time; five flat queries per batch read the same facts.
    Attribute names match ``Entry`` so document builders take either.
    """

    def __init__(self, row: tuple[Any, ...]) -> None:
        values = dict(zip(snapshot_columns(), row, strict=True))
        for name in _ATTRIBUTES:
            setattr(self, name, values[name])
        # The types' own columns (facets' and text's), by lookup ("project_status__code").
        self.facet_columns: dict[str, Any] = {c: values[c] for c in type_columns()}
        self.pk: int = values["pk"]
        self.id = self.pk
        self.keywords = values["keywords"] or []
        self.publisher = _Ref(
            slug=values["publisher__slug"],
            name=values["publisher__name"],
            kind=values["publisher__kind"],
        )
        spdx = values["licence__spdx_id"]
        self.licence = _Ref(spdx_id=spdx) if spdx else None
        self.themes: _Related = _Related()
        self.countries: _Related = _Related()
        self.languages: _Related = _Related()
        self.distributions: _Related = _Related()


def load_snapshots(ids: list[int]) -> list[EntrySnapshot]:
    """Snapshots of the published entries among ``ids``, in id order."""
    snapshots = {row[0]: EntrySnapshot(_entry_values(row)) for row in _fetch("entries", ids)}
    if not snapshots:
        return []
    found = list(snapshots)
    for entry_id, slug, name in _fetch("themes", found):
        snapshots[entry_id].themes.append(_Ref(slug=slug, name=name))
    for entry_id, code in _fetch("countries", found):
        snapshots[entry_id].countries.append(_Ref(code=code))
    for entry_id, code in _fetch("languages", found):
        snapshots[entry_id].languages.append(_Ref(code=code))
    for entry_id, fmt in _fetch("formats", found):
        snapshots[entry_id].distributions.append(_Ref(format=fmt))
    return list(snapshots.values())


# The five queries, as the ORM writes them; run with raw cursors (see ``_fetch``).
_QUERIES: dict[str, Callable[[list[int]], QuerySet[Any, Any]]] = {
    "entries": lambda ids: (
        Entry.objects.published().filter(pk__in=ids).order_by("pk").values_list(*snapshot_columns())
    ),
    "themes": lambda ids: Entry.themes.through.objects.filter(entry_id__in=ids).values_list(
        "entry_id", "theme__slug", "theme__name"
    ),
    "countries": lambda ids: Entry.countries.through.objects.filter(entry_id__in=ids).values_list(
        "entry_id", "country__code"
    ),
    "languages": lambda ids: Entry.languages.through.objects.filter(entry_id__in=ids).values_list(
        "entry_id", "language__code"
    ),
    "formats": lambda ids: Distribution.objects.filter(entry_id__in=ids).values_list(
        "entry_id", "format"
    ),
}
_SQL: dict[tuple[str, int, tuple[str, ...]], str] = {}
_SENTINEL = 10**15


def _fetch(name: str, ids: list[int]) -> list[tuple[Any, ...]]:
    """Rows of one of ``_QUERIES`` for these ids, without the ORM's per-query costs.

    A rebuild runs a thousand of these queries: building each queryset normalised every id of
    its ``IN`` list, and Django's converters parsed every date with a regex; together they
    were most of the time spent reading the database. The SQL is compiled once per list length
    (ids are its only parameters) and rows are converted in ``_entry_values``.
    """
    key = (name, len(ids), type_columns())
    sql = _SQL.get(key)
    if sql is None:
        sentinels = [_SENTINEL + i for i in range(len(ids))]
        sql, params = _QUERIES[name](sentinels).query.sql_with_params()
        if list(params) != sentinels:  # the ids must be the only parameters, in order
            raise RuntimeError(f"unexpected parameters in the {name} query: {params!r}")
        _SQL[key] = sql
    with connection.cursor() as cursor:
        cursor.execute(sql, ids)
        rows: list[tuple[Any, ...]] = cursor.fetchall()
        return rows


_DATETIME_COLUMNS = tuple(
    i
    for i, name in enumerate(ENTRY_COLUMNS)
    if name in ("modified", "issued", "updated_at", "opens_at", "closes_at", "judging_ends_at")
)
_KEYWORDS = ENTRY_COLUMNS.index("keywords")
_PERSONAL_DATA = ENTRY_COLUMNS.index("contains_personal_data")


def _entry_values(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """What Django's converters would give: aware datetimes, a keyword list, a boolean."""
    values = list(row)
    for i in _DATETIME_COLUMNS:
        values[i] = _aware(values[i])
    keywords = values[_KEYWORDS]
    values[_KEYWORDS] = json.loads(keywords) if isinstance(keywords, str) else keywords
    values[_PERSONAL_DATA] = bool(values[_PERSONAL_DATA])
    return tuple(values)


def _aware(value: Any) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, str):  # SQLite stores text; PostgreSQL returns datetimes
        value = dt.datetime.fromisoformat(value)
    if settings.USE_TZ and value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value  # type: ignore[no-any-return]


class IndexableEntries:
    """Published entries (all, or some ids) to index, read in batches of constant memory."""

    def __init__(self, entry_ids: Iterable[int] | None = None) -> None:
        self.entry_ids = sorted(set(entry_ids)) if entry_ids is not None else None

    def batches(self, size: int = BATCH_SIZE) -> Iterator[list[EntrySnapshot]]:
        if self.entry_ids is not None:
            for start in range(0, len(self.entry_ids), size):
                batch = load_snapshots(self.entry_ids[start : start + size])
                if batch:
                    yield batch
            return
        # Keyset pagination on the primary key alone: each step is an index range scan.
        last = 0
        while True:
            window = list(
                Entry.objects.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:size]
            )
            if not window:
                return
            last = window[-1]
            batch = load_snapshots(window)
            if batch:
                yield batch

    def __iter__(self) -> Iterator[EntrySnapshot]:
        for batch in self.batches():
            yield from batch


def indexable_entries(entry_ids: Iterable[int] | None = None) -> IndexableEntries:
    return IndexableEntries(entry_ids)


def iter_in_batches(
    entries: IndexableEntries, size: int = BATCH_SIZE
) -> Iterator[list[EntrySnapshot]]:
    return entries.batches(size)


def facet_values(entry: Any) -> list[tuple[str, str]]:
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
    for definition in column_facets_by_type().get(entry.entry_type, ()):
        value = entry.facet_columns[definition.column]
        if value not in (None, ""):
            values.append((definition.name, str(value)))
    return [(str(facet), value) for facet, value in values]


def build_document(entry: Any) -> EntryDocument:
    body_parts = [
        entry.summary,
        html_to_text(entry.description),
        html_to_text(entry.problem_statement),
        " ".join(entry.keywords or []),
        entry.publisher.name,
        " ".join(t.name for t in entry.themes.all()),
        entry.spatial_label,
        type_text(entry.entry_type, entry.facet_columns),
    ]
    return EntryDocument(
        entry_id=entry.pk,
        title=entry.title,
        body=" ".join(p for p in body_parts if p),
        facets=tuple(facet_values(entry)),
    )
