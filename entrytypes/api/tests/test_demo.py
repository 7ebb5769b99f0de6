"""The demo's APIs state their pricing and registration (or leave them unknown), and the
deprecated one names its successor; the listing and search filter on them."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from demo.loader import demo_load
from entrytypes.api.models import AccessConditions, CostModel

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_demo_apis_have_access_conditions(settings: Any) -> None:
    settings.SEARCH_SYNC_IMMEDIATELY = True
    settings.API_RATE_LIMIT = "off"
    demo_load()
    conditions = list(AccessConditions.objects.select_related("entry", "successor"))
    assert {c.cost_model for c in conditions} == set(CostModel.values)
    assert any(c.registration == "" for c in conditions)  # unknown stays unknown
    old = next(c for c in conditions if c.entry.slug == "statistics-api-v1")
    assert old.entry.lifecycle == "deprecated" and old.successor.slug == "statistics-api-v2"
    client = Client()
    page = client.get("/apis/statistics-api-v1/").content.decode()
    assert 'href="/apis/statistics-api-v2/"' in page
    listing = client.get("/apis/", {"cost": "free-tier"}).content.decode()
    assert "Real-time departures" in listing or "real-time-departures-api" in listing
    found = client.get("/api/v1/search", {"q": "pricing page"}).json()["results"]
    assert "energy-data-api" in {hit["slug"] for hit in found}
