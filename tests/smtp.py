"""A real SMTP server on 127.0.0.1 (aiosmtpd) that Django delivers to, for tests that follow a
mail the way its reader would: the participation tests (through Django's test client) and the
browser tests (through Chromium) share it, so both read the same parsed messages."""

from __future__ import annotations

import re
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any


class MailSink:
    """aiosmtpd handler: every message a real SMTP session delivered, parsed."""

    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append(message)
        return "250 OK"

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Any]:
        """The messages once ``count`` arrived (or whatever arrived before ``timeout``)."""
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.messages

    def wait_for_mail(self, *, to: str, subject: str, timeout: float = 10.0) -> EmailMessage:
        """The first message to ``to`` whose subject contains ``subject``; fails naming what
        did arrive, since a missing mail is the bug a reader of the failure looks for."""
        deadline = time.monotonic() + timeout
        while True:
            for message in list(self.messages):
                if message["To"] == to and subject in str(message["Subject"]):
                    return message
            if time.monotonic() >= deadline:
                seen = [(str(m["To"]), str(m["Subject"])) for m in self.messages]
                raise AssertionError(f"no mail to {to} about {subject!r}; delivered: {seen}")
            time.sleep(0.05)


def plain_text(message: EmailMessage) -> str:
    """The plain-text part a mail reader shows."""
    body = message.get_body(preferencelist=("plain",))
    assert body is not None, "the mail has no plain-text part"
    return str(body.get_content())


def link_in(message: EmailMessage, path: str) -> str:
    """The first absolute link in the mail's text whose path starts with ``path``."""
    text = plain_text(message)
    found = re.search(rf"https?://[^/\s]+{re.escape(path)}\S*", text)
    assert found, f"no link to {path} in the mail:\n{text}"
    return found.group(0)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def smtp_server_for(settings: Any) -> Iterator[MailSink]:
    """Start aiosmtpd on a free loopback port and point Django's SMTP backend at it."""
    from aiosmtpd.controller import Controller

    port = free_port()
    sink = MailSink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    try:
        yield sink
    finally:
        controller.stop()
