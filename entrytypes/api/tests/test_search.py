"""Access conditions are searched and faceted: on the search page, the JSON API and /apis/."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def searched_catalogue(search_backend: str, api_catalogue: dict[str, Any]) -> dict[str, Any]:
    """The catalogue indexed by each backend."""
    return api_catalogue


def _found(client: Any, path: str, **params: Any) -> set[str]:
    response = client.get(path, params)
    assert response.status_code == 200, response.content[:500]
    return {item["slug"] for item in response.json()["results"]}


@pytest.mark.parametrize(
    ("text", "slugs"),
    [
        ("OAuth", {"departures-v2"}),
        ("free tier", {"departures-v2"}),
        ("pricing", {"departures-v1", "departures-v2", "parking"}),
        ("API key", {"parking"}),
        ("requests a day", {"departures-v2"}),
    ],
)
def test_access_details_are_searched(client, searched_catalogue, text, slugs):
    found = _found(client, "/api/v1/search", q=text, type="api")
    assert slugs <= found
    if text != "API key":
        assert "weather" not in found


def test_facets_filter_the_search_api(client, searched_catalogue):
    assert _found(client, "/api/v1/search", lifecycle="deprecated") == {"departures-v1"}
    assert _found(client, "/api/v1/search", cost="free-tier") == {"departures-v2"}
    assert _found(client, "/api/v1/search", cost=["free", "paid"]) == {"departures-v1", "parking"}
    assert _found(client, "/api/v1/search", registration="required") == {"departures-v2"}


def test_search_page_shows_the_api_facets(client, api_catalogue):
    response = client.get("/search/", {"type": "api"})
    html = response.content.decode()
    assert response.status_code == 200
    for legend in ("Pricing", "Registration", "Lifecycle"):
        assert f"<legend>{legend}</legend>" in html
    assert 'name="cost" value="free-tier"' in html
    page = client.get("/search/", {"lifecycle": "deprecated"}).content.decode()
    assert "Departures API v1" in page and "Departures API v2" not in page


@pytest.mark.parametrize("path", ["/search/", "/api/v1/search", "/apis/", "/api/v1/apis"])
def test_unknown_parameters_are_refused(client, api_catalogue, path):
    response = client.get(path, {"lifecylce": "deprecated"})
    assert response.status_code == 400
    assert "lifecylce" in response.content.decode()


def test_apis_listing_filters_with_the_facets(client, api_catalogue):
    response = client.get("/apis/", {"lifecycle": "deprecated"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Departures API v1" in html and "Departures API v2" not in html
    assert "<legend>Pricing</legend>" in html and "<legend>Lifecycle</legend>" in html
    listing = client.get("/apis/", {"cost": "free-tier"}).content.decode()
    assert "Departures API v2" in listing and "Parking occupancy feed" not in listing
    everything = client.get("/apis/").content.decode()
    assert "Weather stations" in everything and "Free tier of trees" not in everything


def test_rest_listing_filters_with_the_type_facets(client, api_catalogue):
    assert _found(client, "/api/v1/apis", lifecycle="deprecated") == {"departures-v1"}
    assert _found(client, "/api/v1/apis", cost="free-tier", registration="required") == {
        "departures-v2"
    }
    assert _found(client, "/api/v1/apis", cost="paid", lifecycle="production") == set()
    document = client.get("/api/openapi.json").json()
    names = {p["name"] for p in document["paths"]["/api/v1/apis"]["get"]["parameters"]}
    assert {"cost", "registration", "lifecycle", "organisation"} <= names


@pytest.mark.parametrize("path", ["/search/", "/api/v1/search", "/apis/", "/api/v1/apis"])
@pytest.mark.parametrize(
    ("name", "value"), [("lifecycle", "deprecate"), ("cost", "cheap"), ("type", "apis")]
)
def test_a_value_outside_a_closed_list_is_refused(client, api_catalogue, path, name, value):
    """lifecycle=deprecate would match nothing, which reads as "no API is deprecated"."""
    if name == "type" and path in ("/apis/", "/api/v1/apis"):
        pytest.skip("a type's listing has no type parameter")
    response = client.get(path, {name: value})
    assert response.status_code == 400
    text = response.content.decode()
    assert "Unknown value" in text and value in text


def test_openapi_lists_the_closed_values(client, api_catalogue):
    document = client.get("/api/openapi.json").json()
    for path in ("/api/v1/apis", "/api/v1/search"):
        parameters = {p["name"]: p for p in document["paths"][path]["get"]["parameters"]}
        assert parameters["lifecycle"]["schema"]["items"]["enum"] == [
            "experimental",
            "production",
            "deprecated",
            "retired",
        ]
        assert set(parameters["cost"]["schema"]["items"]["enum"]) == {"free", "free-tier", "paid"}
