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
