"""From an event to Alert rows: who follows the subject, plus who is told directly.

One query reads the followers (an entry's own followers, its publisher's, its themes'),
each person gets one alert per event (the most specific follow wins: the entry before its
organisation before a theme), and the rows are written with ``bulk_create``. Immediate
alerts are then sent by one background task, queued when the transaction commits.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Q

from catalogue.models import Entry, Organisation, Theme

from .models import Alert, AlertFrequency, Follow, MailOptOut

BATCH = 2000
SPECIFICITY = ("entry", "organisation", "theme", "saved_search")


def _follow_condition(subject: Any) -> Q | None:
    if isinstance(subject, Entry):
        theme_ids = list(subject.themes.values_list("id", flat=True)) if subject.pk else []
        condition = Q(entry_id=subject.pk) | Q(organisation_id=subject.publisher_id)
        return condition | Q(theme_id__in=theme_ids) if theme_ids else condition
    if isinstance(subject, Organisation):
        return Q(organisation_id=subject.pk)
    if isinstance(subject, Theme):
        return Q(theme_id=subject.pk)
    return None  # requests, reports...: only the people told directly


def _rank(entry_id: Any, organisation_id: Any, theme_id: Any) -> int:
    if entry_id is not None:
        return 0
    return 1 if organisation_id is not None else 2


def followers_of(subject: Any) -> dict[int, tuple[int, str]]:
    """``{user_id: (follow_id, frequency)}``, the most specific follow per person."""
    condition = _follow_condition(subject)
    if condition is None:
        return {}
    chosen: dict[int, tuple[int, int, str]] = {}
    rows = Follow.objects.filter(condition).values_list(
        "user_id", "id", "frequency", "entry_id", "organisation_id", "theme_id"
    )
    for user_id, follow_id, frequency, entry_id, organisation_id, theme_id in rows.iterator(
        chunk_size=BATCH
    ):
        rank = _rank(entry_id, organisation_id, theme_id)
        if user_id not in chosen or rank < chosen[user_id][0]:
            chosen[user_id] = (rank, follow_id, frequency)
    return {
        user_id: (follow_id, frequency) for user_id, (_, follow_id, frequency) in chosen.items()
    }


def _ids(users: Iterable[Any]) -> set[int]:
    return {int(getattr(user, "pk", user)) for user in users if user is not None}


def alerts_create(
    *,
    subject: Any,
    kind: str,
    summary: str,
    url: str,
    notify: Iterable[Any] = (),
    exclude: Iterable[Any] = (),
) -> int:
    """Write the alerts of one event; returns how many. Immediate ones are sent on commit."""
    recipients = followers_of(subject)
    direct = _ids(notify) - set(recipients)
    if direct:
        direct -= set(
            MailOptOut.objects.filter(user_id__in=direct).values_list("user_id", flat=True)
        )
    for user_id in direct:
        recipients[user_id] = (0, AlertFrequency.IMMEDIATE)
    for user_id in _ids(exclude):
        recipients.pop(user_id, None)
    summary, url = str(summary)[:300], str(url)[:1000]
    alerts = [
        Alert(
            user_id=user_id,
            follow_id=follow_id or None,
            frequency=frequency,
            kind=kind,
            summary=summary,
            url=url,
        )
        for user_id, (follow_id, frequency) in recipients.items()
    ]
    Alert.objects.bulk_create(alerts, batch_size=BATCH)
    if any(alert.frequency == AlertFrequency.IMMEDIATE for alert in alerts):
        from .sending import send_immediate_alerts_task

        transaction.on_commit(lambda: send_immediate_alerts_task.enqueue())
    return len(alerts)
