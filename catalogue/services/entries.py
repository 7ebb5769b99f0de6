"""Create, update, publish, unpublish and withdraw entries."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from search.index import sync_entries_on_commit

from ..models import Entry
from ..quality import assess_quality
from ..registry import entry_types

M2M_FIELDS = (
    "themes",
    "countries",
    "languages",
    "serves_datasets",
    "related_datasets",
    "offered_resources",
)


def unique_slug(*, entry_type: str, title: str, exclude_id: int | None = None) -> str:
    base = slugify(title)[:100] or entry_type
    taken = set(
        Entry.objects.filter(entry_type=entry_type, slug__startswith=base)
        .exclude(pk=exclude_id)
        .values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _apply(entry: Entry, data: Mapping[str, Any]) -> dict[str, Any]:
    """Set plain fields; return the many-to-many values to set after saving."""
    m2m = {}
    for name, value in data.items():
        if name in M2M_FIELDS:
            m2m[name] = value
        else:
            setattr(entry, name, value)
    return m2m


@transaction.atomic
def entry_create(
    *,
    entry_type: str,
    title: str,
    publisher: Any,
    publish: bool = False,
    user: Any = None,
    **fields: Any,
) -> Entry:
    """Create an entry (a draft unless ``publish``), with a first revision."""
    model = entry_types.get(entry_type).model
    entry = model(entry_type=entry_type, title=title, publisher=publisher)
    m2m = _apply(entry, fields)
    if not entry.slug:
        entry.slug = unique_slug(entry_type=entry_type, title=title)
    entry.live = False
    entry.modified = entry.modified or timezone.now()
    # Parental many-to-many values are held in memory and written by save().
    for name, values in m2m.items():
        getattr(entry, name).set(values)
    entry.save()
    entry_refresh_quality(entry=entry)
    revision = entry.save_revision(user=user)
    if publish:
        revision.publish(user=user)
        entry.refresh_from_db()
    sync_entries_on_commit([entry.pk])
    return entry


@transaction.atomic
def entry_update(*, entry: Entry, data: Mapping[str, Any], user: Any = None) -> Entry:
    m2m = _apply(entry, data)
    entry.modified = timezone.now()
    for name, values in m2m.items():
        getattr(entry, name).set(values)
    entry.save()
    entry_refresh_quality(entry=entry)
    sync_entries_on_commit([entry.pk])
    return entry


def entry_refresh_quality(*, entry: Entry) -> None:
    score, report = assess_quality(entry)
    Entry.objects.filter(pk=entry.pk).update(quality_score=score, quality_report=report)
    entry.quality_score, entry.quality_report = score, report


@transaction.atomic
def entry_publish(*, entry: Entry, user: Any = None) -> Entry:
    revision = entry.latest_revision or entry.save_revision(user=user)
    revision.publish(user=user)
    entry.refresh_from_db()
    sync_entries_on_commit([entry.pk])
    return entry


@transaction.atomic
def entry_unpublish(*, entry: Entry, user: Any = None) -> Entry:
    entry.unpublish(user=user)
    entry.refresh_from_db()
    sync_entries_on_commit([entry.pk])
    return entry


@transaction.atomic
def entry_withdraw(*, entry_ids: Iterable[int]) -> int:
    """Withdraw entries (a harvest no longer sees them): hidden from the public, kept."""
    ids = list(entry_ids)
    now = timezone.now()
    count = Entry.objects.filter(pk__in=ids, withdrawn_at__isnull=True).update(
        withdrawn_at=now, updated_at=now
    )
    sync_entries_on_commit(ids)
    return count


@transaction.atomic
def entry_restore(*, entry_ids: Iterable[int]) -> int:
    """Bring withdrawn entries back (they reappeared at their source)."""
    ids = list(entry_ids)
    count = Entry.objects.filter(pk__in=ids, withdrawn_at__isnull=False).update(
        withdrawn_at=None, updated_at=timezone.now()
    )
    sync_entries_on_commit(ids)
    return count
