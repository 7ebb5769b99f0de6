"""The public search page: what a person sees, with and without valid input."""

from __future__ import annotations

from typing import Any

import pytest

from catalogue.models.entries import Entry
from tests.factories import make_entry, make_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries() -> list[Entry]:
    city = make_organisation(name="Harbour City", slug="harbour-city", kind="government")
    return [
        make_entry(
            "dataset",
            title="Harbour water quality",
            publisher=city,
            distributions=[{"format": "CSV", "download_url": "https://x.test/w.csv"}],
        ),
        make_entry(
            "api", title="Harbour ferry API", publisher=city, api_type="rest", authentication="none"
        ),
        make_entry("dataset", title="<script>alert(1)</script>Harbour tides", publisher=city),
    ]


def test_results_highlights_and_facet_counts_render(client: Any, entries: Any) -> None:
    response = client.get("/search/", {"q": "harbour"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "3 results" in html
    assert "<mark>Harbour</mark> water quality" in html
    assert 'name="type" value="dataset"' in html
    assert 'Dataset <span class="facet__count">(2' in html
    assert "<script>alert(1)</script>" not in html


def test_filters_keep_other_values_and_can_be_removed(client: Any, entries: Any) -> None:
    html = client.get("/search/", {"q": "harbour", "type": "api"}).content.decode()
    assert "1 result" in html
    assert 'value="api" checked' in html
    assert "Type: API" in html and "remove this filter" in html


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "0"},
        {"q": "x" * 10_000},
        {"sort": "random"},
        {"page_size": "1000"},
    ],
)
def test_bad_input_is_a_clear_400(client: Any, entries: Any, params: Any) -> None:
    response = client.get("/search/", params)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


@pytest.mark.parametrize(
    "q", ['"unbalanced', "NEAR(a b)", "harbour AND NOT x", "* ^ :", "é 中文 🚌", "<b>x</b>"]
)
def test_odd_text_never_fails(client: Any, entries: Any, q: Any) -> None:
    response = client.get("/search/", {"q": q})
    assert response.status_code == 200
    assert "<b>x</b>" not in response.content.decode()


def test_unknown_filter_values_give_no_results_not_an_error(client: Any, entries: Any) -> None:
    """An open list (countries) may hold the value tomorrow: no results, not an error."""
    response = client.get("/search/", {"country": "ZZ"})
    assert response.status_code == 200
    assert "0 results" in response.content.decode()


def test_a_value_outside_a_closed_list_is_a_bad_request(client: Any, entries: Any) -> None:
    """No entry type is called "spaceship": "0 results" would read as none published."""
    response = client.get("/search/", {"type": "spaceship", "country": "ZZ"})
    assert response.status_code == 400
    assert "Unknown value" in response.content.decode()


def test_pagination_links_keep_the_query(client: Any, entries: Any) -> None:
    html = client.get("/search/", {"q": "harbour", "page_size": "1"}).content.decode()
    assert 'rel="next"' in html
    assert "q=harbour" in html and "page=2" in html
