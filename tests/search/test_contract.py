"""The search contract: the same queries give the same results on every backend.

Facet counts are checked against counts computed independently with the ORM, so a backend
that miscounts fails here whatever it believes.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pytest
from django.http import QueryDict
from django.utils import timezone

from catalogue.models.entries import Entry
from catalogue.models.organisations import Organisation
from catalogue.models.vocabularies import Country, Licence, Theme
from catalogue.services.entries import entry_unpublish, entry_withdraw
from search.params import parse_search_params
from search.query import Facet, SearchInputError, SearchResults
from search.service import SearchBackend
from tests.factories import make_entry, make_organisation

pytestmark = pytest.mark.django_db


def run(backend: SearchBackend, qs: str) -> SearchResults:
    return backend.search(parse_search_params(QueryDict(qs)))


def facet_counts(results: SearchResults, facet: str) -> dict[str, int]:
    return {fv.value: fv.count for fv in results.facets[facet] if fv.count}


def challenges_and_partnership(
    city: Organisation, ngo: Organisation, tran: Theme, envi: Theme
) -> dict[str, Entry]:
    """An open and a closed challenge (by their dates today) and a PPP project."""
    now = timezone.now()
    e = {}
    e["open_challenge"] = make_entry(
        "challenge",
        title="Cleaner air challenge",
        publisher=city,
        themes=[envi],
        opens_at=now - dt.timedelta(days=5),
        closes_at=now + dt.timedelta(days=20),
        judging_ends_at=now + dt.timedelta(days=50),
    )
    e["closed_challenge"] = make_entry(
        "challenge",
        title="Bus stop design challenge",
        publisher=ngo,
        themes=[tran],
        opens_at=now - dt.timedelta(days=200),
        closes_at=now - dt.timedelta(days=100),
        judging_ends_at=now - dt.timedelta(days=60),
    )
    e["ppp"] = make_entry(
        "ppp",
        title="Tram line public-private partnership",
        publisher=city,
        themes=[tran],
        sector="transport",
        contract_type="greenfield-dbfo",
    )
    return e


@pytest.fixture
def catalogue(search_backend: SearchBackend) -> dict[str, Any]:
    city = make_organisation(name="City of Rivertown", slug="rivertown", kind="government")
    uni = make_organisation(name="Rivertown University", slug="rivertown-uni", kind="academia")
    ngo = make_organisation(name="Open Streets", slug="open-streets", kind="civil-society")
    tran, envi, heal = (Theme.objects.get(code=c) for c in ("TRAN", "ENVI", "HEAL"))
    fr, de = Country.objects.get(code="FR"), Country.objects.get(code="DE")
    cc0 = Licence.objects.get(spdx_id="CC0-1.0")
    e = {}
    e["bus_title"] = make_entry(
        "dataset",
        title="Bus timetables",
        publisher=city,
        themes=[tran],
        countries=[fr],
        summary="Scheduled departures for every line.",
        licence=cc0,
        distributions=[
            {"format": "CSV", "download_url": "https://x.test/a.csv"},
            {"format": "GTFS", "download_url": "https://x.test/a.zip"},
        ],
    )
    e["bus_description"] = make_entry(
        "dataset",
        title="Street noise measurements",
        publisher=uni,
        themes=[envi],
        countries=[de],
        description="<p>Sensors on every bus shelter record noise levels.</p>",
        distributions=[{"format": "CSV", "download_url": "https://x.test/n.csv"}],
    )
    e["air_api"] = make_entry(
        "api",
        title="Air quality API",
        publisher=city,
        themes=[envi, heal],
        countries=[fr],
        api_type="rest",
        authentication="none",
        endpoint_url="https://api.x.test/air",
        summary="Hourly air quality readings from <b>twelve</b> stations.",
    )
    e["parking_api"] = make_entry(
        "api",
        title="Parking availability API",
        publisher=ngo,
        themes=[tran],
        api_type="graphql",
        authentication="api-key",
        endpoint_url="https://api.x.test/park",
    )
    e.update(challenges_and_partnership(city, ngo, tran, envi))
    e["draft"] = make_entry("dataset", title="Bus draft dataset", publisher=city, publish=False)
    search_backend.rebuild()
    return e


def test_title_match_ranks_above_description_match(search_backend: Any, catalogue: Any) -> None:
    results = run(search_backend, "q=bus")
    ids = [h.entry_id for h in results.hits]
    assert ids.index(catalogue["bus_title"].pk) < ids.index(catalogue["bus_description"].pk)


def test_drafts_are_never_found(search_backend: Any, catalogue: Any) -> None:
    results = run(search_backend, "q=draft")
    assert catalogue["draft"].pk not in [h.entry_id for h in results.hits]


def test_unpublished_and_withdrawn_entries_leave_the_index(
    search_backend: Any, catalogue: Any
) -> None:
    entry_unpublish(entry=Entry.objects.get(pk=catalogue["air_api"].pk))
    entry_withdraw(entry_ids=[catalogue["parking_api"].pk])
    ids = [h.entry_id for h in run(search_backend, "q=api").hits]
    assert catalogue["air_api"].pk not in ids
    assert catalogue["parking_api"].pk not in ids


def test_facet_counts_equal_true_counts(search_backend: Any, catalogue: Any) -> None:
    results = run(search_backend, "")
    published = Entry.objects.published()
    assert results.count == published.count()
    assert facet_counts(results, Facet.TYPE) == dict(
        Counter(published.values_list("entry_type", flat=True))
    )
    assert facet_counts(results, Facet.THEME) == dict(
        Counter(published.values_list("themes__slug", flat=True))
    )
    assert facet_counts(results, Facet.ORGANISATION) == dict(
        Counter(published.values_list("publisher__slug", flat=True))
    )
    assert facet_counts(results, Facet.FORMAT) == {"CSV": 2, "GTFS": 1}
    assert facet_counts(results, "authentication") == {"none": 1, "api-key": 1}
    assert facet_counts(results, "challenge_status") == {"open": 1, "closed": 1}
    assert facet_counts(results, Facet.ORGANISATION_KIND) == {
        "government": 4,
        "academia": 1,
        "civil-society": 2,
    }


def test_filters_combine_and_within_a_facet_values_are_alternatives(
    search_backend: Any, catalogue: Any
) -> None:
    both = run(search_backend, "type=dataset&type=api")
    assert both.count == 4
    narrowed = run(search_backend, "type=dataset&type=api&theme=transport")
    assert {h.entry_id for h in narrowed.hits} == {
        catalogue["bus_title"].pk,
        catalogue["parking_api"].pk,
    }
    with_text = run(search_backend, "q=air&type=api&country=FR")
    assert [h.entry_id for h in with_text.hits] == [catalogue["air_api"].pk]


def test_a_selected_facet_keeps_its_other_values_visible(
    search_backend: Any, catalogue: Any
) -> None:
    results = run(search_backend, "type=api")
    assert results.count == 2
    types = {fv.value: (fv.count, fv.selected) for fv in results.facets[Facet.TYPE]}
    assert types["api"] == (2, True)
    assert types["dataset"] == (2, False)
    # Other facets count only what the selection leaves.
    assert facet_counts(results, "authentication") == {"none": 1, "api-key": 1}
    assert Facet.FORMAT not in {f for f, v in results.facets.items() if any(x.count for x in v)}


def test_challenge_status_filter_follows_the_dates(search_backend: Any, catalogue: Any) -> None:
    results = run(search_backend, "challenge_status=open")
    assert [h.entry_id for h in results.hits] == [catalogue["open_challenge"].pk]


def test_unknown_filter_values_give_an_empty_result(search_backend: Any, catalogue: Any) -> None:
    """An open list (publishers) may hold the value tomorrow; a closed one never will."""
    assert run(search_backend, "organisation=nobody&q=bus").count == 0
    with pytest.raises(SearchInputError, match="spaceship"):
        run(search_backend, "type=spaceship")


def test_highlights_mark_matches_and_escape_text(search_backend: Any, catalogue: Any) -> None:
    results = run(search_backend, "q=air")
    hit = next(h for h in results.hits if h.entry_id == catalogue["air_api"].pk)
    assert "<mark>" in hit.title_highlight.lower() or "<mark>" in hit.text_highlight.lower()
    assert "<b>" not in hit.text_highlight


def test_phrases_match_words_in_order(search_backend: Any, catalogue: Any) -> None:
    ids = [h.entry_id for h in run(search_backend, 'q="air quality"').hits]
    assert catalogue["air_api"].pk in ids
    assert run(search_backend, 'q="quality air"').count == 0


@pytest.mark.parametrize(
    "text",
    [
        '"unbalanced',
        "NEAR(bus air)",
        "bus AND OR NOT",
        "* ^ : - +",
        "bus*",
        "é ü 中文 🚌",
        "'; DROP TABLE catalogue_entry; --",
        "title:bus",
        "(((",
        "\\",
    ],
)
def test_hostile_text_never_breaks_the_search(
    search_backend: Any, catalogue: Any, text: Any
) -> None:
    results = search_backend.search(parse_search_params({"q": text}))
    assert results.count >= 0


def test_pages_are_disjoint_and_complete(search_backend: Any, catalogue: Any) -> None:
    seen = []
    for page in (1, 2, 3):
        seen += [h.entry_id for h in run(search_backend, f"page_size=3&page={page}").hits]
    assert len(seen) == len(set(seen)) == Entry.objects.published().count()


def test_sort_by_title_and_newest(search_backend: Any, catalogue: Any) -> None:
    titles = [h.title for h in run(search_backend, "sort=title&page_size=50").hits]
    assert titles == sorted(titles, key=str.lower)
    modified = [h.modified or "" for h in run(search_backend, "sort=newest&page_size=50").hits]
    assert modified == sorted(modified, reverse=True)


def test_all_ids_come_in_the_order_of_the_pages(search_backend: Any, catalogue: Any) -> None:
    from search.service import search_entry_ids

    query = parse_search_params(QueryDict("q=bus&page_size=2"))
    paged = []
    for page in (1, 2, 3):
        paged += [h.entry_id for h in run(search_backend, f"q=bus&page_size=2&page={page}").hits]
    assert search_entry_ids(query) == paged
    assert search_entry_ids(query, limit=1) == paged[:1]
