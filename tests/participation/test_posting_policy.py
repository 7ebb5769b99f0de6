"""The one posting rule: verified, not blocked, no honeypot, within the rate limit."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import RequestFactory
from django.utils import timezone

from participation.posting import held_for_moderation, posting_refusal
from participation.selectors import profile_of

pytestmark = pytest.mark.django_db


def _post(user: Any, data: dict[str, str] | None = None, addr: str = "192.0.2.1") -> Any:
    request = RequestFactory().post("/x/", data or {}, REMOTE_ADDR=addr)
    request.user = user
    return request


def test_verified_accounts_post_and_unverified_or_blocked_do_not(make_account: Any) -> None:
    assert posting_refusal(_post(make_account())) is None
    refused = posting_refusal(_post(make_account(verified=False)))
    assert refused is not None and refused.status == 403
    blocked = make_account()
    profile = profile_of(blocked)
    profile.blocked_at = timezone.now()
    profile.save()
    assert posting_refusal(_post(blocked)) is not None


def test_the_honeypot_refuses_robots(make_account: Any) -> None:
    refused = posting_refusal(_post(make_account(), {"website": "http://spam.example"}))
    assert refused is not None and refused.status == 400


def test_a_flood_gets_429_per_account_and_per_address(make_account: Any, settings: Any) -> None:
    settings.PARTICIPATION_RATE_LIMIT = "3/minute"
    user = make_account()
    results = [posting_refusal(_post(user), action="t1") for _ in range(4)]
    assert results[:3] == [None, None, None]
    assert results[3] is not None and results[3].status == 429 and results[3].retry_after > 0
    others = [
        posting_refusal(_post(make_account(), addr="192.0.2.9"), action="t2") for _ in range(4)
    ]
    assert others[3] is not None and others[3].status == 429  # same address, new accounts


def test_new_accounts_are_held_until_trusted(make_account: Any) -> None:
    assert held_for_moderation(make_account(trusted=False))
    assert not held_for_moderation(make_account(trusted=True))
