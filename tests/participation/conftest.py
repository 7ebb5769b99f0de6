"""Accounts for participation tests: real users, verified through allauth's own models."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.accounts import PASSWORD, create_account
from tests.smtp import MailSink, smtp_server_for

__all__ = ["PASSWORD"]  # the participation tests import it from here


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings: Any) -> None:
    """Mail and alert tasks run inside the request, so a test sees what they did."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    """Empty rate-limit counters: account ids repeat after rollbacks, so counts would leak."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def make_account(db: Any) -> Callable[..., Any]:
    """A signed-up account with a verified e-mail address (or not), and a display name."""
    return create_account


@pytest.fixture
def smtp_server(settings: Any) -> Iterator[MailSink]:
    """A real SMTP server on 127.0.0.1 (aiosmtpd); Django sends to it over SMTP."""
    with smtp_server_for(settings) as sink:
        yield sink
