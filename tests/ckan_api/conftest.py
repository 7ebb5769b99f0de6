"""A small catalogue as CKAN sees it: two publishers, datasets with resources, an API, and
entries the CKAN API must never show (a draft, a withdrawn dataset, a challenge)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from catalogue.models import Country, Entry, Language, Licence, Organisation
from catalogue.services import entry_withdraw
from tests.factories import make_entry, make_organisation, theme
from tests.search.es_fixtures import elasticsearch_url, es_settings  # noqa: F401


@pytest.fixture
def ckan_catalogue(db: Any) -> dict[str, Any]:
    return build_catalogue()


@pytest.fixture
def live_catalogue(transactional_db: Any, django_db_serialized_rollback: Any) -> dict[str, Any]:
    """The same catalogue, committed, for a live server in another thread.

    Serialized rollback restores the vocabularies the migrations seeded, which a
    transactional test's flush would otherwise remove for every later test.
    """
    return build_catalogue()


def build_catalogue() -> dict[str, Any]:
    now = timezone.now()
    city = make_organisation(name="City of Ghent", slug="city-of-ghent", kind="government")
    uni = make_organisation(name="Ghent University", slug="ghent-university", kind="academia")
    bikes = _bicycle_counts(city, now)
    air = make_entry(
        "dataset",
        title="Air quality measurements",
        slug="air-quality",
        publisher=city,
        keywords=["air", "environment"],
        themes=[theme("ENVI")],
        licence=Licence.objects.get(spdx_id="CC0-1.0"),
        modified=now - dt.timedelta(days=1),
        distributions=[
            {
                "title": "Air (CSV)",
                "format": "csv",
                "download_url": "https://data.ghent.example/air.csv",
            }
        ],
    )
    thesis = make_entry(
        "dataset",
        title="Bicycle survey 2023",
        slug="bicycle-survey",
        publisher=uni,
        keywords=["mobility", "survey"],
        modified=now - dt.timedelta(days=10),
    )
    api = make_entry(
        "api",
        title="Parking availability API",
        slug="parking",
        publisher=city,
        keywords=["mobility", "parking"],
        endpoint_url="https://api.ghent.example/parking/v1",
        endpoint_description_url="https://api.ghent.example/parking/openapi.json",
        api_type="rest",
        authentication="api-key",
        modified=now - dt.timedelta(days=3),
    )
    draft = make_entry(
        "dataset", title="Unpublished plans", slug="draft", publisher=city, publish=False
    )
    gone = make_entry("dataset", title="Withdrawn counts", slug="gone", publisher=city)
    entry_withdraw(entry_ids=[gone.pk])
    challenge = make_entry("challenge", title="Mobility challenge", slug="mobility", publisher=city)
    return {
        "city": city,
        "uni": uni,
        "bikes": bikes,
        "air": air,
        "thesis": thesis,
        "api": api,
        "draft": draft,
        "gone": gone,
        "challenge": challenge,
    }


def _bicycle_counts(city: Organisation, now: dt.datetime) -> Entry:
    """The dataset with every field CKAN shows, and two resources."""
    return make_entry(
        "dataset",
        title="Bicycle counts",
        slug="bicycle-counts",
        publisher=city,
        summary="Hourly counts of bicycles at 20 counting posts.",
        description="<p>Counts from <b>20</b> posts.</p>",
        keywords=["mobility", "bicycles"],
        themes=[theme("TRAN")],
        countries=[Country.objects.get(code="BE")],
        languages=[Language.objects.get(code="nl")],
        identifier="https://data.ghent.example/id/bicycle-counts",
        landing_page="https://data.ghent.example/bicycle-counts",
        contact_name="Mobility desk",
        contact_email="mobility@ghent.example",
        frequency="DAILY",
        temporal_start=dt.date(2019, 1, 1),
        temporal_end=dt.date(2023, 12, 31),
        spatial_label="Ghent",
        issued=now - dt.timedelta(days=400),
        modified=now - dt.timedelta(days=2),
        distributions=[
            {
                "title": "Counts (CSV)",
                "format": "CSV",
                "media_type": "text/csv",
                "download_url": "https://data.ghent.example/bicycle-counts.csv",
                "byte_size": 1234,
            },
            {
                "title": "Counts (JSON)",
                "format": "JSON",
                "access_url": "https://data.ghent.example/bicycle-counts.json",
            },
        ],
    )
