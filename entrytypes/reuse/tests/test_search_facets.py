"""The kind-of-reuse facet, declared in ``search_facets.py`` alone, on every search surface.

It proves that a type's own facet needs no edit elsewhere: both backends count and filter it,
the search page, the JSON API and the export accept it, and only reuses carry its values.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.http import QueryDict

from search import documents
from search.facets import facet_definition, facet_names
from search.params import parse_search_params
from search.service import SearchBackend
from tests.search.conftest import search_backend  # noqa: F401
from tests.search.es_fixtures import elasticsearch_url, es_backend, es_settings  # noqa: F401

pytestmark = pytest.mark.django_db


def counts(backend: SearchBackend, qs: str, facet: str) -> dict[str, int]:
    results = backend.search(parse_search_params(QueryDict(qs)))
    return {fv.value: fv.count for fv in results.facets[facet] if fv.count}


@pytest.fixture
def indexed(search_backend: SearchBackend, reuse_catalogue: dict[str, Any]) -> SearchBackend:  # noqa: F811
    search_backend.rebuild()
    return search_backend


def test_the_facet_is_offered_and_owned_by_reuses_only() -> None:
    assert "reuse_kind" in facet_names()
    assert facet_definition("reuse_kind").entry_types == ("reuse",)
    assert facet_definition("authentication").entry_types == ("api",)


def test_both_backends_count_and_filter_the_kind(indexed: SearchBackend) -> None:
    assert counts(indexed, "", "reuse_kind") == {"application": 1, "news-article": 1}
    filtered = indexed.search(parse_search_params(QueryDict("reuse_kind=application")))
    assert [h.title for h in filtered.hits] == ["Transit companion"]
    # Datasets and APIs carry no kind: narrowing to them leaves the facet empty, and the
    # API's own facet counts no reuse.
    assert counts(indexed, "type=dataset&type=api", "reuse_kind") == {}
    assert sum(counts(indexed, "type=reuse", "authentication").values()) == 0


def test_values_have_their_translated_labels(indexed: SearchBackend) -> None:
    results = indexed.search(parse_search_params(QueryDict("")))
    labels = {fv.value: str(fv.label) for fv in results.facets["reuse_kind"]}
    assert labels["news-article"] == "News article"


def test_search_page_api_and_export_take_the_filter(
    client: Any, reuse_catalogue: dict[str, Any], settings: Any
) -> None:
    settings.ELASTICSEARCH_URL = ""
    page = client.get("/search/", {"reuse_kind": "news-article"})
    assert page.status_code == 200
    assert "Why the tram is late" in page.text and "Transit companion" not in page.text
    assert "Kind of reuse" in page.text

    api = client.get("/api/v1/search", {"reuse_kind": "application"}).json()
    assert [hit["title"] for hit in api["results"]] == ["Transit companion"]
    # A facet's own filter does not narrow its counts (the other kinds stay choosable).
    kinds = {f["value"]: f["selected"] for f in api["facets"]["reuse_kind"] if f["count"]}
    assert kinds == {"application": True, "news-article": False}

    export = client.get("/export.csv", {"reuse_kind": "application"})
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    assert [row["title"] for row in rows] == ["Transit companion"]


@pytest.mark.elasticsearch
def test_an_index_built_before_a_new_facet_is_reported_outdated(
    es_backend: Any,  # noqa: F811
    reuse_catalogue: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    es_backend.rebuild()
    assert not es_backend.drift().index.get("outdated_schema")
    built = documents.mapping

    def with_a_new_facet() -> dict[str, Any]:
        grown = built()
        grown["properties"] = {**grown["properties"], "added_later": {"type": "keyword"}}
        return grown

    monkeypatch.setattr(documents, "mapping", with_a_new_facet)
    report = es_backend.drift()
    assert report.index["missing_fields"] == ["added_later"]
    assert report.index["outdated_schema"] is True
