"""Reading accounts: a user's profile (created on the fly for accounts made before it existed)."""

from __future__ import annotations

from typing import Any

from .models import Profile


def profile_of(user: Any) -> Profile:
    profile, _ = Profile.objects.get_or_create(user=user)
    return profile


MODERATORS_GROUP = "Moderators"  # made by participation's migration 0002


def is_moderator(user: Any) -> bool:
    """Moderators (a Django group) and superusers hide, restore and block."""
    if not user.is_authenticated:
        return False
    return bool(user.is_superuser or user.groups.filter(name=MODERATORS_GROUP).exists())


def organisation_ids_for(user: Any, roles: tuple[str, ...] = ("editor", "admin")) -> set[int]:
    """The organisations ``user`` acts for with one of ``roles`` (approved memberships only)."""
    if not user.is_authenticated:
        return set()
    from .models import Membership, MembershipStatus

    return set(
        Membership.objects.filter(
            user=user, role__in=roles, status=MembershipStatus.APPROVED
        ).values_list("organisation_id", flat=True)
    )


def can_answer_for(user: Any, organisation_id: int | None) -> bool:
    """May ``user`` answer in the organisation's name (its editors and administrators)?"""
    if organisation_id is None or not user.is_authenticated:
        return False
    return bool(user.is_superuser or organisation_id in organisation_ids_for(user))
