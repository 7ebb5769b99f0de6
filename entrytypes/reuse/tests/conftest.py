"""A small catalogue with reuses: two datasets (one withdrawn later), an API, a withdrawn
dataset, and reuses published, linking to withdrawn entries, or still drafts."""

from __future__ import annotations

from typing import Any

import pytest

from catalogue.models import Country, Language
from catalogue.services import entry_withdraw
from tests.factories import make_entry, make_organisation, theme


@pytest.fixture(autouse=True)
def _index_inside_test_transaction(settings: Any) -> None:
    """pytest-django's transaction never commits, so on-commit index sync would never run."""
    settings.SEARCH_SYNC_IMMEDIATELY = True
    settings.PUBLIC_BASE_URL = "http://catalogue.test"


@pytest.fixture
def reuse_catalogue(db: Any) -> dict[str, Any]:
    city = make_organisation(name="City of Ghent", slug="city-of-ghent")
    lab = make_organisation(name="Urban Data Lab", slug="urban-data-lab", kind="academia")
    stops = make_entry("dataset", title="Bus and tram stops", slug="stops", publisher=city)
    counts = make_entry("dataset", title="Cycle counts", slug="cycle-counts", publisher=city)
    gone = make_entry("dataset", title="Old traffic counts", slug="old-counts", publisher=city)
    entry_withdraw(entry_ids=[gone.pk])
    api = make_entry(
        "api",
        title="Departures API",
        slug="departures",
        publisher=city,
        endpoint_url="https://api.ghent.example/departures",
    )
    app = make_entry(
        "reuse",
        title="Transit companion",
        slug="transit-companion",
        publisher=lab,
        summary="Live departures and stop maps in your pocket.",
        description="<p>An app built on the stops dataset and the departures API.</p>",
        reuse_kind="application",
        url="https://apps.reuse.example/transit",
        author_name="Amira Haddad",
        uses=[stops, api, gone],
        themes=[theme("TRAN")],
        keywords=["mobility", "app"],
        countries=[Country.objects.get(code="BE")],
        languages=[Language.objects.get(code="en")],
    )
    story = make_entry(
        "reuse",
        title="Why the tram is late",
        slug="late-tram",
        publisher=lab,
        reuse_kind="news-article",
        url="https://news.reuse.example/late-tram",
        uses=[stops, counts],
    )
    draft = make_entry(
        "reuse",
        title="Unpublished idea",
        slug="draft-idea",
        publisher=lab,
        reuse_kind="idea",
        uses=[stops],
        publish=False,
    )
    return {
        "city": city,
        "lab": lab,
        "stops": stops,
        "counts": counts,
        "gone": gone,
        "api": api,
        "app": app,
        "story": story,
        "draft": draft,
    }
