"""APIs with their access conditions: free and open, a free tier behind OAuth, a paid one,
one whose registration is not known, and a deprecated API that names its successor."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from catalogue.services import entry_publish
from entrytypes.api.models import AccessConditions
from search.service import get_backend, reset_backend_cache
from tests.factories import make_entry, make_organisation
from tests.search.es_fixtures import elasticsearch_url, es_backend, es_settings

__all__ = ["elasticsearch_url", "es_backend", "es_settings"]


@pytest.fixture(autouse=True)
def _index_inside_test_transaction(settings: Any) -> None:
    """pytest-django's transaction never commits, so on-commit index sync would never run."""
    settings.SEARCH_SYNC_IMMEDIATELY = True
    settings.API_RATE_LIMIT = "off"


@pytest.fixture(
    params=[
        pytest.param("database", id="database"),
        pytest.param("elasticsearch", id="elasticsearch", marks=pytest.mark.elasticsearch),
    ]
)
def search_backend(request: Any, settings: Any) -> Iterator[str]:
    """Each search backend in turn, chosen before the entries exist (so they are indexed by it)."""
    if request.param == "elasticsearch":
        request.getfixturevalue("es_backend")
    else:
        settings.ELASTICSEARCH_URL = ""
        settings.SEARCH_BACKEND = "search.backends.database.DatabaseBackend"
        reset_backend_cache()
        get_backend()
    yield request.param
    reset_backend_cache()


def make_api(conditions: dict[str, Any] | None = None, **fields: Any) -> Any:
    """A published API; its access conditions are in the revision that publishes it."""
    entry = make_entry("api", publish=False, **fields)
    if conditions is not None:
        AccessConditions.objects.create(entry=entry, **conditions)
    entry.save_revision()
    return entry_publish(entry=entry)


@pytest.fixture
def api_catalogue(db: Any) -> dict[str, Any]:
    city = make_organisation(name="City of Ghent", slug="city-of-ghent")
    v2 = make_api(
        {"cost_model": "free-tier", "registration": "required"},
        title="Departures API v2",
        slug="departures-v2",
        publisher=city,
        endpoint_url="https://api.ghent.example/v2/departures",
        api_type="rest",
        authentication="oauth2",
        rate_limits="1,000 requests a day on the free tier",
        lifecycle="production",
    )
    v1 = make_api(
        {"cost_model": "free", "registration": "not-required", "successor": v2},
        title="Departures API v1",
        slug="departures-v1",
        publisher=city,
        endpoint_url="https://api.ghent.example/v1/departures",
        api_type="rest",
        authentication="none",
        lifecycle="deprecated",
    )
    paid = make_api(
        {"cost_model": "paid"},
        title="Parking occupancy feed",
        slug="parking",
        publisher=city,
        endpoint_url="https://api.ghent.example/parking",
        api_type="asyncapi",
        authentication="api-key",
        lifecycle="experimental",
    )
    bare = make_api(
        None,
        title="Weather stations",
        slug="weather",
        publisher=city,
        endpoint_url="https://api.ghent.example/weather",
    )
    dataset = make_entry("dataset", title="Free tier of trees", slug="trees", publisher=city)
    return {"v1": v1, "v2": v2, "paid": paid, "bare": bare, "dataset": dataset}
