"""RSS and Atom feeds, read by feedparser (the feed reader library most tools embed)."""

from __future__ import annotations

import datetime as dt

import feedparser
import pytest
from django.utils import timezone

from tests.factories import make_entry, make_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries():
    now = timezone.now()
    city = make_organisation(name="City of Ghent", slug="city-of-ghent")
    other = make_organisation(name="Port authority", slug="port")
    return {
        "old": make_entry(
            "dataset",
            title="Old bus stops",
            slug="bus-stops",
            publisher=city,
            summary="Every bus stop.",
            keywords=["transport"],
            modified=now - dt.timedelta(days=30),
        ),
        "new": make_entry(
            "dataset",
            title="Tram delays",
            slug="tram-delays",
            publisher=city,
            summary="Delays <by> line & hour.",
            modified=now - dt.timedelta(days=1),
        ),
        "api": make_entry(
            "api",
            title="Tram positions API",
            slug="tram-positions",
            publisher=other,
            modified=now - dt.timedelta(days=2),
        ),
        "draft": make_entry("dataset", title="Secret tram plans", publisher=city, publish=False),
    }


def read(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content[:300]
    return response, feedparser.parse(response.content)


def test_rss_of_all_entries_newest_update_first(client, entries):
    response, feed = read(client, "/feeds/entries.rss")
    assert response["Content-Type"].startswith("application/rss+xml")
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    assert [e.title for e in feed.entries] == ["Tram delays", "Tram positions API", "Old bus stops"]
    first = feed.entries[0]
    assert first.link == "http://testserver/datasets/tram-delays/"
    assert first.summary == "Delays &lt;by&gt; line &amp; hour." or "Delays" in first.summary
    assert first.author == "City of Ghent" or "City of Ghent" in first.get("author", "")


def test_atom_has_updated_dates(client, entries):
    response, feed = read(client, "/feeds/entries.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    updated = feed.entries[0].updated_parsed
    assert updated[:3] == entries["new"].modified.timetuple()[:3]
    assert feed.feed.subtitle


def test_per_type_and_per_organisation(client, entries):
    _, feed = read(client, "/feeds/apis.rss")
    assert [e.title for e in feed.entries] == ["Tram positions API"]
    _, feed = read(client, "/feeds/organisations/city-of-ghent.atom")
    assert [e.title for e in feed.entries] == ["Tram delays", "Old bus stops"]
    assert "City of Ghent" in feed.feed.title
    read(client, "/feeds/organisations/nobody.rss", status=404)
    read(client, "/feeds/spaceships.rss", status=404)


def test_search_feed_takes_the_search_parameters(client, entries):
    _, feed = read(client, "/feeds/search.rss?q=tram&type=dataset")
    assert [e.title for e in feed.entries] == ["Tram delays"]
    _, feed = read(client, "/feeds/search.atom?organisation=port")
    assert [e.title for e in feed.entries] == ["Tram positions API"]
    response = client.get("/feeds/search.rss?page=abc")
    assert response.status_code == 400
    assert client.get("/feeds/search.rss?page_size=100000").status_code == 400


def test_feed_link_tags_include(rf, entries):
    from django.template.loader import render_to_string

    from catalogue.models import Organisation

    html = render_to_string(
        "catalogue/includes/feed_links.html",
        {
            "feed_type_path": "datasets",
            "feed_organisation": Organisation.objects.get(slug="port"),
            "feed_querystring": "q=tram&amp;type=api",
        },
    )
    assert 'type="application/rss+xml"' in html
    assert 'href="/feeds/datasets.atom"' in html
    assert 'href="/feeds/organisations/port.rss"' in html
    assert 'href="/feeds/search.rss?q=tram' in html
