"""``package_search`` on the embedded backend answers from one ``search_window`` pass (count,
page, asked facets, tags as a bitmap); it must give exactly what the generic path gives (full
``search()`` results, id lists, keyword scans), on a real seeded SQLite catalogue."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from benchmarks.seed import seed
from catalogue.models import Organisation
from interop.ckan_api import fast_search
from search.backends import broad_terms
from search.service import reset_backend_cache

pytestmark = pytest.mark.django_db

FACETS = json.dumps(["organization", "res_format", "license_id", "tags", "groups", "dataset_type"])


@pytest.fixture
def seeded(settings: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_BACKEND = "search.backends.database.DatabaseBackend"
    reset_backend_cache()
    monkeypatch.setattr(broad_terms, "MIN_BROAD_ROWS", 10)  # broad words in a small catalogue
    seed(300, progress=False)
    yield Organisation.objects.order_by("slug").values_list("slug", flat=True)[1]
    reset_backend_cache()


def cases(org: str) -> list[dict[str, str]]:
    return [
        {},
        {"q": "data"},
        {"q": "air quality", "rows": "20"},
        {"q": '"air quality" data'},
        {"q": "data transport", "start": "7", "rows": "5"},
        {"q": "cadastre"},
        {"q": "data", "sort": "metadata_modified asc"},
        {"q": "data", "start": "40", "rows": "15", "facet.field": FACETS},
        {"fq": f"organization:{org}", "facet.field": FACETS},
        {"fq": "res_format:CSV", "facet.field": FACETS, "facet.limit": "3"},
        {"fq": 'res_format:CSV AND tags:"transport"'},
        {"fq": "tags:transport", "facet.field": FACETS, "rows": "0"},
        {"fq": "license_id:CC-BY-4.0", "sort": "title asc", "start": "3", "rows": "9"},
        {"facet.field": FACETS, "rows": "0"},
        {"q": "water", "fq": "res_format:CSV", "facet.field": '["organization","tags"]'},
        {"start": "150", "rows": "10", "sort": "metadata_modified desc"},
        {"sort": "metadata_modified asc,id asc", "rows": "30", "start": "11"},
        {"fq": "dataset_type:api", "facet.field": FACETS},
    ]


def test_the_window_path_answers_as_the_generic_path(client, seeded, monkeypatch) -> None:
    windowed = []
    for params in cases(seeded):
        response = client.get("/api/3/action/package_search", params)
        assert response.status_code == 200, response.content[:300]
        windowed.append(response.json()["result"])
    assert any(r["count"] for r in windowed)
    monkeypatch.setattr(fast_search, "_window", lambda the_plan, **kwargs: None)
    for params, got in zip(cases(seeded), windowed, strict=True):
        expected = client.get("/api/3/action/package_search", params).json()["result"]
        assert got == expected, params


def test_a_page_is_one_window_pass(client, seeded, monkeypatch) -> None:
    calls = []
    original = fast_search._window

    def counting(the_plan: Any, **kwargs: Any) -> Any:
        calls.append(kwargs)
        return original(the_plan, **kwargs)

    monkeypatch.setattr(fast_search, "_window", counting)
    found = client.get("/api/3/action/package_search", {"q": "data", "facet.field": FACETS}).json()[
        "result"
    ]
    assert calls == [{"start": 0, "rows": 10}]
    assert found["count"] > 10
    assert len(found["results"]) == 10
    assert set(found["facets"]) == set(json.loads(FACETS))


def test_tags_with_words_count_facets_over_the_same_matches(client, seeded) -> None:
    """The generic path counted these facets on the ORM, whose ``q`` is a LIKE on title,
    summary and keywords, not the full-text match the count comes from (so facet counts did
    not add up to the count); the window counts them over the very matches it counts."""
    params = {"fq": "tags:transport tags:bus", "q": "public", "facet.field": FACETS}
    found = client.get("/api/3/action/package_search", params).json()["result"]
    assert found["count"] > 0
    for name in ("organization", "dataset_type", "license_id"):  # one value per package
        assert sum(found["facets"][name].values()) == found["count"], name
    every = client.get(
        "/api/3/action/package_search",
        {"q": "public", "fq": "tags:transport tags:bus", "rows": "1000"},
    )
    packages = every.json()["result"]["results"]
    assert len(packages) == found["count"]
    assert all({"transport", "bus"} <= {t["name"] for t in p["tags"]} for p in packages)


# The ORM path counts a keyword twice in an entry that lists it twice (the seed's keywords
# repeat); CKAN, and the fast path, count packages: tags are left out of this comparison.
NO_TAGS = json.dumps(["organization", "res_format", "license_id", "groups", "dataset_type"])


def name_cases(org: str) -> list[dict[str, str]]:
    return [
        {"sort": "name asc"},
        {"fq": "license_id:CC-BY-4.0", "sort": "name asc"},
        {
            "fq": f"organization:{org}",
            "sort": "name asc, id desc",
            "start": "3",
            "rows": "4",
            "facet.field": NO_TAGS,
        },
        {"fq": "tags:transport res_format:CSV", "sort": "name asc", "facet.field": NO_TAGS},
        {"sort": "name asc", "start": "150", "rows": "30"},
        {"sort": "name asc", "rows": "0", "facet.field": NO_TAGS},
        {"q": "data", "sort": "name asc"},  # free text: the ORM path either way
        {"q": f"organization:{org} res_format:CSV", "sort": "name asc"},  # filters in q
    ]


def test_name_order_answers_as_the_orm_path(client, seeded, monkeypatch) -> None:
    """``sort=name asc`` without free text pages through the cached name order; the ORM path
    (slug, then id descending; its own counts and facets) must agree on every field."""
    windowed = [
        client.get("/api/3/action/package_search", p).json()["result"] for p in name_cases(seeded)
    ]
    assert all(r["count"] for r in windowed)
    monkeypatch.setattr(fast_search, "plan", lambda params: None)
    for params, got in zip(name_cases(seeded), windowed, strict=True):
        expected = client.get("/api/3/action/package_search", params).json()["result"]
        assert got == expected, params


def _names(client: Any, **params: str) -> set[str]:
    found = client.get("/api/3/action/package_search", {**params, "rows": "1000"}).json()
    assert found["success"], found
    assert found["result"]["count"] == len(found["result"]["results"]) < 1000
    return {p["name"] for p in found["result"]["results"]}


def test_solr_expressions_on_the_orm_answer_as_the_fast_path_filters(client, seeded) -> None:
    """``OR``, ``-`` and groups in ``q`` run on the ORM (the backend has no such query); each
    answer must be the set algebra of what the search backend answers for the plain filters,
    and ``q=field:value`` what ``fq`` answers."""
    _check_set_algebra(client, seeded)


@pytest.mark.elasticsearch
def test_solr_expressions_agree_with_the_fast_path_on_elasticsearch(client, es_settings) -> None:
    """The same on Elasticsearch, whose fast path filters tags by candidates, not bitmaps."""
    seed(300, progress=False)
    _check_set_algebra(client, Organisation.objects.order_by("slug").values_list("slug")[1][0])


def _check_set_algebra(client: Any, org: str) -> None:
    tagged = _names(client, fq="tags:transport")
    csv = _names(client, fq="res_format:CSV")
    published = _names(client, fq=f"organization:{org}")
    apis = _names(client, fq="dataset_type:api")
    assert tagged and csv and published and apis and tagged != csv
    assert _names(client, q="tags:transport") == tagged
    assert _names(client, q=f"organization:{org} res_format:CSV") == published & csv
    assert _names(client, q="tags:transport OR res_format:CSV") == tagged | csv
    assert _names(client, q="tags:transport -res_format:CSV") == tagged - csv
    assert _names(client, q="NOT dataset_type:api") == _names(client) - apis
    assert _names(client, q=f"(tags:transport OR dataset_type:api) AND organization:{org}") == (
        (tagged | apis) & published
    )
    assert _names(client, q="tags:(transport OR bus)") == tagged | _names(client, fq="tags:bus")
