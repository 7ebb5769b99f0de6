"""Challenges open, close and end their judging as time passes: nothing is saved then, so no
signal fires. ``announce_challenge_milestones`` (run from cron, and before every digest)
announces each status a published challenge reached since the previous run; the first run
only starts the clock, so nothing from the past is announced as news.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from catalogue.models import Entry, challenge_status_at
from participation.events import announce

from .models import AlertClock
from .receivers import status_line

CLOCK_KEY = "challenge_status"
DATES = ("opens_at", "closes_at", "judging_ends_at")


def _passed_between(since: dt.datetime, now: dt.datetime) -> Q:
    condition = Q()
    for name in DATES:
        condition |= Q(**{f"{name}__gt": since, f"{name}__lte": now})
    return condition


@transaction.atomic
def announce_challenge_milestones(now: dt.datetime | None = None) -> int:
    """Announce the challenges whose status changed since the last run; how many."""
    now = now or timezone.now()
    clock, created = AlertClock.objects.select_for_update().get_or_create(
        key=CLOCK_KEY, defaults={"checked_at": now}
    )
    if created or clock.checked_at >= now:
        return 0
    since, announced = clock.checked_at, 0
    challenges = Entry.objects.published().filter(_passed_between(since, now))
    for entry in challenges.iterator():
        dates = [getattr(entry, name) for name in DATES]
        before, after = challenge_status_at(since, *dates), challenge_status_at(now, *dates)
        if before != after:
            announce(
                sender="alerts",
                subject=entry,
                kind="challenge_status",
                summary=f"{entry.title}: {status_line(after)}",
                url=entry.get_absolute_url(),
            )
            announced += 1
    clock.checked_at = now
    clock.save(update_fields=["checked_at"])
    return announced
