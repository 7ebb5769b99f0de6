"""The rest of the search contract: every method of ``SearchBackend`` on every backend.

test_contract.py checks what ``search`` answers; this file runs the other methods of the
abstract base class on both backends (the ``search_backend`` fixture), each against what the
database says is true, so a backend that half-implements one fails here.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.http import QueryDict

from catalogue.models.entries import Entry
from catalogue.services.entries import entry_unpublish
from search.params import parse_search_params
from search.query import Facet, SearchQuery, Sort
from search.service import SearchBackend
from tests.factories import make_entry, make_organisation

pytestmark = pytest.mark.django_db


def ids_of(backend: SearchBackend, qs: str) -> list[int]:
    return [h.entry_id for h in backend.search(parse_search_params(QueryDict(qs))).hits]


def drain_queue() -> None:
    """Run queued index tasks, as the worker does after a commit."""
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


@pytest.fixture
def entries(search_backend: SearchBackend) -> dict[str, Entry]:
    river = make_organisation(name="River Authority", slug="river-authority")
    made = {
        "levels": make_entry("dataset", title="Reservoir water levels", publisher=river),
        "quality": make_entry(
            "dataset", title="Reservoir water quality", publisher=river, keywords=["reservoir"]
        ),
        "api": make_entry("api", title="Reservoir gauges API", publisher=river),
        "rail": make_entry("dataset", title="Rail timetables", publisher=river),
        "draft": make_entry("dataset", title="Reservoir draft", publisher=river, publish=False),
    }
    search_backend.rebuild()
    return made


def test_rebuild_counts_every_published_entry(search_backend: SearchBackend, entries: Any) -> None:
    assert search_backend.rebuild() == Entry.objects.published().count() == 4


@pytest.mark.parametrize("sort", list(Sort))
def test_search_ids_are_every_match_in_the_order_of_the_pages(
    search_backend: SearchBackend, entries: Any, sort: Sort
) -> None:
    query = parse_search_params(QueryDict(f"q=reservoir&sort={sort.value}&page_size=1"))
    paged = [
        hit.entry_id
        for page in (1, 2, 3, 4)
        for hit in search_backend.search(
            parse_search_params(QueryDict(f"q=reservoir&sort={sort.value}&page_size=1&page={page}"))
        ).hits
    ]
    assert len(paged) == 3
    assert search_backend.search_ids(query) == paged
    assert search_backend.search_ids(query, limit=2) == paged[:2]
    assert search_backend.search_ids(query, limit=0) == []


def test_search_ids_apply_the_filters(search_backend: SearchBackend, entries: Any) -> None:
    query = SearchQuery(text="reservoir", filters={Facet.TYPE: ("api",)})
    assert search_backend.search_ids(query) == [entries["api"].pk]
    assert search_backend.search_ids(SearchQuery(text="nowhere-at-all")) == []


def test_search_window_answers_or_says_it_cannot(
    search_backend: SearchBackend, entries: Any
) -> None:
    query = SearchQuery(text="reservoir", sort=Sort.NEWEST)
    window = search_backend.search_window(query, start=1, rows=5, facets=[Facet.TYPE])
    assert (window is not None) == search_backend.answers_from_bitmaps()
    if window is None:
        return
    every = search_backend.search_ids(query)
    assert window.count == len(every) == 3
    assert window.ids == every[1:]
    assert {fv.value: fv.count for fv in window.facets[Facet.TYPE]} == {"dataset": 2, "api": 1}
    backwards = search_backend.search_window(query, start=0, rows=5, reverse=True)
    assert backwards is not None and backwards.ids == every[::-1]
    only_api = 1 << entries["api"].pk
    narrowed = search_backend.search_window(query, start=0, rows=5, within=only_api)
    assert narrowed is not None and narrowed.ids == [entries["api"].pk]


def test_related_entries_are_published_others(search_backend: SearchBackend, entries: Any) -> None:
    related = [h.entry_id for h in search_backend.related(entries["levels"].pk, limit=5)]
    assert entries["levels"].pk not in related
    assert entries["draft"].pk not in related
    assert entries["quality"].pk in related
    assert len(search_backend.related(entries["levels"].pk, limit=1)) <= 1


def test_suggestions_complete_titles_of_published_entries(
    search_backend: SearchBackend, entries: Any
) -> None:
    suggestions = search_backend.suggest("reserv", limit=8)
    titles = {s["title"] for s in suggestions}
    assert titles == {"Reservoir water levels", "Reservoir water quality", "Reservoir gauges API"}
    gauges = next(s for s in suggestions if s["title"] == "Reservoir gauges API")
    assert gauges["type"] == "api"
    assert gauges["url"] == f"/apis/{entries['api'].slug}/"
    assert len(search_backend.suggest("reserv", limit=1)) == 1


def test_remove_then_index_entries_now(search_backend: SearchBackend, entries: Any) -> None:
    levels = entries["levels"].pk
    search_backend.remove_entries([levels])
    assert levels not in ids_of(search_backend, "q=reservoir")
    search_backend.index_entries([levels])
    assert levels in ids_of(search_backend, "q=reservoir")


def test_later_variants_land_once_queued_work_runs(
    search_backend: SearchBackend, entries: Any
) -> None:
    quality = entries["quality"].pk
    Entry.objects.filter(pk=quality).update(title="Reservoir sediment survey")  # no signal
    search_backend.index_entries_later([quality])
    drain_queue()
    assert quality in ids_of(search_backend, "q=sediment")
    levels = entries["levels"].pk
    Entry.objects.filter(pk=levels).update(live=False)  # no signal: only the call removes it
    search_backend.remove_entries_later([levels])
    drain_queue()
    assert levels not in ids_of(search_backend, "q=reservoir")
    assert search_backend.search_ids(SearchQuery(text="reservoir")) == ids_of(
        search_backend, "q=reservoir"
    )
    assert len(ids_of(search_backend, "q=reservoir")) == 2


def test_drift_is_reported_and_resync_repairs_it(
    search_backend: SearchBackend, entries: Any
) -> None:
    assert search_backend.drift().ok
    levels = entries["levels"].pk
    search_backend.remove_entries([levels])
    report = search_backend.drift()
    assert report.missing == [levels]
    assert report.in_database == 4 and report.in_index == 3
    assert search_backend.resync(report.ids_to_sync) == 1
    assert search_backend.drift().ok
    entry_unpublish(entry=Entry.objects.get(pk=entries["rail"].pk))
    assert search_backend.resync([entries["rail"].pk]) == 0
    assert entries["rail"].pk not in ids_of(search_backend, "q=rail")


def test_operating_answers(search_backend: SearchBackend, entries: Any) -> None:
    fallback = search_backend.fallback()
    health = search_backend.health(live=True)
    info = search_backend.index_info()
    if fallback is None:  # the database backend: nothing separate to fail or describe
        assert health is None and info == {}
        return
    assert health is not None and health.available, health
    assert info["alias"] and info["index"]
    assert fallback.fallback() is None
    assert fallback.search(SearchQuery()).count == 4  # kept current beside it
