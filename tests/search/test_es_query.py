"""The generated Elasticsearch request, read with ``to_dict()``: no cluster needed."""

from __future__ import annotations

import datetime as dt
import json

from django.http import QueryDict

from search.es_alias import index_body
from search.es_analysis import analysis_settings
from search.faceted import CatalogueSearch
from search.params import parse_search_params
from search.query import Facet
from search.text_query import parse_text_query

NOW = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)


def build(qs: str, *, spellcheck: bool = False) -> dict:
    query = parse_search_params(QueryDict(qs))
    search = CatalogueSearch(
        query, parse_text_query(query.text), index="x-entries", now=NOW, spellcheck=spellcheck
    )
    return search._s.to_dict()


def test_selected_values_go_to_the_post_filter_not_the_query():
    body = build("q=bus&type=dataset&type=api&theme=transport")
    post = json.dumps(body["post_filter"])
    assert '"type": ["dataset", "api"]' in post
    assert '"theme": ["transport"]' in post
    assert "post_filter" not in json.dumps(body["query"])


def test_each_facet_is_counted_under_the_other_facets_filters_only():
    aggs = build("type=dataset&theme=transport")["aggs"]
    own = json.dumps(aggs["_filter_type"]["filter"])
    assert "theme" in own and '"type"' not in own  # type's own selection does not hide values
    other = json.dumps(aggs["_filter_format"]["filter"])
    assert '"type"' in other and "theme" in other
    assert set(aggs) == {f"_filter_{f.value}" for f in Facet}


def test_challenge_status_is_computed_from_dates_at_query_time():
    aggs = build("")["aggs"]["_filter_challenge_status"]["aggs"]["challenge_status"]
    statuses = aggs["filters"]["filters"]
    assert set(statuses) == {"upcoming", "open", "judging", "closed"}
    assert NOW.isoformat() in json.dumps(statuses["open"])


def test_typed_syntax_never_reaches_the_query_parser():
    body = json.dumps(build("q=title:bus AND (rail OR \"tram"))
    assert "title:bus" not in body
    assert "(rail" not in body
    sqs = build("q=bus+%22air+quality%22")["query"]["function_score"]["query"]
    assert sqs["simple_query_string"]["query"] == 'bus "air quality"'
    assert sqs["simple_query_string"]["flags"] == "PHRASE|WHITESPACE"


def test_spellcheck_asks_the_core_term_suggester_for_each_word():
    suggest = build("q=timetabels+bus", spellcheck=True)["suggest"]
    assert set(suggest) == {"spell_title", "spell_description"}
    assert suggest["spell_title"]["text"] == "timetabels bus"
    assert suggest["spell_title"]["term"]["suggest_mode"] == "missing"


def test_ranking_weighs_quality_and_freshness_and_pages_are_bounded():
    body = build("q=bus&page=500&page_size=20")
    functions = json.dumps(body["query"]["function_score"]["functions"])
    assert "quality_score" in functions and "gauss" in functions
    assert body["from"] + body["size"] <= 10_000
    assert body["track_total_hits"] is True


def test_highlights_escape_html_and_mark_matches():
    highlight = build("q=bus")["highlight"]
    assert highlight["encoder"] == "html"
    assert highlight["pre_tags"] == ["<mark>"]


def test_rich_analysis_only_when_the_module_is_there():
    core = analysis_settings(rich=False)
    assert "filter" not in core
    rich = analysis_settings(rich=True)
    assert "asciifolding" in rich["analyzer"]["catalogue_text"]["filter"]
    synonyms = rich["filter"]["catalogue_synonyms"]["synonyms"]
    assert any("ppp" in rule and "public private partnership" in rule for rule in synonyms)
    assert any("api" in rule and "web service" in rule for rule in synonyms)
    # The mapping names the same analyzers either way.
    assert index_body(rich_analysis=False)["mappings"] == index_body(rich_analysis=True)["mappings"]
