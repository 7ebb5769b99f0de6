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


ORGANISATION_EDITORS_GROUP = "Organisation editors"  # made by participation's migration 0004


def admin_entry_scope(user: Any) -> set[int] | None:
    """The organisations whose entries ``user`` may edit in the admin; ``None``: no limit.

    Superusers and moderators (the catalogue's curators) are not limited; nor is staff given
    admin permissions some other way, without an editor's membership. Whoever holds an
    approved editor or administrator membership, or sits in the organisation editors' group,
    is limited to their organisations (none, if their memberships are gone). docs/adr/0024.
    """
    if not user.is_authenticated or is_moderator(user):
        return None
    organisations = organisation_ids_for(user)
    if organisations or user.groups.filter(name=ORGANISATION_EDITORS_GROUP).exists():
        return organisations
    return None


def memberships_of(user: Any) -> Any:
    from .models import Membership

    return (
        Membership.objects.filter(user=user)
        .select_related("organisation")
        .order_by("organisation__name")
    )


def reviewable_organisation_ids(user: Any) -> set[int] | None:
    """Organisations whose requests ``user`` decides; ``None``: every organisation.

    Superusers and moderators decide everywhere (so the first administrator of an
    organisation is approved by them); an organisation's approved administrators decide for it.
    """
    if not user.is_authenticated:
        return set()
    if is_moderator(user):
        return None
    return organisation_ids_for(user, roles=("admin",))


def may_decide(user: Any, membership: Any) -> bool:
    """May ``user`` approve or decline ``membership``? Nobody decides their own request, and
    only a superuser or moderator makes an organisation's first administrator."""
    if membership.user_id == user.pk and not user.is_superuser:
        return False
    allowed = reviewable_organisation_ids(user)
    return allowed is None or membership.organisation_id in allowed


def pending_requests_for(user: Any) -> Any:
    """The membership requests waiting for ``user``'s decision, oldest first."""
    from .models import Membership, MembershipStatus

    pending = Membership.objects.filter(status=MembershipStatus.REQUESTED).exclude(user=user)
    allowed = reviewable_organisation_ids(user)
    if allowed is not None:
        pending = pending.filter(organisation_id__in=allowed)
    return pending.select_related("organisation", "user__profile").order_by("requested_at")


def tokens_of(user: Any) -> Any:
    from .models import ApiToken

    return ApiToken.objects.filter(user=user).order_by("revoked_at", "-created_at")
