"""Accounts for participation tests: real users, verified through allauth's own models."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from participation.selectors import profile_of

PASSWORD = "a long and unusual passphrase 42"  # noqa: S105


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
    counter = {"n": 0}

    def make(
        *, email: str = "", name: str = "", verified: bool = True, trusted: bool = True
    ) -> Any:
        counter["n"] += 1
        email = email or f"person{counter['n']}@example.org"
        user = get_user_model().objects.create_user(
            username=email.split("@")[0] + str(counter["n"]), email=email, password=PASSWORD
        )
        EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
        profile = profile_of(user)
        profile.display_name = name or f"Person {counter['n']}"
        profile.trusted = trusted
        profile.save()
        return user

    return make


class MailSink:
    """aiosmtpd handler: every message a real SMTP session delivered, parsed."""

    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        from email import message_from_bytes, policy

        message = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append(message)
        return "250 OK"

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Any]:
        import time

        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.messages


@pytest.fixture
def smtp_server(settings: Any) -> Any:
    """A real SMTP server on 127.0.0.1 (aiosmtpd); Django sends to it over SMTP."""
    import socket

    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sink = MailSink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    try:
        yield sink
    finally:
        controller.stop()
