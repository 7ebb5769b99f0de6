"""Reports' fixtures: a published entry, its publisher's editor, a moderator, a clean cache."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache

from participation.models import Membership, MembershipRole, MembershipStatus
from participation.selectors import MODERATORS_GROUP
from tests.factories import make_entry, make_organisation


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    """Rate-limit counters live in the cache, per address: every test starts with none."""
    cache.clear()


@pytest.fixture
def entry(db: Any) -> Any:
    return make_entry("dataset", title="Bus and tram stops", publisher=make_organisation())


def _admin_access(user: Any) -> None:
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
    )


@pytest.fixture
def make_editor(make_account: Callable[..., Any]) -> Callable[..., Any]:
    """An account approved as editor (or admin) of ``organisation``, with admin access."""

    def make(organisation: Any, role: str = MembershipRole.EDITOR, **kwargs: Any) -> Any:
        user = make_account(**kwargs)
        Membership.objects.create(
            user=user, organisation=organisation, role=role, status=MembershipStatus.APPROVED
        )
        _admin_access(user)
        return user

    return make


@pytest.fixture
def moderator(make_account: Callable[..., Any]) -> Any:
    user = make_account(name="Moderator")
    user.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    _admin_access(user)
    return user
