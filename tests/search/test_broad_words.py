"""Queries made only of broad words are answered from cached rankings (broad_terms.py), and
give exactly what FTS5's own bm25 query gives: the same entries, order and scores.

The reference below is the SQL of docs/adr/0003, run on the same real SQLite index.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from benchmarks.seed import seed
from search.backends import broad_terms
from search.backends.bitmap_run import BODY_WEIGHT, TITLE_WEIGHT
from search.bitmaps import TokenCache
from search.query import Facet, SearchQuery, Sort
from search.service import get_backend, reset_backend_cache
from search.text_query import parse_text_query

pytestmark = pytest.mark.django_db


@pytest.fixture
def backend(settings: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_BACKEND = "search.backends.database.DatabaseBackend"
    reset_backend_cache()
    # A small catalogue: a word counts as broad from 10 rows on, instead of 1,000.
    monkeypatch.setattr(broad_terms, "MIN_BROAD_ROWS", 10)
    seed(300, progress=False)
    yield get_backend()
    reset_backend_cache()


def fts5_ranking(text: str) -> list[tuple[int, float]]:
    """``(entry id, bm25)`` of every match, best first: FTS5 computing bm25 itself."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT -rowid, bm25(wagtailsearch_indexentry_fts, 0.0, %s, %s) AS score "
            "FROM wagtailsearch_indexentry_fts WHERE wagtailsearch_indexentry_fts MATCH %s "
            "AND rowid < 0 ORDER BY score, rowid",
            [BODY_WEIGHT, TITLE_WEIGHT, parse_text_query(text).to_fts5()],
        )
        return [(int(entry_id), float(score)) for entry_id, score in cursor.fetchall()]


def expected(backend: Any, query: SearchQuery) -> list[tuple[int, float]]:
    allowed = set(backend.search_ids(SearchQuery(filters=query.filters, sort=Sort.NEWEST)))
    return [pair for pair in fts5_ranking(query.text) if pair[0] in allowed]


BROAD = [
    "data",
    "public",
    "air quality",
    "quality air",
    "data public transport",
    "bus rail tram metro",
    "public open",
]
FILTERS: list[dict[str, tuple[str, ...]]] = [
    {},
    {Facet.TYPE: ("dataset", "api")},
    # two formats: one alone leaves some broad words with too few matches to page through,
    # depending on the seeded sample (which shifts whenever a vocabulary grows)
    {Facet.FORMAT: ("CSV", "JSON")},
]


def rare_word() -> str:
    """A word of the seeded text in fewer than a tenth of the entries (not broad)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.test_vocab "
            "USING fts5vocab(main, wagtailsearch_indexentry_fts, row)"
        )
        cursor.execute(
            "SELECT term FROM temp.test_vocab WHERE doc BETWEEN 3 AND 20 "
            "AND term GLOB '[a-z]*' ORDER BY doc DESC, term LIMIT 1"
        )
        return str(cursor.fetchone()[0])


def test_the_queries_take_the_cached_path(backend: Any) -> None:
    for text in BROAD:
        assert backend._run(SearchQuery(text=text)).broad is not None, text
    # A selective word (alone or with a broad one), a phrase and a non-ASCII word keep the
    # SQL query.
    rare = rare_word()
    for text in [rare, f"data {rare}", '"air quality"', "donnée"]:
        assert backend._run(SearchQuery(text=text)).broad is None, text
    reference = fts5_ranking(f"data {rare}")
    assert backend.search_ids(SearchQuery(text=f"data {rare}")) == [e for e, _ in reference]


@pytest.mark.parametrize("filters", FILTERS)
def test_broad_words_rank_exactly_as_fts5_bm25(backend: Any, filters: Any) -> None:
    for text in BROAD:
        query = SearchQuery(text=text, filters=filters)
        reference = expected(backend, query)
        assert len(reference) > 10
        # Every match in order (exports, the CKAN API) ...
        assert backend.search_ids(query) == [entry_id for entry_id, _ in reference]
        run = backend._run(query)
        assert run.ordered(limit=None) == reference  # ids and scores, bit for bit
        # ... and any window of the top (the pruned walk for several words).
        for limit in (0, 1, 7, 20, 100):
            assert run.ordered(limit=limit) == reference[:limit], (text, limit)
        results = backend.search(query)
        assert results.count == len(reference)
        assert [hit.entry_id for hit in results.hits] == [e for e, _ in reference[:20]]
        page_two = backend.search(SearchQuery(text=text, filters=filters, page=2, page_size=7))
        assert [hit.entry_id for hit in page_two.hits] == [e for e, _ in reference[7:14]]


def test_broad_ranking_is_not_the_tie_break_order(backend: Any) -> None:
    """FTS5 clamps a broad word's idf to 1e-6, but still orders its matches by how often and
    where (title or body) the word occurs: the cached ranking keeps that order."""
    reference = fts5_ranking("data")
    assert len({score for _, score in reference}) > 1
    assert [e for e, _ in reference] != sorted((e for e, _ in reference), reverse=True)


def test_facet_counts_and_newest_order_match_the_sql_path(backend: Any, monkeypatch: Any) -> None:
    queries = [
        SearchQuery(text=t, filters=f, sort=s)
        for t in BROAD[:3]
        for f in FILTERS
        for s in (Sort.RELEVANCE, Sort.NEWEST)
    ]
    cached = [backend.search(q) for q in queries]
    monkeypatch.setattr(broad_terms, "MIN_BROAD_ROWS", 10**9)  # every word "selective"
    monkeypatch.setattr(
        broad_terms,
        "_broad_words",
        TokenCache(broad_terms.BroadWords, lambda words: words.token),
    )
    for query, got in zip(queries, cached, strict=True):
        assert backend._run(query).broad is None
        sql = backend.search(query)
        assert got.count == sql.count
        assert got.facets == sql.facets
        pairs = [(h.entry_id, h.score) for h in got.hits]
        assert pairs == [(h.entry_id, h.score) for h in sql.hits]


def test_an_index_change_is_seen(backend: Any) -> None:
    before = backend.search_ids(SearchQuery(text="data"))
    gone = before[:5]
    backend.remove_entries(gone)
    after = backend.search_ids(SearchQuery(text="data"))
    assert not set(gone) & set(after)
    assert after == [e for e, _ in fts5_ranking("data")]
    backend.index_entries(gone)
    assert backend.search_ids(SearchQuery(text="data")) == [e for e, _ in fts5_ranking("data")]
    assert set(gone) <= set(backend.search_ids(SearchQuery(text="data")))
