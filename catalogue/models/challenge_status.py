"""A challenge's status, derived from its dates: the one rule, as Python and as a filter.

Never stored: it moves on by itself as time passes. The search index keeps the same rule as
one date span per status (``search/documents.py``).
"""

from __future__ import annotations

import datetime as dt

from django.db import models

from .choices import ChallengeStatus


def challenge_status_at(
    now: dt.datetime,
    opens_at: dt.datetime | None,
    closes_at: dt.datetime | None,
    judging_ends_at: dt.datetime | None,
) -> str:
    """The one rule for a challenge's status: it follows the dates, so it moves on by itself.

    The search index stores the same rule as one date span per status (search/documents.py).
    """
    if opens_at and now < opens_at:
        return ChallengeStatus.UPCOMING
    if closes_at is None or now < closes_at:
        return ChallengeStatus.OPEN
    if judging_ends_at and now < judging_ends_at:
        return ChallengeStatus.JUDGING
    return ChallengeStatus.CLOSED


def challenge_status_condition(status: str, now: dt.datetime) -> models.Q:
    """The same rule as ``challenge_status_at``, as a filter over the entry table."""
    started = models.Q(opens_at__isnull=True) | models.Q(opens_at__lte=now)
    conditions: dict[str, models.Q] = {
        ChallengeStatus.UPCOMING: models.Q(opens_at__gt=now),
        ChallengeStatus.OPEN: started
        & (models.Q(closes_at__isnull=True) | models.Q(closes_at__gt=now)),
        ChallengeStatus.JUDGING: started & models.Q(closes_at__lte=now, judging_ends_at__gt=now),
        ChallengeStatus.CLOSED: started
        & models.Q(closes_at__lte=now)
        & (models.Q(judging_ends_at__isnull=True) | models.Q(judging_ends_at__lte=now)),
    }
    return conditions.get(status, models.Q(pk__in=[]))
