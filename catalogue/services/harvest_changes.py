"""What a harvest update did to entries an editor may be working on.

Each field a harvest changed goes into the entry's history (a Wagtail log entry with the old
and new values), and a pending draft is brought up to date: the fields the editor did not
change take the new live values (distributions with their new ids included), so approving
the draft neither puts stale values back nor fails on parts the harvest replaced.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import timezone
from wagtail.models import ModelLogEntry

from ..models import Entry
from ..registry import entry_types

HARVEST_UPDATE = "catalogue.harvest_update"
SHOWN_CHARS = 200  # of each old and new value kept in the history
# Kept from the draft whatever the harvest did: the editor's bookkeeping, not content.
DRAFT_OWN = frozenset({"slug", "go_live_at", "expire_at"})


def _shown(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    text = value if isinstance(value, str) else str(value)
    return text[:SHOWN_CHARS]


def field_changes(
    before: Mapping[str, Any], entry: Entry, names: Iterable[str]
) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for the ``names`` (attnames) whose value differs now."""
    changes = {}
    for name in names:
        old, new = before.get(name), entry.__dict__.get(name)
        if old != new:
            changes[name.removesuffix("_id")] = [_shown(old), _shown(new)]
    return changes


def entries_record_harvest_changes(
    *, changes: Mapping[int, tuple[Entry, dict[str, list[Any]]]], updated_ids: Iterable[int]
) -> None:
    """History entries for ``changes``; pending drafts among ``updated_ids`` rebased."""
    now = timezone.now()
    group = uuid.uuid4()
    ModelLogEntry.objects.bulk_create(
        [
            ModelLogEntry(
                content_type=_content_type(entry.entry_type),
                label=str(entry)[:255],
                action=HARVEST_UPDATE,
                data={"changes": diff},
                timestamp=now,
                uuid=group,
                object_id=str(entry_id),
                content_changed=True,
            )
            for entry_id, (entry, diff) in changes.items()
        ],
        batch_size=500,
    )
    entries_rebase_drafts(entry_ids=updated_ids)


def _content_type(entry_type: str) -> ContentType:
    model = entry_types.get(entry_type).model
    return ContentType.objects.get_for_model(model, for_concrete_model=False)


def entries_rebase_drafts(*, entry_ids: Iterable[int]) -> int:
    """Bring the pending drafts of ``entry_ids`` up to date with their live entries."""
    pending = (
        Entry.objects.filter(pk__in=list(entry_ids), has_unpublished_changes=True)
        .exclude(latest_revision__isnull=True)
        .exclude(latest_revision=F("live_revision"))
        .only("id", "entry_type")
    )
    rebased = 0
    for row in pending:
        entry = entry_types.get(row.entry_type).model.objects.get(pk=row.pk)
        revision = entry.latest_revision
        kept = set(entry.overridden_fields or []) | DRAFT_OWN
        content = dict(revision.content)
        live = entry.serializable_data()
        rebased_content = {**live, **{k: v for k, v in content.items() if k in kept}}
        if rebased_content != content:
            revision.content = rebased_content
            revision.save(update_fields=["content"])
            rebased += 1
    return rebased


def harvest_changes_since(entry: Entry, since: datetime.datetime) -> list[ModelLogEntry]:
    """The harvest updates of ``entry`` logged after ``since`` (newest first)."""
    return list(
        ModelLogEntry.objects.filter(
            object_id=str(entry.pk), action=HARVEST_UPDATE, timestamp__gt=since
        ).order_by("-timestamp")[:5]
    )
