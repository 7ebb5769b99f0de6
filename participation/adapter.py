"""allauth's account adapter: its mails (verification, password reset) go through the queue."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter

from .mail import queue_message


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]  # allauth is untyped
    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        message = self.render_mail(template_prefix, email, context)
        queue_message(message)
