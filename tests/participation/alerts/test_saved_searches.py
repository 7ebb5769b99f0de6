"""Saved searches: saved from the search page's parameters, matched by the site's search,
and readable as a feed by a real feed parser."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from participation.alerts.models import Alert, Follow, SavedSearch
from participation.alerts.saved_searches import check_saved_searches
from participation.alerts.signing import feed_token
from tests.factories import make_entry
from tests.participation.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _signed_in(user) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def _save(client, querystring, **data):
    return client.post(reverse("alerts:save_search") + "?" + querystring, data)


def test_a_search_is_saved_normalised_and_once(make_account):
    user = make_account()
    client = _signed_in(user)
    response = _save(client, "type=dataset&q=air+quality&page=2&sort=newest", name="Air")
    assert response.status_code == 302
    saved = SavedSearch.objects.get(user=user)
    assert saved.query == "q=air+quality&type=dataset" and saved.name == "Air"
    assert Follow.objects.get(saved_search=saved).frequency == "daily"
    _save(client, "q=air+quality&type=dataset")
    assert SavedSearch.objects.count() == 1


def test_a_search_the_search_page_refuses_is_a_400(make_account):
    client = _signed_in(make_account())
    response = _save(client, "lifecylce=deprecated")
    assert response.status_code == 400 and b"Unknown parameter" in response.content
    assert _save(client, "q=x", name="n" * 121).status_code == 400
    assert not SavedSearch.objects.exists()


def test_a_new_matching_entry_alerts_the_owner_once(
    make_account, django_capture_on_commit_callbacks
):
    user = make_account()
    _save(_signed_in(user), "q=bicycle", frequency="immediate")
    with django_capture_on_commit_callbacks(execute=True):
        make_entry(title="Bicycle counters")
        make_entry(title="Tram timetables")
    alerts = Alert.objects.filter(user=user)
    assert [a.summary for a in alerts] == ["New match for “bicycle”: Bicycle counters"]
    assert check_saved_searches() == 0  # already checked: no second alert


def test_the_saved_search_feed_parses_and_its_links_resolve(make_account, client):
    feedparser = pytest.importorskip("feedparser")
    user = make_account()
    assert _save(_signed_in(user), "q=bicycle", name="Bikes").status_code == 302
    make_entry(title="Bicycle counters")
    make_entry(title="Bicycle lanes")
    make_entry(title="Tram timetables")
    saved = SavedSearch.objects.get()
    response = client.get(reverse("alerts:saved_search_feed", args=[feed_token(saved.pk)]))
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo and feed.feed.title == "Saved search: Bikes"
    assert sorted(item.title for item in feed.entries) == ["Bicycle counters", "Bicycle lanes"]
    for item in feed.entries:
        path = item.link.split("://", 1)[1].split("/", 1)[1]
        assert client.get("/" + path).status_code == 200
    bad = client.get(reverse("alerts:saved_search_feed", args=[feed_token(saved.pk) + "x"]))
    assert bad.status_code == 404
