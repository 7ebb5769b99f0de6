"""The Elasticsearch backend on a real node: what only it does (the shared behaviour is in
test_contract.py, which runs on both backends)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.http import QueryDict
from django.utils import timezone

from catalogue.models.entries import Entry
from catalogue.services.entries import entry_update
from search.es_analysis import has_analysis_common
from search.params import parse_search_params
from search.query import SearchResults
from search.service import SearchBackend
from tests.factories import make_entry, make_organisation

pytestmark = [pytest.mark.django_db, pytest.mark.elasticsearch]


def run(backend: SearchBackend, qs: str) -> SearchResults:
    return backend.search(parse_search_params(QueryDict(qs)))


@pytest.fixture
def entries(es_backend: Any) -> dict[str, Entry]:
    city = make_organisation(name="City of Rivertown", slug="rivertown")
    e = {
        "bus": make_entry(
            "dataset",
            title="Bus timetables",
            publisher=city,
            summary="Departures of every bus line, updated daily.",
            keywords=["transport", "bus"],
        ),
        "tram": make_entry(
            "dataset",
            title="Tram timetables",
            publisher=city,
            summary="Departures of every tram line, updated daily.",
            keywords=["transport", "tram"],
        ),
        "noise": make_entry(
            "dataset",
            title="Street noise levels",
            publisher=city,
            summary="Noise sensors in the old town.",
        ),
        "ppp": make_entry("ppp", title="Tram depot public private partnership", publisher=city),
    }
    es_backend.rebuild()
    return e


def test_the_test_node_has_core_analysis_only_and_the_index_says_so(
    es_backend: Any, entries: Any
) -> None:
    assert has_analysis_common(es_backend.client) is False
    assert es_backend.indices.describe()["rich_analysis"] is False


def test_typos_are_tolerated_when_nothing_matches_as_typed(es_backend: Any, entries: Any) -> None:
    results = run(es_backend, "q=timetabels")
    assert {h.entry_id for h in results.hits} == {entries["bus"].pk, entries["tram"].pk}
    assert results.backend == "elasticsearch"


def test_quality_and_freshness_lift_equally_relevant_entries(es_backend: Any, entries: Any) -> None:
    Entry.objects.filter(pk=entries["tram"].pk).update(quality_score=100)
    Entry.objects.filter(pk=entries["bus"].pk).update(
        quality_score=5, modified=timezone.now() - dt.timedelta(days=3000)
    )
    es_backend.resync([entries["tram"].pk, entries["bus"].pk])
    ids = [h.entry_id for h in run(es_backend, "q=timetables").hits]
    assert ids == [entries["tram"].pk, entries["bus"].pk]


def test_related_entries_are_alike_and_never_the_entry_itself(
    es_backend: Any, entries: Any
) -> None:
    related = es_backend.related(entries["bus"].pk, limit=3)
    ids = [h.entry_id for h in related]
    assert entries["bus"].pk not in ids
    assert ids[0] == entries["tram"].pk


def test_suggestions_complete_the_last_word(es_backend: Any, entries: Any) -> None:
    titles = [s["title"] for s in es_backend.suggest("tram ti")]
    assert titles == ["Tram timetables"]
    assert es_backend.suggest("") == []
    assert es_backend.suggest('"(*') == []


def test_suggest_endpoint_answers_json(client: Any, es_backend: Any, entries: Any) -> None:
    response = client.get("/api/v1/suggest", {"q": "tim"})
    assert response.status_code == 200
    titles = {s["title"] for s in response.json()["suggestions"]}
    assert titles == {"Bus timetables", "Tram timetables"}
    assert client.get("/api/v1/suggest", {"q": "x" * 101}).status_code == 400
    assert client.get("/api/v1/suggest", {"q": "bus", "limit": "999"}).status_code == 400


def test_rebuild_swaps_the_alias_while_searches_keep_answering(
    es_backend: Any, entries: Any
) -> None:
    old = es_backend.indices.current_indices()
    seen_during: list[int] = []

    def progress(n: int) -> None:
        # Mid-rebuild, the alias still points at the old, complete index.
        seen_during.append(run(es_backend, "q=timetables").count)

    assert es_backend.rebuild(progress=progress) == 4
    new = es_backend.indices.current_indices()
    assert seen_during == [2]
    assert len(new) == 1 and new != old
    assert es_backend.indices.orphans() == []
    assert run(es_backend, "q=timetables").count == 2


def test_changes_reach_the_index_and_withdrawn_entries_leave_it(
    es_backend: Any, entries: Any
) -> None:
    entry_update(entry=entries["noise"], data={"title": "Street noise and vibration"})
    assert run(es_backend, "q=vibration").count == 1
    Entry.objects.filter(pk=entries["noise"].pk).update(withdrawn_at=timezone.now())
    es_backend.index_entries([entries["noise"].pk])
    assert run(es_backend, "q=vibration").count == 0


@pytest.mark.parametrize(
    "qs",
    [
        "q=title:bus AND (tram",
        'q="unbalanced',
        "q=bus~2^3",
        "q=%2F%5C%2F*",
        "page=500",
        "q=bus&page=10000&page_size=1",
        "q=" + "bus+" * 100,
    ],
)
def test_hostile_api_input_gets_an_answer_never_a_500(
    client: Any, es_backend: Any, entries: Any, settings: Any, qs: Any
) -> None:
    settings.API_RATE_LIMIT = "off"
    response = client.get(f"/api/v1/search?{qs}")
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert response.json()["count"] >= 0


def test_overlong_text_and_pages_past_the_window_are_a_clear_400(
    client: Any, es_backend: Any, settings: Any
) -> None:
    settings.API_RATE_LIMIT = "off"
    assert client.get("/api/v1/search", {"q": "x" * 10_000}).status_code == 400
    assert client.get("/api/v1/search", {"page": "10000"}).status_code == 400
