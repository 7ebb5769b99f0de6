"""The Wagtail pages: the home page's counts and lists, content and guide stream blocks.

Objects are made through the services (tests/factories.py); pages are fetched with Django's
test client against the real database.
"""

from __future__ import annotations

import datetime as dt

import pytest
from wagtail.models import Page, Site

from catalogue.models import ContentPage, GuideIndexPage, HomePage
from tests.catalogue.pages import now, page_text
from tests.factories import make_entry, make_organisation

pytestmark = pytest.mark.django_db


# --- Wagtail pages ----------------------------------------------------------------------------


@pytest.fixture
def home_page() -> HomePage:
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(
            title="Open Innovation Catalogue",
            slug="home-test",
            hero_text="Find open data and APIs.",
        )
    )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    else:
        site.root_page = home
        site.save()
    return home


def test_home_page_shows_counts_newest_closing_challenges_and_organisations(client, home_page):
    featured = make_organisation(name="Featured Agency", featured=True)
    make_entry("dataset", title="Newest dataset", publisher=featured)
    make_entry("api", title="An API")
    soon = make_entry(
        "challenge",
        title="Closing soon",
        opens_at=now() - dt.timedelta(days=5),
        closes_at=now() + dt.timedelta(days=2),
    )
    later = make_entry("challenge", title="Closing later", closes_at=now() + dt.timedelta(days=40))
    make_entry("challenge", title="Already closed", closes_at=now() - dt.timedelta(days=1))
    make_entry(
        "challenge",
        title="Not yet open",
        opens_at=now() + dt.timedelta(days=3),
        closes_at=now() + dt.timedelta(days=30),
    )

    text = page_text(client.get("/"))

    assert "Find open data and APIs." in text
    assert '<span class="stat__number">1</span> <span class="stat__label">Datasets' in text
    assert '<span class="stat__number">4</span> <span class="stat__label">Challenges' in text
    assert "Newest dataset" in text
    closing = text[text.index("Challenges closing soon") :]
    assert closing.index(soon.title) < closing.index(later.title)
    assert "Already closed" not in closing.split("All challenges")[0]
    assert "Not yet open" not in closing.split("All challenges")[0]
    assert "Featured Agency" in text and featured.get_absolute_url() in text


def test_content_and_guide_pages_render_their_stream_blocks(client, home_page):
    guides = home_page.add_child(
        instance=GuideIndexPage(title="Guides", slug="guides", intro="How to publish.")
    )
    guides.add_child(
        instance=ContentPage(
            title="Publishing an API",
            slug="publishing-an-api",
            summary="What to write down.",
            body=[
                ("heading", {"text": "Before you start", "level": "h2"}),
                ("paragraph", "<p>Have an <b>OpenAPI</b> document.</p>"),
                (
                    "callout",
                    {
                        "title": "Tip",
                        "text": "<p>Keep it short.</p>",
                        "link_url": "https://example.org/tip",
                        "link_text": "More",
                    },
                ),
            ],
        )
    )

    index_text = page_text(client.get("/guides/"))
    assert "How to publish." in index_text and "Publishing an API" in index_text

    text = page_text(client.get("/guides/publishing-an-api/"))
    assert "<h2>Before you start</h2>" in text
    assert "<b>OpenAPI</b>" in text
    assert 'class="callout"' in text and "Keep it short." in text
    assert 'href="https://example.org/tip"' in text
