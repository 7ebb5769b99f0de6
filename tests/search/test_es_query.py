"""The generated Elasticsearch request, read with ``to_dict()``: no cluster needed."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.http import QueryDict

from search.es_alias import index_body
from search.es_analysis import analysis_settings
from search.faceted import CatalogueSearch
from search.params import parse_search_params
from search.text_query import parse_text_query

NOW = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)


def build(qs: str, *, spellcheck: bool = False) -> dict[str, Any]:
    query = parse_search_params(QueryDict(qs))
    search = CatalogueSearch(
        query, parse_text_query(query.text), index="x-entries", now=NOW, spellcheck=spellcheck
    )
    return search._s.to_dict()


def test_selected_values_go_to_the_post_filter_not_the_query() -> None:
    body = build("q=bus&type=dataset&type=api&theme=transport")
    post = json.dumps(body["post_filter"])
    assert '"type": ["dataset", "api"]' in post
    assert '"theme": ["transport"]' in post
    assert "post_filter" not in json.dumps(body["query"])


def test_each_facet_is_counted_under_the_other_facets_filters_only() -> None:
    query = parse_search_params(QueryDict("type=dataset&theme=transport"))
    search = CatalogueSearch(query, parse_text_query(""), index="x-entries", now=NOW)
    _, counts = search.request_bodies()
    aggs = counts["aggs"]
    contexts = {name: agg for name, agg in aggs.items() if name.startswith("_context_")}
    # type's own selection does not hide its other values: counted under theme only ...
    own = next(a for a in contexts.values() if "type" in a["aggs"])
    assert "theme" in json.dumps(own["filter"]) and '"type"' not in json.dumps(own["filter"])
    # ... and every facet without a selection shares one context with both filters, where the
    # bounded ones are counted by a single terms aggregation.
    shared = next(a for a in contexts.values() if "facet_values" in a["aggs"])
    assert '"type"' in json.dumps(shared["filter"]) and "theme" in json.dumps(shared["filter"])
    assert set(shared["aggs"]) == {"facet_values", "organisation", "challenge_status"}
    assert len(contexts) == 3


def test_without_a_selection_facets_are_counted_once_at_the_top_level() -> None:
    query = parse_search_params(QueryDict("q=bus"))
    search = CatalogueSearch(query, parse_text_query(query.text), index="x-entries", now=NOW)
    hits, counts = search.request_bodies()
    assert set(counts["aggs"]) == {"facet_values", "organisation", "challenge_status"}
    assert "aggs" not in hits and hits["track_total_hits"] is False
    # Counting needs no score: the text matches in filter context, cacheable at size 0.
    assert counts["size"] == 0 and counts["track_total_hits"] is True
    assert "function_score" not in json.dumps(counts["query"])
    assert "filter" in counts["query"]["bool"]


def test_combined_counts_are_split_back_into_facets() -> None:
    query = parse_search_params(QueryDict("type=dataset"))
    search = CatalogueSearch(query, parse_text_query(""), index="x-entries", now=NOW)
    _, counts = search.request_bodies()
    assert "type" in counts["aggs"]  # nothing else is selected: counted at the top level
    shared = next(n for n, a in counts["aggs"].items() if "facet_values" in a.get("aggs", {}))
    status = {s: {"doc_count": 0} for s in ("upcoming", "open", "judging", "closed")}
    aggregations = {
        "type": {"buckets": [{"key": "dataset", "doc_count": 7}, {"key": "api", "doc_count": 2}]},
        shared: {
            "facet_values": {
                "buckets": [
                    {"key": "theme:tran", "doc_count": 5},
                    {"key": "type:dataset", "doc_count": 7},
                    {"key": "format:CSV:UTF-8", "doc_count": 3},
                ]
            },
            "organisation": {"buckets": [{"key": "city", "doc_count": 7}]},
            "challenge_status": {"buckets": {**status, "open": {"doc_count": 1}}},
        },
    }
    values = search.facet_counts(aggregations)
    assert values["type"] == [("dataset", 7), ("api", 2)]  # its own context, not the shared one
    assert values["theme"] == [("tran", 5)]
    assert values["format"] == [("CSV:UTF-8", 3)]  # split at the first separator only
    assert values["organisation"] == [("city", 7)]
    assert values["challenge_status"] == [("open", 1)]
    assert values["licence"] == []


def test_a_broad_search_is_scored_once_unless_a_multi_word_synonym_can_fire() -> None:
    plain = build("q=public+transport")["query"]["function_score"]["query"]
    assert "simple_query_string" in plain
    synonym = build("q=public+private+partnership")["query"]["function_score"]["query"]
    assert "multi_match" in json.dumps(synonym) and "simple_query_string" in json.dumps(synonym)


def test_challenge_status_is_computed_from_dates_at_query_time() -> None:
    query = parse_search_params(QueryDict(""))
    search = CatalogueSearch(query, parse_text_query(""), index="x-entries", now=NOW)
    statuses = search.request_bodies()[1]["aggs"]["challenge_status"]["filters"]["filters"]
    assert set(statuses) == {"upcoming", "open", "judging", "closed"}
    assert statuses["open"] == {"term": {"open_period": NOW.isoformat()}}


def test_typed_syntax_never_reaches_the_query_parser() -> None:
    body = json.dumps(build('q=title:bus AND (rail OR "tram'))
    assert "title:bus" not in body
    assert "(rail" not in body
    sqs = build("q=bus+%22air+quality%22")["query"]["function_score"]["query"]
    assert sqs["simple_query_string"]["query"] == 'bus "air quality"'
    assert sqs["simple_query_string"]["flags"] == "PHRASE|WHITESPACE"


def test_spellcheck_asks_the_core_term_suggester_for_each_word() -> None:
    suggest = build("q=timetabels+bus", spellcheck=True)["suggest"]
    assert set(suggest) == {"spell_title", "spell_description"}
    assert suggest["spell_title"]["text"] == "timetabels bus"
    assert suggest["spell_title"]["term"]["suggest_mode"] == "missing"


def test_ranking_weighs_quality_and_freshness_and_pages_are_bounded() -> None:
    body = build("q=bus&page=500&page_size=20")
    functions = json.dumps(body["query"]["function_score"]["functions"])
    assert "quality_score" in functions and "gauss" in functions
    assert body["from"] + body["size"] <= 10_000
    assert body["track_total_hits"] is True


def test_highlights_escape_html_and_mark_matches() -> None:
    highlight = build("q=bus")["highlight"]
    assert highlight["encoder"] == "html"
    assert highlight["pre_tags"] == ["<mark>"]


def test_rich_analysis_only_when_the_module_is_there() -> None:
    core = analysis_settings(rich=False)
    assert "filter" not in core
    rich = analysis_settings(rich=True)
    assert "asciifolding" in rich["analyzer"]["catalogue_text"]["filter"]
    synonyms = rich["filter"]["catalogue_synonyms"]["synonyms"]
    assert any("ppp" in rule and "public private partnership" in rule for rule in synonyms)
    assert any("api" in rule and "web service" in rule for rule in synonyms)
    # The mapping names the same analyzers either way.
    assert index_body(rich_analysis=False)["mappings"] == index_body(rich_analysis=True)["mappings"]
