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
from collections.abc import Sequence
from typing import Any

from elasticsearch import Elasticsearch
from elasticsearch.dsl import FacetedSearch, Q
from elasticsearch.dsl.document_base import InstrumentedField
from elasticsearch.dsl.faceted_search_base import Facet as DslFacet
from elasticsearch.dsl.faceted_search_base import TermsFacet
from elasticsearch.dsl.query import Query

from catalogue.models.choices import ChallengeStatus

from .documents import COMBINED_SEPARATOR, TEXT_FIELDS, combined_facets
from .es_analysis import synonyms
from .facets import all_facets
from .query import SearchQuery, Sort
from .text_query import TextQuery

MARK_PRE, MARK_POST = "<mark>", "</mark>"
COMBINED_AGG = "facet_values"
# Typo tolerance: words the index lacks are corrected from these fields' vocabularies.
SPELLCHECK_FIELDS = ("title", "description")
TEXT_FRAGMENT_CHARS = 180
SOURCE_FIELDS = [
    "entry_id",
    "type",
    "slug",
    "url",
    "title",
    "summary",
    "publisher_name",
    "organisation",
    "modified",
    "quality_score",
]
# Ranking signals besides text relevance (function_score, summed, then multiplied in).
QUALITY_FACTOR = 0.02  # log10(2 + 0.02 * score): x0.30 at quality 0 .. x0.60 at 100
FRESHNESS_WEIGHT = 0.5
FRESHNESS_SCALE = "730d"


def facet_size(name: str) -> int:
    """Terms buckets per facet: every value of a realistic catalogue (search/facets.py)."""
    return all_facets()[name].size


def status_clock(now: dt.datetime) -> dt.datetime:
    """The time challenge statuses are computed at: the current minute.

    A request body that names the exact microsecond is never the same twice, so Elasticsearch's
    request cache could never serve it; at minute precision a challenge's status changes at
    most a minute late in search results (its own page always shows the exact status).
    """
    return now.replace(second=0, microsecond=0)


def challenge_status_filters(now: dt.datetime) -> dict[str, Query]:
    """Each status as "``now`` lies in its indexed span" (documents.challenge_periods).

    One point-in-range term query per status: the spans were computed once at indexing from
    the same rules as ``challenge_status_at``, so nothing per document is computed here.
    """
    at = now.isoformat()
    return {status.value: Q("term", **{f"{status.value}_period": at}) for status in ChallengeStatus}


class TimelineStatusFacet(DslFacet[Any]):
    """The status at query time, from the indexed spans: one ``filters`` bucket per status."""

    agg_type = "filters"

    def __init__(self, now: dt.datetime) -> None:
        self._statuses = challenge_status_filters(now)
        super().__init__(filters=self._statuses)

    def get_value_filter(self, filter_value: Any) -> Query:
        # An unknown status matches nothing (a hostile value is not an error, just no hits).
        return self._statuses.get(str(filter_value), ~Q("match_all"))


def multi_word_synonym_in(words: list[str]) -> bool:
    """Does the text contain a synonym written in several words ("public private partnership")?

    Word by word, such a synonym cannot fire, so only then is the whole text matched as well.
    """
    if len(words) < 2:
        return False
    text = f" {' '.join(words)} "
    for rule in synonyms():
        for variant in rule.replace("=>", ",").split(","):
            variant_words = variant.strip().lower().split()
            if len(variant_words) > 1 and f" {' '.join(variant_words)} " in text:
                return True
    return False


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
    if text.phrases or not multi_word_synonym_in(list(text.terms)):
        # A second query scored over every match doubles the cost of broad searches, so it
        # is only added when it can find something ``by_word`` cannot.
        return by_word
    # The whole text analysed at once lets multi-word synonyms fire ("public private
    # partnership" ~ "PPP"); without synonyms it matches a subset of ``by_word``.
    whole = Q(
        "multi_match",
        query=text.to_plain(),
        fields=list(TEXT_FIELDS),
        operator="and",
        type="best_fields",
    )
    return Q("bool", should=[by_word, whole], minimum_should_match=1)


def corrected(text: TextQuery, suggest: dict[str, Any]) -> TextQuery | None:
    """The words with typos replaced by the index's closest terms; None if none changed.

    Uses the term suggester, which every Elasticsearch has in its core: a query that matched
    nothing is asked again with "transprot" read as "transport". Cheaper and easier to
    highlight than fuzzy queries over every field.
    """
    best: dict[str, tuple[float, int, str]] = {}
    for name in SPELLCHECK_FIELDS:
        for entry in suggest.get(f"spell_{name}") or []:
            for option in entry["options"]:
                candidate = (float(option["score"]), int(option["freq"]), str(option["text"]))
                if entry["text"] not in best or candidate > best[entry["text"]]:
                    best[entry["text"]] = candidate
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
            {
                "field_value_factor": {
                    "field": "quality_score",
                    "factor": QUALITY_FACTOR,
                    "modifier": "log2p",
                    "missing": 0,
                }
            },
            {
                "gauss": {"modified": {"scale": FRESHNESS_SCALE, "offset": "30d", "decay": 0.5}},
                "weight": FRESHNESS_WEIGHT,
            },
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
        self.facets: dict[str, DslFacet[Any]] = {
            name: TimelineStatusFacet(now)
            if definition.timeline
            else TermsFacet(field=name, size=definition.size)
            for name, definition in all_facets().items()
        }
        filters: dict[str, str | dt.datetime | Sequence[str]] = {
            str(facet): list(values) for facet, values in query.filters.items()
        }
        super().__init__(query=None if text.is_empty else text.to_plain(), filters=filters)
        self._s = self._s.source(list[str | InstrumentedField](SOURCE_FIELDS)).extra(
            track_total_hits=True
        )
        if spellcheck and text.terms:
            for name in SPELLCHECK_FIELDS:
                self._s = self._s.suggest(
                    f"spell_{name}",
                    " ".join(text.terms),
                    term={
                        "field": name,
                        "suggest_mode": "missing",
                        "min_word_length": 4,
                        "prefix_length": 1,
                        "max_edits": 2,
                        "size": 1,
                    },
                )
        start = query.offset
        self._s = self._s[start : start + query.page_size]

    def query(self, search: Any, query: Any) -> Any:
        return search.query(ranked(text_query(self.text)))

    def aggregate(self, search: Any) -> None:
        """One aggregation context per distinct set of other facets' filters.

        The library wraps every facet in its own ``filter`` aggregation, even a ``match_all``
        one, and each wrapper and each terms aggregation is a pass over every match (13 of them
        made a broad search four times slower). Here facets whose other-facet filters are the
        same share one context (at the top level when nothing is selected), and within a
        context the bounded facets are counted by one terms aggregation over ``facet_values``.
        """
        groups: dict[tuple[str, ...], list[str]] = {}
        for name in self.facets:
            context = tuple(sorted(f for f in self._filters if f != name))
            groups.setdefault(context, []).append(name)
        self._facet_contexts: dict[str, tuple[str | None, str]] = {}
        for number, (context, names) in enumerate(groups.items()):
            parent = search.aggs
            context_name = None
            if context:
                context_name = f"_context_{number}"
                both = Q("bool", filter=[self._filters[f] for f in context])
                parent = search.aggs.bucket(context_name, "filter", filter=both)
            combined = [n for n in names if n in combined_facets()]
            if len(combined) > 1:
                # Sized so that every facet keeps as many values as its own aggregation would.
                size = sum(facet_size(n) for n in combined)
                parent.bucket(COMBINED_AGG, "terms", field="facet_values", size=size)
                self._facet_contexts.update({n: (context_name, COMBINED_AGG) for n in combined})
            for name in names:
                if name not in self._facet_contexts:
                    parent.bucket(name, self.facets[name].get_aggregation())
                    self._facet_contexts[name] = (context_name, name)

    def request_bodies(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """The search as two requests sent together in one ``_msearch``: hits, then counts.

        Hits need scores (relevance, quality, freshness) for one page; counts need every match
        but no score, so they match in filter context. Elasticsearch runs the two on separate
        search threads (on two cores the answer takes the longer of the two, not their sum),
        and a request of size 0 is what its shard request cache keeps until the next refresh,
        so the facet counts of a popular search are computed once per index change.
        """
        body = self._s.to_dict()
        aggs = body.pop("aggs", {})
        body["track_total_hits"] = False  # the count comes with the facets
        counts: dict[str, Any] = {"size": 0, "track_total_hits": True, "aggs": aggs}
        if "suggest" in body:  # spelling depends on the words only: cached with the counts
            counts["suggest"] = body.pop("suggest")
        if not self.text.is_empty:
            counts["query"] = {"bool": {"filter": [text_query(self.text).to_dict()]}}
        if "post_filter" in body:
            counts["post_filter"] = body["post_filter"]
        return body, counts

    def facet_counts(self, aggregations: dict[str, Any]) -> dict[str, list[tuple[str, int]]]:
        """``(value, count)`` per facet, read from the aggregations ``aggregate`` made."""
        out: dict[str, list[tuple[str, int]]] = {name: [] for name in self.facets}
        for name, (context, agg_name) in self._facet_contexts.items():
            data = (aggregations[context] if context else aggregations)[agg_name]
            buckets = data["buckets"]
            if agg_name == COMBINED_AGG:
                prefix = name + COMBINED_SEPARATOR
                out[name] = [
                    (str(b["key"])[len(prefix) :], b["doc_count"])
                    for b in buckets
                    if str(b["key"]).startswith(prefix)
                ]
                del out[name][facet_size(name) :]
            elif isinstance(buckets, dict):  # the challenge status' named filters
                out[name] = [(key, b["doc_count"]) for key, b in buckets.items() if b["doc_count"]]
            else:
                out[name] = [(str(b["key"]), b["doc_count"]) for b in buckets]
        return out

    def highlight(self, search: Any) -> Any:
        search = search.highlight_options(
            pre_tags=[MARK_PRE], post_tags=[MARK_POST], encoder="html"
        )
        search = search.highlight("title", number_of_fragments=0)
        return search.highlight(
            "summary",
            "description",
            "keywords",
            "context",
            fragment_size=TEXT_FRAGMENT_CHARS,
            number_of_fragments=1,
        )

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
    """ "More like this": entries sharing rare words with one entry, best first."""

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
