"""Mail leaves in background tasks, with retries, so a slow or absent mail server never slows
a page and a temporary failure loses nothing.

Every message the site sends (allauth's verification and password mails, alerts, digests)
goes through :func:`queue_message`: the message is reduced to JSON-safe parts, queued on
commit as :func:`send_message_task`, and sent by a ``db_worker`` with Django's configured
e-mail backend (files under var/mail in development, SMTP when ``EMAIL_HOST`` is set).
"""

from __future__ import annotations

import logging
import smtplib
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)


def message_parts(message: EmailMessage) -> dict[str, Any]:
    """A message as JSON-safe parts (task arguments must be JSON)."""
    alternatives = getattr(message, "alternatives", []) or []
    html = next((content for content, mimetype in alternatives if mimetype == "text/html"), "")
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email or settings.DEFAULT_FROM_EMAIL,
        "to": list(message.to),
        "html": str(html),
        "headers": {str(k): str(v) for k, v in (message.extra_headers or {}).items()},
    }


def build_message(parts: dict[str, Any]) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=parts["subject"],
        body=parts["body"],
        from_email=parts.get("from_email") or settings.DEFAULT_FROM_EMAIL,
        to=parts["to"],
        headers=parts.get("headers") or {},
    )
    if parts.get("html"):
        message.attach_alternative(parts["html"], "text/html")
    return message


def queue_message(message: EmailMessage) -> None:
    """Send ``message`` in the background once the current transaction commits."""
    parts = message_parts(message)
    transaction.on_commit(lambda: send_message_task.enqueue(parts, 1))


@task()
def send_message_task(parts: dict[str, Any], attempt: int = 1) -> str:
    """Deliver one message; on a connection or server error, queue it again later."""
    try:
        build_message(parts).send()
    except (OSError, smtplib.SMTPException) as exc:
        if attempt > settings.MAIL_MAX_RETRIES:
            logger.error("mail to %s dropped after %s attempts: %s", parts["to"], attempt, exc)
            raise
        wait = settings.MAIL_RETRY_SECONDS * 2 ** (attempt - 1)
        logger.warning("mail to %s failed (%s); retry %s in %ss", parts["to"], exc, attempt, wait)
        retry = send_message_task
        if retry.get_backend().supports_defer:  # the database queue; not the immediate one
            retry = retry.using(run_after=timezone.now() + timedelta(seconds=wait))
        retry.enqueue(parts, attempt + 1)
        return f"retry {attempt} queued"
    return "sent"
