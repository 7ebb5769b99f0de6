"""The querying half of the Elasticsearch backend: ``FacetedSearch`` subclasses.

As in Read the Docs' ``faceted_search.py``, facets are declared, and the generated request can be
unit-tested with ``to_dict()`` without a cluster. The library puts selected facet values into
``post_filter`` and wraps each facet's aggregation in the *other* facets' filters, so a facet's
own selection never hides its other values: the same disjunctive counts as the database backend.

Matching follows the database backend (search/text_query.py): every word must appear in some
text field, quoted phrases match as phrases, and nothing typed can be read as query syntax,
because the query string is rebuilt from parsed words only. See
https://www.elastic.co/guide/en/elasticsearch/reference/current/query-dsl-simple-query-string-query.html
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from elasticsearch import Elasticsearch
from elasticsearch.dsl import FacetedSearch, Q
from elasticsearch.dsl.faceted_search import Facet as DslFacet
from elasticsearch.dsl.faceted_search import TermsFacet
from elasticsearch.dsl.query import Query

from catalogue.models import ChallengeStatus, EntryType

from .documents import TEXT_FIELDS
from .query import Facet, SearchQuery, Sort
from .text_query import TextQuery

MARK_PRE, MARK_POST = "<mark>", "</mark>"
# Typo tolerance: words the index lacks are corrected from these fields' vocabularies.
SPELLCHECK_FIELDS = ("title", "description")
TEXT_FRAGMENT_CHARS = 180
# Terms buckets per facet: every value of a realistic catalogue (organisations are the many).
FACET_SIZES = {Facet.ORGANISATION: 1000, Facet.FORMAT: 300}
DEFAULT_FACET_SIZE = 300
SOURCE_FIELDS = ["entry_id", "type", "slug", "url", "title", "summary", "publisher_name",
                 "organisation", "modified", "quality_score"]  # fmt: skip
# Ranking signals besides text relevance (function_score, summed, then multiplied in).
QUALITY_FACTOR = 0.02  # log10(2 + 0.02 * score): x0.30 at quality 0 .. x0.60 at 100
FRESHNESS_WEIGHT = 0.5
FRESHNESS_SCALE = "730d"


def challenge_status_filters(now: dt.datetime) -> dict[str, Query]:
    """Each status as a date query at ``now``: the same rules as ``challenge_status_at``."""
    at = now.isoformat()
    challenge = Q("term", type=EntryType.CHALLENGE.value)
    upcoming = Q("range", opens_at={"gt": at})
    not_closed = ~Q("exists", field="closes_at") | Q("range", closes_at={"gt": at})
    judging_pending = Q("range", judging_ends_at={"gt": at})
    return {
        ChallengeStatus.UPCOMING.value: challenge & upcoming,
        ChallengeStatus.OPEN.value: challenge & ~upcoming & not_closed,
        ChallengeStatus.JUDGING.value: challenge & ~upcoming & ~not_closed & judging_pending,
        ChallengeStatus.CLOSED.value: challenge & ~upcoming & ~not_closed & ~judging_pending,
    }


class ChallengeStatusFacet(DslFacet[Any]):
    """A status computed from dates at query time: one ``filters`` bucket per status."""

    agg_type = "filters"

    def __init__(self, now: dt.datetime) -> None:
        self._statuses = challenge_status_filters(now)
        super().__init__(filters=self._statuses)

    def get_value_filter(self, filter_value: Any) -> Query:
        # An unknown status matches nothing (a hostile value is not an error, just no hits).
        return self._statuses.get(str(filter_value), ~Q("match_all"))

    def get_values(self, data: Any, filter_values: list[Any]) -> list[tuple[Any, int, bool]]:
        out = []
        for key, bucket in data.buckets.to_dict().items():
            if bucket["doc_count"] or key in filter_values:
                out.append((key, bucket["doc_count"], key in filter_values))
        return out


def text_query(text: TextQuery) -> Query:
    """Every word in some field, phrases as phrases."""
    rebuilt = " ".join([*text.terms, *('"' + " ".join(p) + '"' for p in text.phrases)])
    # Term-centric: each word may be in a different field, as in the database backend.
    by_word = Q(
        "simple_query_string",
        query=rebuilt,
        fields=list(TEXT_FIELDS),
        default_operator="and",
        flags="PHRASE|WHITESPACE",
    )
    if text.phrases:
        return by_word
    # The whole text analysed at once lets multi-word synonyms fire ("public private
    # partnership" ~ "PPP"); without synonyms it matches a subset of ``by_word``.
    whole = Q("multi_match", query=text.to_plain(), fields=list(TEXT_FIELDS), operator="and",
              type="best_fields")  # fmt: skip
    return Q("bool", should=[by_word, whole], minimum_should_match=1)


def corrected(text: TextQuery, suggest: Any) -> TextQuery | None:
    """The words with typos replaced by the index's closest terms; None if none changed.

    Uses the term suggester, which every Elasticsearch has in its core: a query that matched
    nothing is asked again with "transprot" read as "transport". Cheaper and easier to
    highlight than fuzzy queries over every field.
    """
    best: dict[str, tuple[float, int, str]] = {}
    for name in SPELLCHECK_FIELDS:
        for entry in getattr(suggest, f"spell_{name}", None) or []:
            for option in entry.options:
                candidate = (float(option.score), int(option.freq), str(option.text))
                if entry.text not in best or candidate > best[entry.text]:
                    best[entry.text] = candidate
    terms = tuple(best[t][2] if t in best else t for t in text.terms)
    if terms == text.terms:
        return None
    return TextQuery(terms=tuple(dict.fromkeys(terms)), phrases=text.phrases)


def ranked(query: Query) -> Query:
    """Relevance weighed by metadata quality and freshness (DESIGN.md §6)."""
    return Q(
        "function_score",
        query=query,
        functions=[
            {"weight": 1},
            {"field_value_factor": {"field": "quality_score", "factor": QUALITY_FACTOR,
                                    "modifier": "log2p", "missing": 0}},  # fmt: skip
            {"gauss": {"modified": {"scale": FRESHNESS_SCALE, "offset": "30d", "decay": 0.5}},
             "weight": FRESHNESS_WEIGHT},  # fmt: skip
        ],
        score_mode="sum",
        boost_mode="multiply",
    )


class CatalogueSearch(FacetedSearch[Any]):
    """Faceted search over every published entry, all four types in one index."""

    fields = TEXT_FIELDS

    def __init__(
        self,
        query: SearchQuery,
        text: TextQuery,
        *,
        index: str,
        client: Elasticsearch | str = "default",
        now: dt.datetime,
        spellcheck: bool = False,
    ) -> None:
        self.index = index
        self.using = client  # type: ignore[assignment]
        self.text = text
        self.search_query = query
        self.facets = {
            facet.value: TermsFacet(field=facet.value,
                                    size=FACET_SIZES.get(facet, DEFAULT_FACET_SIZE))  # fmt: skip
            for facet in Facet
            if facet is not Facet.CHALLENGE_STATUS
        }
        self.facets[Facet.CHALLENGE_STATUS.value] = ChallengeStatusFacet(now)
        filters = {facet.value: list(values) for facet, values in query.filters.items()}
        super().__init__(query=None if text.is_empty else text.to_plain(), filters=filters)
        self._s = self._s.source(SOURCE_FIELDS).extra(track_total_hits=True)
        if spellcheck and text.terms:
            for name in SPELLCHECK_FIELDS:
                self._s = self._s.suggest(
                    f"spell_{name}", " ".join(text.terms),
                    term={"field": name, "suggest_mode": "missing", "min_word_length": 4,
                          "prefix_length": 1, "max_edits": 2, "size": 1},
                )  # fmt: skip
        start = query.offset
        self._s = self._s[start : start + query.page_size]

    def query(self, search: Any, query: Any) -> Any:
        return search.query(ranked(text_query(self.text)))

    def highlight(self, search: Any) -> Any:
        search = search.highlight_options(
            pre_tags=[MARK_PRE], post_tags=[MARK_POST], encoder="html"
        )
        search = search.highlight("title", number_of_fragments=0)
        return search.highlight(
            "summary", "description", "keywords", "context",
            fragment_size=TEXT_FRAGMENT_CHARS, number_of_fragments=1,
        )  # fmt: skip

    def sort(self, search: Any) -> Any:
        sort = self.search_query.effective_sort
        if sort is Sort.RELEVANCE:
            return search.sort("_score", {"quality_score": "desc"}, {"entry_id": "desc"})
        if sort is Sort.TITLE:
            return search.sort({"title.sort": "asc"}, {"entry_id": "asc"})
        return search.sort(
            {"modified": {"order": "desc", "missing": "_last"}}, {"entry_id": "desc"}
        )


class RelatedSearch:
    """"More like this": entries sharing rare words with one entry, best first."""

    FIELDS = ("title", "summary", "description", "keywords")

    @staticmethod
    def body(*, index: str, entry_id: int, limit: int) -> dict[str, Any]:
        like = Q(
            "more_like_this",
            fields=list(RelatedSearch.FIELDS),
            like=[{"_index": index, "_id": str(entry_id)}],
            min_term_freq=1,
            min_doc_freq=1,
            max_query_terms=25,
            minimum_should_match="20%",
        )
        return {
            "query": ranked(like).to_dict(),
            "size": limit,
            "_source": SOURCE_FIELDS,
        }


def suggest_body(prefix: str, *, limit: int) -> dict[str, Any]:
    """Titles whose words start with what was typed (last word as a prefix, core-only)."""
    return {
        "query": ranked(
            Q("match_bool_prefix", title={"query": prefix, "operator": "and"})
        ).to_dict(),
        "size": limit,
        "_source": ["entry_id", "title", "url", "type"],
    }
