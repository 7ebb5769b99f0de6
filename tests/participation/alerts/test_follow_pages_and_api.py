"""Following from the pages (POST, CSRF, the posting rule) and through the API with a token."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from catalogue.models import Theme
from participation.alerts.models import Follow
from participation.alerts.services import follow_create
from participation.tokens import create_token
from tests.factories import make_entry, make_organisation
from tests.participation.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _signed_in(user, csrf=False) -> Client:
    client = Client(enforce_csrf_checks=csrf)
    assert client.login(username=user.username, password=PASSWORD)
    return client


def test_the_entry_page_offers_follow_and_the_form_follows(make_account):
    user = make_account()
    entry = make_entry(title="Air quality")
    client = _signed_in(user)
    page = client.get(entry.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    action = reverse("alerts:follow", kwargs={"target_type": "entry", "key": entry.pk})
    assert f'action="{action}"' in html and 'for="follow-frequency"' in html
    response = client.post(action, {"frequency": "weekly", "next": entry.get_absolute_url()})
    assert response.status_code == 302 and response["Location"] == entry.get_absolute_url()
    follow = Follow.objects.get(user=user, entry=entry)
    assert follow.frequency == "weekly"
    html = client.get(entry.get_absolute_url()).content.decode()
    assert reverse("alerts:unfollow", args=[follow.pk]) in html
    assert "1 person follows this." in html
    client.post(reverse("alerts:unfollow", args=[follow.pk]))
    assert not Follow.objects.filter(user=user).exists()


def test_following_needs_csrf_sign_in_verification_and_is_rate_limited(make_account, settings):
    entry = make_entry()
    action = reverse("alerts:follow", kwargs={"target_type": "entry", "key": entry.pk})
    assert _signed_in(make_account(), csrf=True).post(action).status_code == 403  # no token
    assert Client().post(action).status_code == 401
    assert _signed_in(make_account(verified=False)).post(action).status_code == 403
    robot = _signed_in(make_account()).post(action, {"website": "http://spam.example"})
    assert robot.status_code == 400
    settings.PARTICIPATION_RATE_LIMIT = "2/minute"
    eager = _signed_in(make_account())
    statuses = [eager.post(action).status_code for _ in range(3)]
    assert statuses[-1] == 429
    assert Follow.objects.count() == 1  # the eager account's one follow, made once


def test_bad_targets_and_frequencies_are_clear_4xx(make_account):
    client = _signed_in(make_account())
    url = reverse("alerts:follow", kwargs={"target_type": "entry", "key": "999999"})
    assert client.post(url).status_code == 404
    url = reverse("alerts:follow", kwargs={"target_type": "nonsense", "key": "1"})
    assert client.post(url).status_code == 404
    theme_url = reverse("alerts:follow", kwargs={"target_type": "theme", "key": "environment"})
    theme = Theme.objects.get(code="ENVI")
    theme_url = reverse("alerts:follow", kwargs={"target_type": "theme", "key": theme.slug})
    response = client.post(theme_url, {"frequency": "hourly"})
    assert response.status_code == 400 and b"How often" not in response.content
    assert client.post(theme_url, {"next": "https://evil.example/"})["Location"] == (
        theme.get_absolute_url()
    )


def test_the_following_page_lists_and_changes_frequency(
    make_account, django_assert_max_num_queries
):
    user = make_account()
    organisation = make_organisation(name="City of Lyon")
    follow_create(user=user, target_type="organisation", target=organisation)
    for _ in range(5):
        follow_create(user=user, target_type="entry", target=make_entry())
    follow_create(user=user, target_type="theme", target=Theme.objects.get(code="ENVI"))
    client = _signed_in(user)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("alerts:following"))
    html = page.content.decode()
    assert page.status_code == 200 and "City of Lyon" in html and html.count("<h2") == 7
    follow = Follow.objects.get(organisation=organisation)
    client.post(reverse("alerts:frequency", args=[follow.pk]), {"frequency": "daily"})
    follow.refresh_from_db()
    assert follow.frequency == "daily"
    assert (
        client.post(reverse("alerts:frequency", args=[follow.pk]), {"frequency": "x"}).status_code
        == 400
    )
    other = _signed_in(make_account())
    assert other.post(reverse("alerts:unfollow", args=[follow.pk])).status_code == 404
    assert Client().get(reverse("alerts:following")).status_code == 302


def test_the_api_follows_lists_and_unfollows_with_a_token(make_account):
    user = make_account()
    _token, raw = create_token(user, "script")
    entry = make_entry()
    client = Client(enforce_csrf_checks=True, headers={"Authorization": f"Bearer {raw}"})
    url = reverse("alerts:api_follows")
    body = json.dumps({"type": "entry", "target": entry.pk, "frequency": "daily"})
    created = client.post(url, body, content_type="application/json")
    assert created.status_code == 201, created.content
    follow_id = created.json()["id"]
    again = client.post(url, body, content_type="application/json")
    assert again.status_code == 200 and again.json()["id"] == follow_id  # counts once
    listed = client.get(url).json()["results"]
    assert [(f["type"], f["target"], f["frequency"]) for f in listed] == [
        ("entry", entry.pk, "daily")
    ]
    assert client.delete(reverse("alerts:api_follow", args=[follow_id])).status_code == 204
    assert client.delete(reverse("alerts:api_follow", args=[follow_id])).status_code == 404
    assert not Follow.objects.exists()


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("{not json", 400),
        ("[1]", 400),
        (json.dumps({"type": "user", "target": 1}), 400),
        (json.dumps({"type": "entry", "target": 1, "frequency": "hourly"}), 400),
        (json.dumps({"type": "entry", "target": "999999"}), 404),
    ],
)
def test_the_api_refuses_bad_input_clearly(make_account, body, status):
    _token, raw = create_token(make_account(), "script")
    response = Client().post(
        reverse("alerts:api_follows"),
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == status
    assert response.json()["error"]["message"]


def test_the_api_without_credentials_or_with_a_bad_token_is_401(make_account):
    assert Client().get(reverse("alerts:api_follows")).status_code == 401
    response = Client().get(reverse("alerts:api_follows"), HTTP_AUTHORIZATION="Bearer eco_x")
    assert response.status_code == 401
