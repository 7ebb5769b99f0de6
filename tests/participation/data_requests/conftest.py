"""Data requests' fixtures: organisations with editors, and a clean cache for rate limits."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache

from participation.models import Membership, MembershipRole, MembershipStatus


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    cache.clear()


@pytest.fixture
def make_editor(make_account: Callable[..., Any]) -> Callable[..., Any]:
    def make(organisation: Any, **kwargs: Any) -> Any:
        user = make_account(**kwargs)
        Membership.objects.create(
            user=user,
            organisation=organisation,
            role=MembershipRole.EDITOR,
            status=MembershipStatus.APPROVED,
        )
        return user

    return make
