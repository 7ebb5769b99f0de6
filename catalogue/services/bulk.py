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

from django.db import models
from django.utils import timezone
from django.utils.text import slugify

from search.index import sync_entries_on_commit

from ..models import Distribution, Entry, Organisation
from ..quality import assess_quality

M2M_NAMES = ("themes", "countries", "languages")
PART_NAMES = ("distributions",)
# Fields the bulk update never copies from a write (identity and lifecycle belong to the
# catalogue, not to the source).
NEVER_WRITTEN = {"id", "pk", "entry_type", "slug", "live", "withdrawn_at", "overridden_fields",
                 "created_at", "quality_score", "quality_report"}  # fmt: skip


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
    taken = set(
        Entry.objects.filter(slug__in=candidates).values_list("entry_type", "slug")
    )
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
    written once.
    """
    if not writes:
        return []
    now = timezone.now()
    entries = []
    for write, slug in zip(writes, _unique_slugs(writes), strict=True):
        values = {k: v for k, v in write.fields.items() if k not in NEVER_WRITTEN}
        entry = Entry(entry_type=write.entry_type, slug=slug, **values)
        entry.clean_text_fields()
        _fit_entry(entry)
        entry.live = publish
        entry.has_unpublished_changes = not publish
        if publish:
            entry.first_published_at = entry.last_published_at = now
        entry.modified = entry.modified or now
        entry.quality_score, entry.quality_report = _assess(entry, write, None)
        entries.append(entry)
    Entry.objects.bulk_create(entries, batch_size=250)
    ids = [e.pk for e in entries]
    _write_parts(ids, writes, protected_by_id={})
    sync_entries_on_commit(ids)
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
            SimpleNamespace(download_url=row.get("download_url", ""),
                            access_url=row.get("access_url", ""), format=row.get("format", ""))
            for row in write.distributions
        ]  # fmt: skip
    view = _QualityView(entry, parts["themes"], parts["countries"])
    return assess_quality(view, distributions)  # type: ignore[arg-type]


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
    ids: Sequence[int], writes: Sequence[EntryWrite], *, protected_by_id: Mapping[int, set[str]]
) -> None:
    for name in M2M_NAMES:
        values = {
            entry_id: write.m2m[name]
            for entry_id, write in zip(ids, writes, strict=True)
            if name in write.m2m and name not in protected_by_id.get(entry_id, set())
        }
        if values:
            entries_bulk_set_m2m(field=name, values=values)
    dist_rows = {
        entry_id: write.distributions
        for entry_id, write in zip(ids, writes, strict=True)
        if write.distributions is not None
        and "distributions" not in protected_by_id.get(entry_id, set())
    }
    if dist_rows:
        Distribution.objects.filter(entry_id__in=list(dist_rows)).delete()
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


def entries_bulk_set_m2m(*, field: str, values: Mapping[int, Iterable[int]]) -> None:
    """Replace a many-to-many of many entries with two statements (delete, insert)."""
    m2m = Entry._meta.get_field(field)
    through = m2m.remote_field.through  # type: ignore[union-attr]
    src = m2m.m2m_field_name()  # type: ignore[union-attr]
    tgt = m2m.m2m_reverse_field_name()  # type: ignore[union-attr]
    through.objects.filter(**{f"{src}__in": list(values)}).delete()
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
        name=name or base, slug=slug, kind=kind, website=website[:500], email=email,
        identifier=identifier[:500],
    )  # fmt: skip
