"""Editor overrides of harvested entries: the fields a harvest must leave as the editor set them."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from ..models import Entry


@transaction.atomic
def entry_record_overrides(*, entry_id: int, fields: Iterable[str]) -> list[str]:
    """Add ``fields`` to the entry's overridden fields at once, even when only a draft changed.

    An editor who changes a harvested entry owns those fields from that moment: a harvest that
    ran before the draft is published must not overwrite them on the live entry either.
    """
    entry = Entry.objects.select_for_update().only("overridden_fields").get(pk=entry_id)
    kept = sorted(set(entry.overridden_fields or []) | set(fields))
    if kept != list(entry.overridden_fields or []):
        Entry.objects.filter(pk=entry_id).update(overridden_fields=kept)
    return kept


@transaction.atomic
def entry_release_override(*, entry_id: int, field: str) -> bool:
    """Give ``field`` back to the source: the next harvest updates it. False if it was not kept."""
    entry = Entry.objects.select_for_update().get(pk=entry_id)
    kept = list(entry.overridden_fields or [])
    if field not in kept:
        return False
    kept.remove(field)
    Entry.objects.filter(pk=entry_id).update(overridden_fields=kept)
    # The draft carries the list too: publishing it must not keep the field again.
    for revision in entry.revisions.filter(pk=entry.latest_revision_id):
        revision.content["overridden_fields"] = kept
        revision.save(update_fields=["content"])
    return True
