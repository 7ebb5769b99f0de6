"""Sign-up through allauth's real views: the verification mail is queued, sent and followed."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from participation.mail import send_message_task

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_sign_up_sends_a_verification_mail_that_verifies_and_signs_in(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/accounts/signup/",
            {"email": "ada@example.org", "password1": PASSWORD, "password2": PASSWORD},
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ada@example.org"]
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+)", str(message.body))
    assert link, message.body
    page = client.get(link.group(1))
    assert page.status_code == 200
    confirmed = client.post(link.group(1))
    assert confirmed.status_code == 302
    login = client.post("/accounts/login/", {"login": "ada@example.org", "password": PASSWORD})
    assert login.status_code == 302
    assert client.get("/account/").status_code == 200


def test_an_unverified_account_cannot_sign_in(client: Client, make_account: Any) -> None:
    make_account(email="bob@example.org", verified=False)
    client.post("/accounts/login/", {"login": "bob@example.org", "password": PASSWORD})
    assert client.get("/account/").status_code == 302  # sent back to sign in


def test_a_failed_delivery_is_queued_again_later(settings: Any) -> None:
    """Nothing listens on port 9: the database queue gets the message back, deferred."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1
    parts = {"subject": "s", "body": "b", "to": ["x@example.org"], "headers": {}}
    assert send_message_task.call(parts, 1) == "retry 1 queued"
    queued = DBTaskResult.objects.get()
    assert queued.args_kwargs["args"] == [parts, 2]
    assert queued.run_after is not None
    settings.MAIL_MAX_RETRIES = 1
    with pytest.raises(OSError):  # the last attempt gives up loudly (the task is failed)
        send_message_task.call(parts, 2)


def test_password_reset_mail_is_delivered_over_smtp(
    client: Client, make_account: Any, smtp_server: Any, django_capture_on_commit_callbacks: Any
) -> None:
    make_account(email="eve@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/password/reset/", {"email": "eve@example.org"})
    assert response.status_code == 302
    [message] = smtp_server.wait_for(1)
    assert message["To"] == "eve@example.org"
    body = message.get_body(preferencelist=("plain",)).get_content()
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+)", body)
    assert link, body
    assert client.get(link.group(1), follow=True).status_code == 200
