"""Text analysis that never breaks: detect what the cluster has, don't assume it.

Every Elasticsearch ships a core (standard tokenizer, lowercase filter) that is enough to
search. Stemming, ASCII folding and synonyms live in the ``analysis-common`` module, which every
standard distribution includes but the integration-test build (our tests' node) does not. The
mapping always names the same two analyzers, ``catalogue_text`` (indexing) and
``catalogue_search`` (queries); only their definitions grow when the module is present, so
queries and mapping never change with the cluster.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from elasticsearch import Elasticsearch

ANALYSIS_MODULE = "analysis-common"
INDEX_ANALYZER = "catalogue_text"
SEARCH_ANALYZER = "catalogue_search"

# Solr-format synonym rules, applied at query time only (editable without reindexing).
DEFAULT_SYNONYMS = (
    "ppp, public private partnership",
    "api, web service, web api",
    "sdg, sustainable development goal",
    "gis, geospatial, geographic information",
    "procurement, tender",
)


def has_analysis_common(client: Elasticsearch) -> bool:
    """True when every node reports the analysis-common module (or plugin)."""
    info = client.nodes.info(
        metric="plugins", filter_path="nodes.*.modules.name,nodes.*.plugins.name"
    )
    nodes = dict(info.get("nodes") or {})
    if not nodes:
        return False
    for node in nodes.values():
        names = {m.get("name") for m in node.get("modules", []) + node.get("plugins", [])}
        if ANALYSIS_MODULE not in names:
            return False
    return True


def synonyms() -> list[str]:
    return list(getattr(settings, "SEARCH_SYNONYMS", DEFAULT_SYNONYMS))


def analysis_settings(*, rich: bool) -> dict[str, Any]:
    """The ``analysis`` block of the index settings."""
    if not rich:
        core = {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]}
        return {"analyzer": {INDEX_ANALYZER: core, SEARCH_ANALYZER: core}}
    stem = ["catalogue_possessive", "catalogue_stemmer"]
    return {
        "filter": {
            "catalogue_possessive": {"type": "stemmer", "language": "possessive_english"},
            "catalogue_stemmer": {"type": "stemmer", "language": "light_english"},
            "catalogue_synonyms": {
                "type": "synonym_graph",
                "synonyms": synonyms(),
                "lenient": True,
            },
        },
        "analyzer": {
            INDEX_ANALYZER: {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "asciifolding", *stem],
            },
            SEARCH_ANALYZER: {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "asciifolding", "catalogue_synonyms", *stem],
            },
        },
    }
