"""Demo accounts: a few people of the demo organisations, so that memberships, the review
page and an organisation editor's scoped admin can be seen. Their passwords are unusable
(no known password is in the repository): a demo visitor signs up, or an operator sets one.
"""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from catalogue.models import Organisation

from .models import MembershipRole
from .selectors import profile_of
from .services import grant_membership, profile_update, request_membership

# (e-mail, display name, organisation shown, (organisation slug, role, approved) or None)
DEMO_PEOPLE: tuple[tuple[str, str, str, tuple[str, str, bool] | None], ...] = (
    (
        "aoife.byrne@northbridge.example",
        "Aoife Byrne",
        "Northbridge City Council",
        ("northbridge-city-council", MembershipRole.EDITOR, True),
    ),
    (
        "ciaran.walsh@statistics.example",
        "Ciarán Walsh",
        "National Statistics Office",
        ("national-statistics-office", MembershipRole.ADMIN, True),
    ),
    (
        "marta.nowak@statistics.example",
        "Marta Nowak",
        "National Statistics Office",
        ("national-statistics-office", MembershipRole.EDITOR, False),
    ),
    ("sam.okafor@mail.example", "Sam Okafor", "", None),
)


def _account(email: str, name: str, organisation_name: str) -> Any:
    user = get_user_model().objects.filter(email=email).first()
    if user is None:
        user = get_user_model().objects.create_user(
            username=email.split("@")[0], email=email, password=None
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        profile_update(
            user, display_name=name, organisation_name=organisation_name, themes=[], countries=[]
        )
        profile = profile_of(user)
        profile.trusted = True
        profile.save(update_fields=["trusted"])
    return user


def seed_demo() -> str:
    """Idempotent: accounts and memberships are made once; a second run changes nothing."""
    organisations = {o.slug: o for o in Organisation.objects.filter(slug__in=_slugs())}
    accounts = memberships = 0
    for email, name, organisation_name, membership in DEMO_PEOPLE:
        user = _account(email, name, organisation_name)
        accounts += 1
        if membership is None or membership[0] not in organisations:
            continue
        slug, role, approved = membership
        if user.memberships.filter(organisation=organisations[slug]).exists():
            memberships += 1
            continue
        if approved:
            grant_membership(user, organisation=organisations[slug], role=role)
        else:
            request_membership(
                user,
                organisation=organisations[slug],
                role=role,
                message="I maintain the census tables and would like to update their entries.",
            )
        memberships += 1
    return f"{accounts} demo accounts, {memberships} memberships (passwords unusable)"


def _slugs() -> list[str]:
    return [m[0] for *_rest, m in DEMO_PEOPLE if m is not None]
