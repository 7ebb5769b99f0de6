"""Discussions' fixtures: an entry to discuss, a moderator, and a publisher's editor."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from participation.models import Membership, MembershipRole, MembershipStatus
from tests.factories import make_entry


@pytest.fixture(autouse=True)
def _fresh_rate_limits(settings: Any) -> None:
    """Each test starts with empty rate-limit counters and room to post."""
    cache.clear()
    settings.PARTICIPATION_RATE_LIMIT = "1000/minute"


@pytest.fixture
def entry(db: Any) -> Any:
    return make_entry("dataset", title="Air quality measurements")


@pytest.fixture
def moderator(make_account: Callable[..., Any]) -> Any:
    user = make_account(name="Mo Derator")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def publisher_editor(make_account: Callable[..., Any], entry: Any) -> Any:
    """An approved editor of the entry's publisher: answers in its name."""
    user = make_account(name="Pat Publisher")
    Membership.objects.create(
        user=user,
        organisation=entry.publisher,
        role=MembershipRole.EDITOR,
        status=MembershipStatus.APPROVED,
    )
    return user


def subject_key(entry: Any) -> str:
    return f"catalogue.entry:{entry.pk}"
