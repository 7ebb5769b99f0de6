"""Template filters for challenges: the status of an entry and its label."""

from __future__ import annotations

from django import template

from catalogue.models import ChallengeStatus, Entry

from ..status import challenge_status as status_of

register = template.Library()


@register.filter
def challenge_status(entry: Entry) -> str:
    return status_of(entry)


@register.filter
def challenge_status_label(value: str | None) -> str:
    """The human label of a status value; an unknown value is shown as it is."""
    if value in ChallengeStatus.values:
        return str(ChallengeStatus(value).label)
    return value or ""
