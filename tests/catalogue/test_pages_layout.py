"""The page layout every visitor meets, and the entry listings: landmarks, pagination, empty states.

Objects are made through the services (tests/factories.py); pages are fetched with Django's
test client against the real database.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.catalogue.pages import now, page_text
from tests.factories import make_entry, make_organisation, theme

pytestmark = pytest.mark.django_db


# --- layout -----------------------------------------------------------------------------------


def test_every_page_has_landmarks_skip_link_nav_and_a_labelled_search_box(client):
    text = page_text(client.get("/datasets/"))
    assert '<a class="skip-link" href="#main-content">' in text
    assert '<main id="main-content"' in text
    assert "<header" in text and "<footer" in text
    assert '<nav class="site-nav" aria-label="Main">' in text
    for href in (
        "/datasets/",
        "/apis/",
        "/ppp-projects/",
        "/challenges/",
        "/organisations/",
        "/themes/",
        "/search/",
    ):
        assert f'href="{href}"' in text
    assert 'action="/search/" method="get"' in text
    assert '<label for="site-search-q">' in text
    assert 'id="site-search-q" type="search" name="q"' in text
    # The section the visitor is in is announced.
    assert '<a href="/datasets/" aria-current="page">' in text
    # Nothing is loaded from another site; the one script is our own progressive enhancement
    # (search-box suggestions), deferred, and the page works without it.
    assert "https://fonts." not in text
    scripts = re.findall(r"<script[^>]*>", text)
    assert all('src="/static/' in tag or 'type="application/ld+json"' in tag for tag in scripts), (
        scripts
    )


# --- listings ---------------------------------------------------------------------------------


def test_dataset_listing_shows_published_datasets_of_that_type_newest_first(client):
    older = make_entry("dataset", title="Older bus stops", modified=now() - dt.timedelta(days=3))
    newer = make_entry(
        "dataset",
        title="Newer air quality",
        modified=now(),
        themes=[theme("ENVI")],
        distributions=[{"format": "csv", "download_url": "https://example.org/a.csv"}],
    )
    make_entry("dataset", title="Unpublished draft", publish=False)
    make_entry("api", title="Some API")

    text = page_text(client.get("/datasets/"))

    assert text.index(newer.title) < text.index(older.title)
    assert "Unpublished draft" not in text
    assert "Some API" not in text
    assert f'href="{newer.get_absolute_url()}"' in text
    assert ">CSV<" in text
    assert "Environment" in text
    assert "2 entries, newest first." in text


@pytest.mark.parametrize(
    ("path", "entry_type"),
    [("/apis/", "api"), ("/ppp-projects/", "ppp"), ("/challenges/", "challenge")],
)
def test_each_type_has_its_listing(client, path, entry_type):
    entry = make_entry(entry_type, title=f"Listed {entry_type}")
    text = page_text(client.get(path))
    assert f"Listed {entry_type}" in text
    assert entry.get_absolute_url() in text


def test_listing_paginates_twenty_per_page(client):
    publisher = make_organisation()
    for i in range(23):
        make_entry(
            "api",
            title=f"Paged API {i:02d}",
            publisher=publisher,
            modified=now() - dt.timedelta(minutes=i),
        )

    first = page_text(client.get("/apis/"))
    second = page_text(client.get("/apis/?page=2"))

    assert "Paged API 00" in first and "Paged API 19" in first
    assert "Paged API 20" not in first
    assert "Paged API 20" in second and "Paged API 22" in second
    assert "Page 2 of 2" in second
    assert 'rel="next" href="?page=2"' in first


@pytest.mark.parametrize(
    "page",
    ["abc", "0", "-1", "1e9", "99999999999999999999999", "2.5", "%00", "' OR 1=1 --", "x" * 5000],
)
def test_malformed_page_numbers_never_fail(client, page):
    make_entry("dataset", title="Only dataset")
    response = client.get("/datasets/", {"page": page})
    assert response.status_code in (200, 404)
    if response.status_code == 200:
        assert "Only dataset" in response.content.decode()


def test_an_empty_listing_says_so(client):
    assert "Nothing has been published here yet." in page_text(client.get("/challenges/"))
