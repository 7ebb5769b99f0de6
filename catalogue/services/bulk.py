"""Bulk writes of entries and their parts: what the harvest loader calls, batch by batch.

``Entry.save()`` per row runs at a few hundred entries per second; a harvest needs more, so
these functions write a whole batch with ``bulk_create``/``bulk_update`` and explicit inserts
of parts and many-to-many rows, compute quality scores from prefetched parts, and ask the
search index for one sync of the batch. They keep the rules of the one-at-a-time services:
text is sanitised before storage (``Entry.clean_text_fields``), fields an editor overrode
(``Entry.overridden_fields``) are never overwritten, and published means ``live``.

Callers run them inside a transaction (the loader runs one per batch).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from django.db import connection, models
from django.utils import timezone
from django.utils.text import slugify

from search.index import sync_entries_on_commit

from ..models import Distribution, Entry, Organisation
from ..quality import assess_quality

M2M_NAMES = ("themes", "countries", "languages")
PART_NAMES = ("distributions",)
# Fields the bulk update never copies from a write (identity and lifecycle belong to the
# catalogue, not to the source).
NEVER_WRITTEN = {
    "id",
    "pk",
    "entry_type",
    "slug",
    "live",
    "withdrawn_at",
    "overridden_fields",
    "created_at",
    "quality_score",
    "quality_report",
}


@dataclass
class EntryWrite:
    """The values a harvest wants an entry to have.

    ``fields`` holds plain model fields (``publisher_id``, ``licence_id`` for foreign keys);
    ``m2m`` the many-to-many ids to set (a name absent: left as it is); ``distributions`` the
    rows to replace the entry's distributions with (None: left as they are).
    """

    entry_type: str
    fields: dict[str, Any]
    m2m: dict[str, list[int]] = field(default_factory=dict)
    distributions: list[dict[str, Any]] | None = None
    slug_hint: str = ""  # a stable suffix for the slug when the title's slug is taken


def _char_limits() -> dict[str, int]:
    return {
        f.name: f.max_length
        for f in Entry._meta.concrete_fields
        if isinstance(f, models.CharField) and f.max_length
    }


_LIMITS: dict[str, int] | None = None


def _unique_slugs(writes: Sequence[EntryWrite]) -> list[str]:
    """Slugs for new entries: the title's slug, else with a stable suffix, else numbered."""
    bases = [(slugify(w.fields.get("title", ""))[:100] or w.entry_type) for w in writes]
    candidates = set(bases)
    suffixed = [
        f"{base[:90]}-{hashlib.sha1((w.slug_hint or base).encode()).hexdigest()[:6]}"  # noqa: S324
        for base, w in zip(bases, writes, strict=True)
    ]
    candidates.update(suffixed)
    taken = set(Entry.objects.filter(slug__in=candidates).values_list("entry_type", "slug"))
    slugs: list[str] = []
    for write, base, alt in zip(writes, bases, suffixed, strict=True):
        for candidate in (base, alt):
            if (write.entry_type, candidate) not in taken:
                break
        else:
            n = 2
            while (write.entry_type, f"{alt}-{n}") in taken or Entry.objects.filter(
                entry_type=write.entry_type, slug=f"{alt}-{n}"
            ).exists():
                n += 1
            candidate = f"{alt}-{n}"
        taken.add((write.entry_type, candidate))
        slugs.append(candidate)
    return slugs


def entries_bulk_create(*, writes: Sequence[EntryWrite], publish: bool = True) -> list[int]:
    """Create entries (published if ``publish``) with their parts; return their ids in order.

    The quality score is computed from the write itself before the insert, so a new entry is
    written once. On SQLite the rows go in with raw ``executemany`` (no model instances:
    ``ClusterableModel.__init__`` alone cost ~0.8 ms an entry, and the ORM's SQL building as
    much again); other databases take ``bulk_create``.
    """
    if not writes:
        return []
    now = timezone.now()
    rows: list[dict[str, Any]] = []
    for write, slug in zip(writes, _unique_slugs(writes), strict=True):
        values = _entry_defaults()
        values.update((k, v) for k, v in write.fields.items() if k not in NEVER_WRITTEN)
        values.update(
            entry_type=write.entry_type,
            slug=slug,
            live=publish,
            created_at=now,
            has_unpublished_changes=not publish,
            updated_at=now,
        )
        if publish:
            values["first_published_at"] = values["last_published_at"] = now
        view = SimpleNamespace(**values)
        Entry.clean_text_fields(view)  # type: ignore[arg-type]  # the model's own rules
        values.update(vars(view))
        _fit_values(values)
        values["modified"] = values["modified"] or now
        view = SimpleNamespace(**values, pk=None)
        values["quality_score"], values["quality_report"] = _assess(view, write, None)  # type: ignore[arg-type]
        rows.append(values)
    if _raw_capable():
        ids = _raw_insert(Entry, rows, with_ids=True)
    else:
        entries = [Entry(**row) for row in rows]
        Entry.objects.bulk_create(entries, batch_size=250)
        ids = [e.pk for e in entries]
    _write_parts(ids, writes, protected_by_id={}, new=True)
    sync_entries_on_commit(ids)
    return ids


def _raw_capable() -> bool:
    return connection.vendor == "sqlite"


def rows_bulk_insert(*, model: type[models.Model], rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert plain rows (by attname; absent fields take their defaults) without instances.

    Raw ``executemany`` on SQLite, ``bulk_create`` elsewhere. For high-volume bookkeeping
    rows (a harvest's records) where model instances cost more than the insert itself.
    """
    if not rows:
        return
    fields = [f for f in _concrete(model) if not f.primary_key]
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
    if _raw_capable():
        _raw_insert(model, full)
    else:
        model._default_manager.bulk_create([model(**row) for row in full], batch_size=500)


def _entry_defaults() -> dict[str, Any]:
    """Every concrete Entry field's default (by attname), evaluated afresh for each row."""
    return {f.attname: f.get_default() for f in _concrete(Entry) if not f.primary_key}


def _concrete(model: type[models.Model]) -> list[models.Field]:  # type: ignore[type-arg]
    return list(model._meta.concrete_fields)


def _adapter(field: models.Field) -> Any:  # type: ignore[type-arg]
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


def _raw_insert(
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
    fields = [f for f in _concrete(model) if not f.primary_key]
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
            pk = quote(model._meta.pk.column)  # type: ignore[union-attr]
            cursor.executemany(
                f"INSERT INTO {table} ({pk}, {columns}) VALUES (%s, {marks})",  # noqa: S608
                [[pk_value, *row] for pk_value, row in zip(ids[1:], params[1:], strict=True)],
            )
    return ids


class _Related(list):  # type: ignore[type-arg]
    def all(self) -> _Related:
        return self


class _QualityView:
    """An entry as assess_quality sees it, with parts taken from the write, not the database."""

    def __init__(self, entry: Entry, themes: list[Any], countries: list[Any]) -> None:
        self._entry = entry
        self.themes = _Related(themes)
        self.countries = _Related(countries)
        self.pk = entry.pk or 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._entry, name)


def _assess(entry: Entry, write: EntryWrite, keep: set[str] | None) -> tuple[int, dict]:
    """Quality of ``entry`` once ``write`` is applied; None when a kept part must be read."""
    parts = {}
    for name in ("themes", "countries"):
        if keep and name in keep:
            parts[name] = list(getattr(entry, name).all()) if entry.pk else []
        else:
            parts[name] = write.m2m.get(name, [])
    if write.distributions is None or (keep and "distributions" in keep):
        distributions = list(entry.distributions.all()) if entry.pk else []
    else:
        # Plain objects: assess_quality reads three attributes; model instances cost more.
        distributions = [
            SimpleNamespace(
                download_url=row.get("download_url", ""),
                access_url=row.get("access_url", ""),
                format=row.get("format", ""),
            )
            for row in write.distributions
        ]
    view = _QualityView(entry, parts["themes"], parts["countries"])
    return assess_quality(view, distributions)  # type: ignore[arg-type]


def _fit_values(values: dict[str, Any]) -> None:
    global _LIMITS  # noqa: PLW0603 - computed once from the model
    if _LIMITS is None:
        _LIMITS = _char_limits()
    for name, limit in _LIMITS.items():
        value = values.get(name)
        if isinstance(value, str) and len(value) > limit:
            values[name] = value[:limit]


def _fit_entry(entry: Entry) -> None:
    global _LIMITS  # noqa: PLW0603 - computed once from the model
    if _LIMITS is None:
        _LIMITS = _char_limits()
    for name, limit in _LIMITS.items():
        value = getattr(entry, name, None)
        if isinstance(value, str) and len(value) > limit:
            setattr(entry, name, value[:limit])


def entries_bulk_update(
    *, updates: Sequence[tuple[int, EntryWrite]], protected: Iterable[str] = ()
) -> list[int]:
    """Update entries from writes, keeping every field an editor overrode or ``protected``."""
    if not updates:
        return []
    source_protected = set(protected)
    by_id = Entry.objects.in_bulk([entry_id for entry_id, _ in updates])
    changed_fields: set[str] = set()
    rows, writes, protected_by_id = [], [], {}
    now = timezone.now()
    for entry_id, write in updates:
        entry = by_id.get(entry_id)
        if entry is None:
            continue
        keep = source_protected | set(entry.overridden_fields or [])
        protected_by_id[entry_id] = keep
        for name, value in write.fields.items():
            base = name.removesuffix("_id")
            if name in NEVER_WRITTEN or name in keep or base in keep:
                continue
            setattr(entry, name, value)
            changed_fields.add(name)
        entry.clean_text_fields()
        _fit_entry(entry)
        entry.updated_at = now
        entry.quality_score, entry.quality_report = _assess(entry, write, keep)
        rows.append(entry)
        writes.append(write)
    fields = sorted(changed_fields | {"updated_at", "quality_score", "quality_report"})
    Entry.objects.bulk_update(rows, fields, batch_size=100)
    ids = [e.pk for e in rows]
    _write_parts(ids, writes, protected_by_id=protected_by_id)
    sync_entries_on_commit(ids)
    return ids


def _write_parts(
    ids: Sequence[int],
    writes: Sequence[EntryWrite],
    *,
    protected_by_id: Mapping[int, set[str]],
    new: bool = False,
) -> None:
    """Replace the parts of ``ids`` from their writes (``new``: the entries have none yet)."""
    for name in M2M_NAMES:
        values = {
            entry_id: write.m2m[name]
            for entry_id, write in zip(ids, writes, strict=True)
            if name in write.m2m and name not in protected_by_id.get(entry_id, set())
        }
        if values:
            entries_bulk_set_m2m(field=name, values=values, new=new)
    dist_rows = {
        entry_id: write.distributions
        for entry_id, write in zip(ids, writes, strict=True)
        if write.distributions is not None
        and "distributions" not in protected_by_id.get(entry_id, set())
    }
    if not dist_rows:
        return
    if not new:
        Distribution.objects.filter(entry_id__in=list(dist_rows)).delete()
    if _raw_capable():
        defaults = {
            f.attname: f.get_default() for f in _concrete(Distribution) if not f.primary_key
        }
        _raw_insert(
            Distribution,
            [
                {**defaults, **_fit_distribution(row), "entry_id": entry_id, "sort_order": i}
                for entry_id, rows in dist_rows.items()
                for i, row in enumerate(rows)
            ],
        )
        return
    Distribution.objects.bulk_create(
        [
            Distribution(entry_id=entry_id, sort_order=i, **_fit_distribution(row))
            for entry_id, rows in dist_rows.items()
            for i, row in enumerate(rows)
        ],
        batch_size=500,
    )


_DIST_LIMITS = {
    f.name: f.max_length
    for f in Distribution._meta.concrete_fields
    if isinstance(f, models.CharField) and f.max_length
}


def _fit_distribution(row: Mapping[str, Any]) -> dict[str, Any]:
    from ..sanitise import sanitise_plain_text

    out = dict(row)
    for name in ("title", "description"):
        if name in out:
            out[name] = sanitise_plain_text(out[name])
    for name, value in out.items():
        limit = _DIST_LIMITS.get(name)
        if limit and isinstance(value, str) and len(value) > limit:
            out[name] = value[:limit]
    return out


def entries_bulk_set_m2m(
    *, field: str, values: Mapping[int, Iterable[int]], new: bool = False
) -> None:
    """Replace a many-to-many of many entries with two statements (delete, insert).

    ``new``: the entries were just created, so there is nothing to delete.
    """
    m2m = Entry._meta.get_field(field)
    through = m2m.remote_field.through  # type: ignore[union-attr]
    src = m2m.m2m_field_name()  # type: ignore[union-attr]
    tgt = m2m.m2m_reverse_field_name()  # type: ignore[union-attr]
    if not new:
        through.objects.filter(**{f"{src}__in": list(values)}).delete()
    if _raw_capable():
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
    through = m2m.remote_field.through  # type: ignore[union-attr]
    src = m2m.m2m_field_name()  # type: ignore[union-attr]
    tgt = m2m.m2m_reverse_field_name()  # type: ignore[union-attr]
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


def entries_refresh_quality(*, entry_ids: Sequence[int]) -> None:
    """Recompute quality scores of many entries from prefetched parts (4 queries)."""
    rows = list(
        Entry.objects.filter(pk__in=list(entry_ids)).prefetch_related(
            "themes", "countries", "distributions"
        )
    )
    for entry in rows:
        entry.quality_score, entry.quality_report = assess_quality(
            entry, list(entry.distributions.all())
        )
    Entry.objects.bulk_update(rows, ["quality_score", "quality_report"], batch_size=250)


def organisation_match_or_create(
    *,
    name: str,
    identifier: str = "",
    kind: str = "government",
    website: str = "",
    email: str = "",
    create: bool = True,
) -> Organisation | None:
    """The organisation with this identifier, or this slugified name; created if absent."""
    from ..sanitise import sanitise_plain_text

    name = sanitise_plain_text(name, max_length=255)
    if identifier:
        found = Organisation.objects.filter(identifier=identifier[:500]).first()
        if found:
            return found
    base = slugify(name)[:110] or "organisation"
    found = Organisation.objects.filter(slug=base).first()
    if found is None and name:
        found = Organisation.objects.filter(name__iexact=name).first()
    if found or not create:
        return found
    slug, n = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return Organisation.objects.create(
        name=name or base,
        slug=slug,
        kind=kind,
        website=website[:500],
        email=email,
        identifier=identifier[:500],
    )
