"""No N+1: a page of 2 or of 6 entries costs the same number of queries."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.models import Country, Distribution, Partnership, Prize
from tests.factories import make_entry, make_organisation, theme

pytestmark = pytest.mark.django_db


def _queries(client: Any, url: str) -> int:
    cache.clear()  # count the last-change query every time
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return len(captured)


def _entries(entry_type: str, n: int) -> list[Any]:
    made = []
    for i in range(n):
        org = make_organisation()
        entry = make_entry(
            entry_type,
            title=f"{entry_type} number {i}",
            publisher=org,
            themes=[theme("TRAN"), theme("ENVI")],
            countries=[Country.objects.get(code="FR")],
            closes_at=dt.datetime(2030, 1, 1, tzinfo=dt.UTC),
        )
        Distribution.objects.create(entry=entry, format="CSV")
        Partnership.objects.create(entry=entry, organisation=org, role="lead")
        Prize.objects.create(entry=entry, title="Prize")
        made.append(entry)
    return made


@pytest.mark.parametrize(
    "type_path,entry_type",
    [
        ("datasets", "dataset"),
        ("apis", "api"),
        ("ppp-projects", "ppp"),
        ("challenges", "challenge"),
    ],
)
def test_entry_list_query_count_is_flat(client: Any, type_path: str, entry_type: str) -> None:
    _entries(entry_type, 2)
    small = _queries(client, f"/api/v1/{type_path}")
    _entries(entry_type, 4)
    large = _queries(client, f"/api/v1/{type_path}")
    assert small == large
    assert large <= 8


def test_detail_query_count_does_not_grow_with_parts(client: Any) -> None:
    dataset = make_entry("dataset", title="Dataset with parts")
    others = [make_entry("api", title=f"API {i}", serves_datasets=[dataset]) for i in range(2)]
    small = _queries(client, f"/api/v1/datasets/{dataset.slug}")
    for i in range(5):
        Distribution.objects.create(entry=dataset, format=f"F{i}", access_service=others[0])
    others += [make_entry("api", title=f"API {i}", serves_datasets=[dataset]) for i in range(2, 5)]
    large = _queries(client, f"/api/v1/datasets/{dataset.slug}")
    assert small == large
    challenge = make_entry("challenge", title="C", offered_resources=others)
    for i in range(4):
        Prize.objects.create(entry=challenge, title=f"P{i}")
    assert _queries(client, f"/api/v1/challenges/{challenge.slug}") <= 15


def test_organisation_and_theme_lists_are_flat(client: Any) -> None:
    for _ in range(3):
        make_organisation()
    small = _queries(client, "/api/v1/organisations")
    for _ in range(10):
        make_organisation(country=Country.objects.get(code="DE"))
    assert _queries(client, "/api/v1/organisations") == small
    # Theme counts are a facet lookup: the database backend's bitmaps are built once per index
    # change (the first request), then a request is the index token, the page, its count and
    # the last change.
    _queries(client, "/api/v1/themes?page_size=100")
    assert _queries(client, "/api/v1/themes?page_size=100") <= 4


def test_search_query_count_is_flat(client: Any) -> None:
    _entries("dataset", 2)
    small = _queries(client, "/api/v1/search?q=dataset")
    _entries("dataset", 4)
    assert _queries(client, "/api/v1/search?q=dataset") == small
