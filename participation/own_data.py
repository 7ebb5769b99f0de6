"""What participation itself holds about a person, for their download and their deletion.

Registered in ``ParticipationConfig.ready`` with the personal-data registry: the account
(e-mail, joined, last login), the profile, e-mail addresses (allauth), memberships and API
tokens (never their hashes). Erasing deletes these rows; the account row goes last, in
:func:`participation.services.delete_account`.
"""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress

from .models import ApiToken, Membership, Profile
from .personal_data import register_personal_data


def _when(value: Any) -> str | None:
    return value.isoformat() if value else None


def export_account(user: Any) -> dict[str, Any]:
    profile = Profile.objects.filter(user=user).first()
    return {
        "email": user.email,
        "date_joined": _when(user.date_joined),
        "last_login": _when(user.last_login),
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        "profile": None
        if profile is None
        else {
            "display_name": profile.display_name,
            "organisation_name": profile.organisation_name,
            "interest_themes": sorted(profile.interest_themes.values_list("code", flat=True)),
            "interest_countries": sorted(profile.interest_countries.values_list("code", flat=True)),
            "trusted": profile.trusted,
            "blocked_at": _when(profile.blocked_at),
            "created_at": _when(profile.created_at),
        },
    }


def export_memberships(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "organisation": m.organisation.name,
            "role": m.role,
            "status": m.status,
            "message": m.message,
            "requested_at": _when(m.requested_at),
            "decided_at": _when(m.decided_at),
        }
        for m in Membership.objects.filter(user=user).select_related("organisation")
    ]


def export_tokens(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "name": t.name,
            "prefix": t.prefix,
            "created_at": _when(t.created_at),
            "last_used_at": _when(t.last_used_at),
            "revoked_at": _when(t.revoked_at),
        }
        for t in ApiToken.objects.filter(user=user).order_by("created_at")
    ]


def erase_account(user: Any) -> None:
    EmailAddress.objects.filter(user=user).delete()
    Profile.objects.filter(user=user).delete()


def erase_memberships(user: Any) -> None:
    Membership.objects.filter(user=user).delete()


def erase_tokens(user: Any) -> None:
    ApiToken.objects.filter(user=user).delete()


def register() -> None:
    register_personal_data("account", export=export_account, erase=erase_account)
    register_personal_data("memberships", export=export_memberships, erase=erase_memberships)
    register_personal_data("api_tokens", export=export_tokens, erase=erase_tokens)
