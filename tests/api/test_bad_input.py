"""Hostile input: a clear 400 or an empty result, never a 500 (issue 2, "Bad input")."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import assert_matches_openapi

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_dataset(db: Any) -> Any:
    from tests.factories import make_entry

    return make_entry("dataset", title="Bus stops", description="<p>Every bus stop.</p>")


LIST_PATHS = [
    "/api/v1/datasets",
    "/api/v1/apis",
    "/api/v1/ppp-projects",
    "/api/v1/challenges",
    "/api/v1/organisations",
    "/api/v1/themes",
]


@pytest.mark.parametrize("path", [*LIST_PATHS, "/api/v1/search"])
@pytest.mark.parametrize("page", ["abc", "0", "-1", "1.5", "9" * 40, "10001", "1e3", " "])
def test_malformed_page_is_400(client: Any, db: Any, path: str, page: str) -> None:
    response = client.get(path, {"page": page})
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "page"
    assert_matches_openapi(response, path)


def test_non_ascii_digits_are_not_page_numbers(client: Any, db: Any) -> None:
    assert client.get("/api/v1/datasets", {"page": "\uff11"}).status_code == 400


@pytest.mark.parametrize("name", ["page", "page_size", "modified_since"])
def test_present_but_empty_values_are_400(client: Any, db: Any, name: str) -> None:
    response = client.get("/api/v1/datasets", {name: ""})
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == name


@pytest.mark.parametrize("path", [*LIST_PATHS, "/api/v1/search"])
def test_page_size_over_the_limit_is_400(client: Any, db: Any, path: str) -> None:
    response = client.get(path, {"page_size": "101"})
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "page_size"


def test_very_long_query_is_400(client: Any, db: Any) -> None:
    response = client.get("/api/v1/search", {"q": "a" * 10_000})
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "q"
    assert_matches_openapi(response, "/api/v1/search")


@pytest.mark.parametrize(
    "q",
    [
        "bus AND stops",
        "bus OR NOT stops",
        "bus*",
        '"bus stops',
        '"bus" "stops"',
        "(bus",
        "bus)",
        "NEAR(bus stops, 2)",
        "bus NEAR/2 stops",
        "-bus +stops",
        "title:bus",
        "bus^2",
        "*",
        '"',
        "'; DROP TABLE catalogue_entry; --",
        "Ünïcödé 公交车站 🚌",
        "\u202ebus",
        "\x00bus",
        "%",
        "_",
        "\\",
        "{}",
        "[]",
        "~bus",
        "bus~2",
        "AND",
        "OR",
        "NOT",
    ],
)
def test_search_operators_and_unicode_never_fail(client: Any, one_dataset: Any, q: str) -> None:
    response = client.get("/api/v1/search", {"q": q})
    assert response.status_code in (200, 400), response.content[:300]
    assert_matches_openapi(response, "/api/v1/search")


@pytest.mark.parametrize(
    "params",
    [
        {"organisation": "nobody"},
        {"theme": "NOPE"},
        {"licence": "x"},
        {"country": "ZZ"},
        {"format": "<script>"},
        {"language": "xx"},
    ],
)
def test_unknown_search_filter_values_give_empty_results(
    client: Any, one_dataset: Any, params: dict
) -> None:
    """Open lists (publishers, vocabularies, formats) may hold the value tomorrow."""
    response = client.get("/api/v1/search", params)
    assert response.status_code == 200
    assert response.json()["count"] == 0
    assert_matches_openapi(response, "/api/v1/search")


@pytest.mark.parametrize(
    "params", [{"type": "spaceship"}, {"challenge_status": "?"}, {"lifecycle": "deprecate"}]
)
def test_values_outside_a_closed_list_are_refused(
    client: Any, one_dataset: Any, params: dict
) -> None:
    """A closed list (entry types, statuses) never holds it: an empty answer would mislead."""
    response = client.get("/api/v1/search", params)
    assert response.status_code == 400
    assert "Unknown value" in response.json()["error"]["message"]
    assert_matches_openapi(response, "/api/v1/search")


@pytest.mark.parametrize(
    "params",
    [
        {"organisation": "nobody"},
        {"theme": "NOPE"},
        {"licence": "x' OR 1=1 --"},
        {"country": "ZZ"},
        {"country": "公"},
        # a NUL is refused earlier, with a 400: tests/test_control_characters.py
    ],
)
def test_unknown_list_filter_values_give_empty_results(
    client: Any, one_dataset: Any, params: dict
) -> None:
    response = client.get("/api/v1/datasets", params)
    assert response.status_code == 200
    expected = 1 if params == {"organisation": "\x00"} else 0  # a blank value filters nothing
    assert response.json()["count"] == expected


@pytest.mark.parametrize(
    "value",
    [
        "yesterday",
        "2024-13-01",
        "2024-02-30",
        "2024-01-01T25:00",
        "1" * 100,
        "2024-01-01T00:00:00+99:99",
    ],
)
def test_malformed_modified_since_is_400(client: Any, db: Any, value: str) -> None:
    response = client.get("/api/v1/datasets", {"modified_since": value})
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "modified_since"


@pytest.mark.parametrize(
    "value",
    [
        "2024-01-01",
        "2024-01-01T10:00:00Z",
        "2024-01-01t10:00:00z",
        "2024-01-01T10:00:00.123456789+02:00",
        "2016-12-31T23:59:60Z",
        "0001-01-01T00:00:00+23:59",
    ],
)
def test_rfc3339_modified_since_is_accepted(client: Any, db: Any, value: str) -> None:
    assert client.get("/api/v1/datasets", {"modified_since": value}).status_code == 200


def test_unknown_code_in_a_closed_list_is_400(client: Any, db: Any) -> None:
    response = client.get("/api/v1/organisations", {"kind": "alien"})
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "kind"
    assert client.get("/api/v1/themes", {"scheme": "nope"}).status_code == 400


def test_too_many_filter_values_is_400(client: Any, db: Any) -> None:
    response = client.get("/api/v1/datasets", {"theme": [f"t{n}" for n in range(21)]})
    assert response.status_code == 400
    response = client.get("/api/v1/datasets", {"theme": "x" * 201})
    assert response.status_code == 400


# "%00" is a 400 (tests/test_control_characters.py): PostgreSQL cannot compare it.
@pytest.mark.parametrize("slug", ["..%2F..%2Fetc", "a" * 500, "%F0%9F%9A%8C", "'%20OR%201"])
def test_odd_slugs_are_json_404(client: Any, db: Any, slug: str) -> None:
    response = client.get(f"/api/v1/datasets/{slug}")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"sort": "sideways"}, "sort"),
        ({"type": "x" * 201}, "type"),
        ({"q": "a" * 501}, "q"),
        ({"theme": [f"t{n}" for n in range(21)]}, "theme"),
    ],
)
def test_bad_search_parameters_name_the_parameter(
    client: Any, db: Any, params: dict, parameter: str
) -> None:
    response = client.get("/api/v1/search", params)
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == parameter
