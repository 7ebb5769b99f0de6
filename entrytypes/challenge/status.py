"""A challenge's status, read off its dates by the one rule in ``catalogue.models``."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from catalogue.models import Entry, challenge_status_at


def challenge_status(entry: Entry, now: dt.datetime | None = None) -> str:
    return challenge_status_at(
        now or timezone.now(), entry.opens_at, entry.closes_at, entry.judging_ends_at
    )
