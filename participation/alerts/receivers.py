"""Where alerts come from: the participation event every app sends, and catalogue changes.

The catalogue never imports participation, so changes people care about are read here from
Django's and Wagtail's signals: the values an entry had before a save are kept in
``pre_save`` and compared in ``post_save``; a new distribution or winner is a new row. What
one transaction changed in one entry is announced once, after commit, as one event (so a
first publication is "published", not also "new distribution").
"""

from __future__ import annotations

import threading
from typing import Any

from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from catalogue.models import Distribution, Entry, Winner, challenge_status_at
from participation.events import announce, participation_event

from .producing import alerts_create

WATCHED = (
    "lifecycle",
    "sunset_date",
    "opens_at",
    "closes_at",
    "judging_ends_at",
    "first_published_at",
)
_pending = threading.local()


@receiver(participation_event)
def event_to_alerts(sender: Any, **event: Any) -> None:
    alerts_create(
        subject=event["subject"],
        kind=event["kind"],
        summary=event["summary"],
        url=event["url"],
        notify=event.get("notify") or (),
        exclude=event.get("exclude") or (),
    )
    if event["kind"] == "entry_published":
        from .saved_searches import check_saved_searches_task

        transaction.on_commit(lambda: check_saved_searches_task.enqueue())


class _Announcement:
    """The after-commit callback of one entry's changes in one transaction."""

    def __init__(self, entry_id: int) -> None:
        self.entry_id = entry_id
        self.kinds: dict[str, list[str]] = {}

    def __call__(self) -> None:
        _pending.__dict__.get("by_entry", {}).pop(self.entry_id, None)
        _announce(self.entry_id, self.kinds)


def _registered(announcement: _Announcement) -> bool:
    """Still waiting for a commit (a rollback drops the callbacks it was part of)."""
    connection = transaction.get_connection()
    return any(callback is announcement for _sids, callback, *_ in connection.run_on_commit)


def note_change(entry_id: int, kind: str, line: str) -> None:
    """Remember a change; the entry's changes are announced together after commit."""
    by_entry: dict[int, _Announcement] = _pending.__dict__.setdefault("by_entry", {})
    announcement = by_entry.get(entry_id)
    if announcement is None or not _registered(announcement):
        announcement = by_entry[entry_id] = _Announcement(entry_id)
        announcement.kinds.setdefault(kind, []).append(line)
        transaction.on_commit(announcement)  # in autocommit: runs now
        return
    announcement.kinds.setdefault(kind, []).append(line)


def _announce(entry_id: int, kinds: dict[str, list[str]]) -> None:
    entry = Entry.objects.filter(pk=entry_id).select_related("publisher").first()
    if entry is None or not entry.is_published or not kinds:
        return
    url = entry.get_absolute_url()
    if "entry_published" in kinds:
        announce(
            sender="alerts",
            subject=entry,
            kind="entry_published",
            summary=_("New: %(title)s") % {"title": entry.title},
            url=url,
        )
        return
    for kind in ("challenge_status", "entry_changed"):
        if kind in kinds:
            lines = "; ".join(dict.fromkeys(kinds[kind]))
            announce(
                sender="alerts",
                subject=entry,
                kind=kind,
                summary=f"{entry.title}: {lines}",
                url=url,
            )


@receiver(pre_save)
def remember_entry_before(sender: Any, instance: Any, raw: bool = False, **kw: Any) -> None:
    if raw or not isinstance(instance, Entry) or not instance.pk:
        return
    instance._alerts_before = Entry.objects.filter(pk=instance.pk).values(*WATCHED).first()


def _status(values: dict[str, Any]) -> str:
    return challenge_status_at(
        timezone.now(), values["opens_at"], values["closes_at"], values["judging_ends_at"]
    )


def entry_change_lines(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[str]]:
    """What changed that followers hear about, as ``{kind: [line, ...]}``."""
    lines: dict[str, list[str]] = {}
    if before["lifecycle"] != after["lifecycle"] and after["lifecycle"] in {
        "deprecated",
        "retired",
    }:
        text = _("deprecated") if after["lifecycle"] == "deprecated" else _("retired")
        lines.setdefault("entry_changed", []).append(text)
    if after["sunset_date"] and before["sunset_date"] != after["sunset_date"]:
        lines.setdefault("entry_changed", []).append(
            _("sunset on %(date)s") % {"date": date_format(after["sunset_date"])}
        )
    if any(before[name] != after[name] for name in ("opens_at", "closes_at", "judging_ends_at")):
        old, new = _status(before), _status(after)
        if old != new:
            lines.setdefault("challenge_status", []).append(status_line(new))
    return lines


def status_line(status: str) -> str:
    return {
        "upcoming": _("opens soon"),
        "open": _("now open for entries"),
        "judging": _("closed for entries, judging under way"),
        "closed": _("closed"),
    }.get(status, status)


@receiver(post_save)
def entry_saved(sender: Any, instance: Any, created: bool, raw: bool = False, **kw: Any) -> None:
    if raw or not isinstance(instance, Entry):
        return
    if kw.get("update_fields") and not set(kw["update_fields"]) & set(WATCHED):
        return  # a draft saved as a revision: the live values did not change
    before = getattr(instance, "_alerts_before", None)
    instance._alerts_before = None
    after = {name: getattr(instance, name) for name in WATCHED}
    first_time = before is None or before["first_published_at"] is None
    if instance.is_published and first_time and (after["first_published_at"] or created):
        note_change(instance.pk, "entry_published", "")
        return
    if before is None:
        return
    for kind, lines in entry_change_lines(before, after).items():
        for line in lines:
            note_change(instance.pk, kind, line)


@receiver(post_save, sender=Distribution)
def distribution_added(
    sender: Any, instance: Distribution, created: bool, raw: bool = False, **kw: Any
) -> None:
    if created and not raw:
        label = instance.title or instance.format or _("a new distribution")
        note_change(
            instance.entry_id, "entry_changed", _("new distribution: %(name)s") % {"name": label}
        )


@receiver(post_save, sender=Winner)
def winner_added(
    sender: Any, instance: Winner, created: bool, raw: bool = False, **kw: Any
) -> None:
    if created and not raw:
        note_change(instance.entry_id, "challenge_status", _("winners announced"))
