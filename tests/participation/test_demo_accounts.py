"""The demo seeder: a few people of the demo organisations, no known password, idempotent."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from participation.demo import DEMO_PEOPLE, seed_demo
from participation.models import Membership, MembershipStatus
from participation.selectors import admin_entry_scope
from tests.factories import make_organisation

pytestmark = pytest.mark.django_db


def test_seeding_twice_makes_the_same_accounts_without_usable_passwords() -> None:
    council = make_organisation(slug="northbridge-city-council", name="Northbridge City Council")
    make_organisation(slug="national-statistics-office", name="National Statistics Office")
    summary = seed_demo()
    assert "4 demo accounts" in summary
    seed_demo()
    users = get_user_model().objects.filter(email__in=[p[0] for p in DEMO_PEOPLE])
    assert users.count() == len(DEMO_PEOPLE)
    assert not any(user.has_usable_password() for user in users)
    assert Membership.objects.count() == 3
    assert Membership.objects.filter(status=MembershipStatus.REQUESTED).count() == 1
    editor = users.get(email="aoife.byrne@northbridge.example")
    assert admin_entry_scope(editor) == {council.pk}
    assert editor.has_perm("wagtailadmin.access_admin")
