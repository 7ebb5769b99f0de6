"""Alert mails leave over real SMTP with RFC 8058 headers; signed links unsubscribe, no login."""

from __future__ import annotations

import re

import pytest
from django.core import signing
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from participation.alerts.models import Alert, Follow, MailOptOut
from participation.alerts.sending import send_pending_alerts
from participation.alerts.services import follow_create
from participation.alerts.signing import unsubscribe_token
from participation.events import announce
from tests.factories import make_entry

pytestmark = pytest.mark.django_db


def _event(subject, summary="Air quality: new distribution: CSV 2025", **kw):
    announce(sender="t", subject=subject, kind="entry_changed", summary=summary, url="/x/", **kw)


def _path(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def test_an_immediate_alert_is_mailed_over_smtp_with_one_click_headers(
    make_account, smtp_server, django_capture_on_commit_callbacks, settings
):
    settings.PUBLIC_BASE_URL = "https://catalogue.example.org"
    user = make_account(email="reader@example.org")
    entry = make_entry(title="Air quality")
    follow, _ = follow_create(user=user, target_type="entry", target=entry)
    with django_capture_on_commit_callbacks(execute=True):
        _event(entry)
    [message] = smtp_server.wait_for(1)
    assert message["To"] == "reader@example.org"
    assert "Air quality: new distribution: CSV 2025" in message["Subject"]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    header = re.sub(r"\s+", "", str(message["List-Unsubscribe"]))  # long headers are folded
    link = re.fullmatch(r"<(https://catalogue\.example\.org/unsubscribe/[^>]+/)>", header)
    assert link
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert (
        "https://catalogue.example.org/x/" in text
        and 'href="https://catalogue.example.org/x/"' in html
    )
    assert "<img" not in html  # no tracking pixel
    assert Alert.objects.get(user=user).sent_at is not None

    # the mail client's RFC 8058 one-click POST: no cookie, no CSRF token
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        _path(link.group(1)),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not Follow.objects.filter(pk=follow.pk).exists()


def test_several_alerts_make_one_mail_per_person(
    make_account, smtp_server, django_capture_on_commit_callbacks
):
    first, second = make_account(), make_account()
    entry = make_entry()
    follow_create(user=first, target_type="entry", target=entry)
    follow_create(user=second, target_type="entry", target=entry)
    _event(entry, summary="one")
    _event(entry, summary="two")
    with django_capture_on_commit_callbacks(execute=True):  # the events' own tasks did not run
        assert send_pending_alerts("immediate") == 2
    messages = smtp_server.wait_for(2)
    assert len(messages) == 2
    assert all("2 updates" in m["Subject"] for m in messages)
    assert send_pending_alerts("immediate") == 0  # nothing mailed twice


def test_the_digest_command_groups_each_persons_alerts_of_its_frequency(
    make_account, smtp_server, django_capture_on_commit_callbacks
):
    daily, weekly = (
        make_account(email="daily@example.org"),
        make_account(email="weekly@example.org"),
    )
    entry = make_entry()
    follow_create(user=daily, target_type="entry", target=entry, frequency="daily")
    follow_create(user=weekly, target_type="entry", target=entry, frequency="weekly")
    for n in range(3):
        _event(entry, summary=f"change {n}")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_alert_digests", "--frequency", "daily")
    [message] = smtp_server.wait_for(1)
    assert message["To"] == "daily@example.org" and "daily digest (3 updates)" in message["Subject"]
    body = message.get_body(("plain",)).get_content()
    assert all(f"change {n}" in body for n in range(3))
    assert Alert.objects.filter(user=weekly, sent_at=None).count() == 3
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_alert_digests", "--frequency", "weekly")
    assert len(smtp_server.wait_for(2)) == 2


def test_unsubscribe_get_asks_and_post_removes(make_account, client):
    user = make_account()
    entry = make_entry(title="Tram stops")
    follow, _ = follow_create(user=user, target_type="entry", target=entry)
    url = reverse("alerts:unsubscribe", args=[unsubscribe_token(user.pk, follow.pk)])
    page = client.get(url)
    assert (
        page.status_code == 200
        and b"Tram stops" in page.content
        and b'method="post"' in page.content
    )
    assert Follow.objects.filter(pk=follow.pk).exists()  # a GET (a link scanner) changes nothing
    assert client.post(url).status_code == 200
    assert not Follow.objects.filter(pk=follow.pk).exists()
    assert client.get(url).status_code == 200  # already gone: says so, no error


def test_unsubscribe_from_everything_stops_direct_alerts_too(make_account, client):
    user = make_account()
    for _ in range(2):
        follow_create(user=user, target_type="entry", target=make_entry())
    url = reverse("alerts:unsubscribe", args=[unsubscribe_token(user.pk, None)])
    assert client.post(url).status_code == 200
    assert not Follow.objects.filter(user=user).exists()
    assert MailOptOut.objects.filter(user=user).exists()
    _event(object(), notify=(user,))
    assert not Alert.objects.filter(user=user).exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_tampered_or_expired_link_is_a_400_with_a_message(
    make_account, client, method, monkeypatch
):
    user = make_account()
    follow, _ = follow_create(user=user, target_type="entry", target=make_entry())
    token = unsubscribe_token(user.pk, follow.pk)
    tampered = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    response = getattr(client, method)(reverse("alerts:unsubscribe", args=[tampered]))
    assert response.status_code == 400 and b"damaged or has expired" in response.content
    expired = signing.dumps(
        {"u": user.pk, "f": follow.pk}, salt="participation.alerts.unsubscribe", compress=True
    )
    monkeypatch.setattr("participation.alerts.signing.UNSUBSCRIBE_MAX_AGE", -1)
    response = getattr(client, method)(reverse("alerts:unsubscribe", args=[expired]))
    assert response.status_code == 400
    assert Follow.objects.filter(pk=follow.pk).exists()
