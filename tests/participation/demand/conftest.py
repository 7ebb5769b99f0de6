"""Accounts that may (or may not) see the demand dashboard."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import Group, Permission

from participation.models import Membership, MembershipStatus
from participation.selectors import MODERATORS_GROUP
from tests.factories import make_organisation


def _admin_access(user: Any) -> Any:
    group, _ = Group.objects.get_or_create(name="Admin access (demand tests)")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


@pytest.fixture
def moderator(make_account: Callable[..., Any]) -> Any:
    user = _admin_access(make_account(name="Moderator"))
    user.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    return user


@pytest.fixture
def organisation_admin(make_account: Callable[..., Any]) -> Any:
    """An approved administrator of one organisation (with Wagtail admin access)."""
    user = _admin_access(make_account(name="Org admin"))
    organisation = make_organisation(name="Harbour City", slug="harbour-city")
    Membership.objects.create(
        user=user, organisation=organisation, role="admin", status=MembershipStatus.APPROVED
    )
    user.demand_organisation = organisation
    return user


@pytest.fixture
def editor_with_admin_access(make_account: Callable[..., Any]) -> Any:
    """Reaches the Wagtail admin, administers nothing: the dashboard refuses them."""
    user = _admin_access(make_account(name="Editor"))
    organisation = make_organisation(name="Editor org", slug="editor-org")
    Membership.objects.create(
        user=user, organisation=organisation, role="editor", status=MembershipStatus.APPROVED
    )
    return user
