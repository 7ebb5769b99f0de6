"""Bulk writes of entries and their parts: what the harvest loader calls, batch by batch.

``Entry.save()`` per row is too slow for a harvest, so these functions write a whole batch
with ``bulk_create``/``bulk_update`` and explicit inserts of parts and many-to-many rows
(``bulk_rows``, ``bulk_links``), compute quality scores from prefetched parts, and ask the
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

from django.db import models
from django.utils import timezone
from django.utils.text import slugify

from search.index import sync_entries_on_commit

from ..models import Distribution, Entry, Organisation
from ..quality import assess_quality
from .bulk_links import (
    distributions_bulk_link_service,
    entries_bulk_add_m2m,
    entries_bulk_set_m2m,
    entries_bulk_set_series,
)
from .bulk_rows import concrete_fields, raw_capable, raw_insert, rows_bulk_insert
from .harvest_changes import entries_record_harvest_changes, field_changes

# The public bulk API, including what the links and rows modules define: the harvest loader
# imports it all from here.
__all__ = [
    "EntryWrite",
    "distributions_bulk_link_service",
    "entries_bulk_add_m2m",
    "entries_bulk_create",
    "entries_bulk_set_m2m",
    "entries_bulk_set_series",
    "entries_bulk_update",
    "entries_refresh_quality",
    "organisation_match_or_create",
    "rows_bulk_insert",
]

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


# A field that follows another's override: an editor who chose the publisher stated it.
KEPT_WITH = {"publisher_stated": "publisher"}


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
    written once. On SQLite the rows go in with raw ``executemany`` (no model instances,
    see ``bulk_rows``); other databases take ``bulk_create``.
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
        view = SimpleNamespace(**values, pk=None)
        values["quality_score"], values["quality_report"] = _assess(view, write, None)  # type: ignore[arg-type]
        rows.append(values)
    if raw_capable():
        ids = raw_insert(Entry, rows, with_ids=True)
    else:
        entries = [Entry(**row) for row in rows]
        Entry.objects.bulk_create(entries, batch_size=250)
        ids = [e.pk for e in entries]
    _write_parts(ids, writes, protected_by_id={}, new=True)
    sync_entries_on_commit(ids)
    return ids


def _entry_defaults() -> dict[str, Any]:
    """Every concrete Entry field's default (by attname), evaluated afresh for each row."""
    return {f.attname: f.get_default() for f in concrete_fields(Entry) if not f.primary_key}


class _Related(list[Any]):
    """A list that answers ``.all()``, as the related managers assess_quality reads do."""

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
    rows, writes, protected_by_id, changes = [], [], {}, {}
    now = timezone.now()
    for entry_id, write in updates:
        entry = by_id.get(entry_id)
        if entry is None:
            continue
        before = dict(entry.__dict__)
        keep = source_protected | set(entry.overridden_fields or [])
        protected_by_id[entry_id] = keep
        for name, value in write.fields.items():
            base = KEPT_WITH.get(name, name.removesuffix("_id"))
            if name in NEVER_WRITTEN or name in keep or base in keep:
                continue
            setattr(entry, name, value)
            changed_fields.add(name)
        entry.clean_text_fields()
        _fit_entry(entry)
        entry.updated_at = now
        if diff := field_changes(before, entry, write.fields):
            changes[entry_id] = (entry, diff)
        entry.quality_score, entry.quality_report = _assess(entry, write, keep)
        rows.append(entry)
        writes.append(write)
    fields = sorted(changed_fields | {"updated_at", "quality_score", "quality_report"})
    Entry.objects.bulk_update(rows, fields, batch_size=100)
    ids = [e.pk for e in rows]
    _write_parts(ids, writes, protected_by_id=protected_by_id)
    entries_record_harvest_changes(changes=changes, updated_ids=ids)
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
    if raw_capable():
        defaults = {
            f.attname: f.get_default() for f in concrete_fields(Distribution) if not f.primary_key
        }
        raw_insert(
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
