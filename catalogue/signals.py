"""Index sync for edits made through Wagtail (admin saves, publish, unpublish, delete).

Services sync explicitly; these handlers catch what the admin does with the model directly.
Every path goes through ``search.index``, after the transaction commits.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from wagtail.signals import published, unpublished

from search.index import remove_entries_on_commit, sync_entries_on_commit

from .models import Entry


def _is_entry(instance: Any) -> bool:
    return isinstance(instance, Entry)


@receiver(post_save)
def entry_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw and _is_entry(instance):
        sync_entries_on_commit([instance.pk])


@receiver(post_delete)
def entry_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    if _is_entry(instance):
        remove_entries_on_commit([instance.pk])


@receiver(published)
@receiver(unpublished)
def entry_published_or_unpublished(sender: Any, instance: Any, **kwargs: Any) -> None:
    if not _is_entry(instance):
        return
    if kwargs.get("signal") is published:
        # Publishing copies the revision's stored score; workflow approvals and scheduled
        # publishing reach here without the admin's hooks, so score the published content.
        from .services import entry_refresh_quality

        _set_modified(instance, kwargs.get("revision"))
        entry_refresh_quality(entry=instance)
    sync_entries_on_commit([instance.pk])


def _set_modified(entry: Entry, revision: Any) -> None:
    """A person publishing (the revision has an author) changed the entry: ``modified`` is now.

    The published revision gets the same value, so the next draft does not carry the old one
    back. Revisions without an author (imports, the demo) keep the date they were given.
    """
    if revision is None or revision.user_id is None:
        return
    now = timezone.now()
    Entry.objects.filter(pk=entry.pk).update(modified=now)
    entry.modified = now
    revision.content["modified"] = now.isoformat()
    revision.save(update_fields=["content"])
