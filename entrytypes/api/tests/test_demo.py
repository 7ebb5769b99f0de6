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


def _slugs(client: Client, path: str, **params: Any) -> set[str]:
    response = client.get(path, params)
    assert response.status_code == 200, response.content[:300]
    return {hit["slug"] for hit in response.json()["results"]}


def test_a_startup_finds_the_demo_apis(settings: Any, search_backend: str) -> None:
    """What a startup types finds the demo APIs on either backend, and lifecycle=deprecated
    keeps the deprecated one everywhere it is offered."""
    settings.SEARCH_SYNC_IMMEDIATELY = True
    settings.API_RATE_LIMIT = "off"
    demo_load()
    client = Client()
    assert {"journey-planner-api", "energy-data-api"} <= _slugs(
        client, "/api/v1/search", q="OAuth", type="api"
    )
    free_tier = _slugs(client, "/api/v1/search", q="free tier", type="api")
    assert {"real-time-departures-api", "journey-planner-api"} <= free_tier
    priced = _slugs(client, "/api/v1/search", q="pricing", type="api")
    assert {"statistics-api-v2", "energy-data-api", "journey-planner-api"} <= priced
    assert "cycle-counters-api" not in priced  # states no pricing
    deprecated = {"statistics-api-v1"}
    assert _slugs(client, "/api/v1/search", lifecycle="deprecated") == deprecated
    assert _slugs(client, "/api/v1/apis", lifecycle="deprecated") == deprecated
    for path in ("/apis/", "/search/"):
        page = client.get(path, {"lifecycle": "deprecated"}).content.decode()
        assert 'href="/apis/statistics-api-v1/"' in page, path
        assert 'href="/apis/statistics-api-v2/"' not in page, path
