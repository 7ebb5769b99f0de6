"""The Elasticsearch backend: for catalogues that outgrow one machine (DESIGN.md §5).

Configuration only: ``SEARCH_BACKEND`` names it (by default whenever ``ELASTICSEARCH_URL`` is
set) and views never ask. The database stays the source of truth and the database backend
stays current beside it (it is cheap, and it is what answers while the cluster is down), so an
outage degrades search instead of breaking it: searches fall back to the database, the admin
is told, and indexing work waits in the task queue until the cluster returns. Writes are in
es_indexing.py, reads of every matching id in es_ids.py.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from elasticsearch import Elasticsearch

from ..es_client import INDEXING_TIMEOUT_SECONDS, EsConfig
from ..es_health import CircuitBreaker, HealthSnapshot
from ..facet_labels import label_facets
from ..faceted import CatalogueSearch, RelatedSearch, corrected, status_clock, suggest_body
from ..query import FacetName, Hit, SearchInputError, SearchQuery, SearchResults, SearchWindow
from ..text_query import TextQuery, parse_text_query
from .base import DriftReport, Progress, SearchBackend, Suggestion
from .database import DatabaseBackend
from .es_ids import scan_ids
from .es_indexing import ElasticsearchUnavailable, EsIndexWriter

logger = logging.getLogger(__name__)


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(
        self,
        config: EsConfig,
        *,
        fallback: SearchBackend | None = None,
        refresh: bool | str = False,
    ) -> None:
        self.config = config
        self.client: Elasticsearch = config.client()
        self.bulk_client: Elasticsearch = config.client(timeout=INDEXING_TIMEOUT_SECONDS)
        self.writer = EsIndexWriter(self.client, self.bulk_client, config.alias, refresh=refresh)
        self.indices = self.writer.indices
        self.database: SearchBackend = fallback or DatabaseBackend()
        self.breaker = CircuitBreaker()

    @classmethod
    def from_settings(cls) -> ElasticsearchBackend:
        if not getattr(settings, "ELASTICSEARCH_URL", ""):
            raise ImproperlyConfigured(
                "SEARCH_BACKEND names the Elasticsearch backend but ELASTICSEARCH_URL is empty: "
                "set ELASTICSEARCH_URL, or unset SEARCH_BACKEND for the database backend."
            )
        return cls(
            EsConfig.from_settings(),
            refresh=getattr(settings, "SEARCH_ELASTICSEARCH_REFRESH", False),
        )

    @property
    def alias(self) -> str:
        return self.config.alias

    def fallback(self) -> SearchBackend | None:
        return self.database

    def index_info(self) -> dict[str, Any]:
        return self.indices.describe()

    # ------------------------------------------------------------------ health
    def health(self, *, live: bool = True) -> HealthSnapshot | None:
        """Answering now? ``live`` pings (a second at most) instead of trusting the breaker."""
        if live:
            try:
                if not self.client.options(request_timeout=1.0).indices.exists_alias(
                    name=self.alias
                ):
                    self.breaker.record_failure(
                        f"the index alias '{self.alias}' does not exist: "
                        "run manage.py search_index rebuild"
                    )
                else:
                    self.breaker.record_success()
            except Exception as error:  # noqa: BLE001 - any failure means "not available"
                self.breaker.record_failure(error)
        return replace(self.breaker.snapshot(), service_url=self.config.url)

    def _failed(self, what: str, error: BaseException) -> None:
        logger.warning("Elasticsearch %s failed, using the database backend: %s", what, error)
        self.breaker.record_failure(error)

    # ------------------------------------------------------------------ searching
    def search(self, query: SearchQuery) -> SearchResults:
        if self.breaker.allows_request():
            try:
                results = self._search(query)
            except SearchInputError:
                raise
            except Exception as error:  # noqa: BLE001 - the database answers instead
                self._failed("search", error)
            else:
                self.breaker.record_success()
                return results
        return self.database.search(query)

    def _search(self, query: SearchQuery) -> SearchResults:
        text = parse_text_query(query.text)
        now = status_clock(timezone.now())
        faceted = CatalogueSearch(
            query, text, index=self.alias, client=self.client, now=now, spellcheck=True
        )
        hits, counts = self._msearch(faceted)
        total = int(counts["hits"]["total"]["value"])
        if not total and text.terms and "suggest" in counts:
            # Nothing matched as typed: ask again with typos corrected ("transprot").
            fixed = corrected(text, counts["suggest"])
            if fixed is not None:
                faceted = CatalogueSearch(
                    query, fixed, index=self.alias, client=self.client, now=now
                )
                hits, counts = self._msearch(faceted)
                total = int(counts["hits"]["total"]["value"])
        values = faceted.facet_counts(counts.get("aggregations", {}))
        facet_counts = {name: dict(counted) for name, counted in values.items()}
        return SearchResults(
            query=query,
            count=total,
            hits=[
                _hit(h["_source"], h.get("highlight"), score=h.get("_score"))
                for h in hits["hits"]["hits"]
            ],
            facets=label_facets(facet_counts, query),
            backend=self.name,
        )

    def search_ids(self, query: SearchQuery, *, limit: int | None = None) -> list[int]:
        """Every match in the order of ``search``'s pages (typos corrected the same way),
        past the 10,000 a page can reach (es_ids.py)."""
        if self.breaker.allows_request():
            try:
                ids = self._search_ids(query, limit)
            except SearchInputError:
                raise
            except Exception as error:  # noqa: BLE001 - the database answers instead
                self._failed("search_ids", error)
            else:
                self.breaker.record_success()
                return ids
        return self.database.search_ids(query, limit=limit)

    def _search_ids(self, query: SearchQuery, limit: int | None) -> list[int]:
        text = parse_text_query(query.text)
        now = status_clock(timezone.now())
        ids = self._scan(query, text, now, limit)
        if ids or not text.terms:
            return ids
        spelling = CatalogueSearch(
            query, text, index=self.alias, client=self.client, now=now, spellcheck=True
        )
        _, counts = spelling.request_bodies()
        if "suggest" not in counts:
            return ids
        response = self.client.search(
            index=self.alias, size=0, suggest=counts["suggest"], track_total_hits=False
        )
        fixed = corrected(text, response.get("suggest", {}))
        return self._scan(query, fixed, now, limit) if fixed is not None else ids

    def _scan(self, query: SearchQuery, text: TextQuery, now: Any, limit: int | None) -> list[int]:
        faceted = CatalogueSearch(query, text, index=self.alias, client=self.client, now=now)
        body, _ = faceted.request_bodies()
        return scan_ids(self.client, index=self.alias, body=body, limit=limit)

    def search_window(
        self,
        query: SearchQuery,
        *,
        start: int,
        rows: int,
        facets: Iterable[FacetName] = (),
        within: int | None = None,
        reverse: bool = False,
    ) -> SearchWindow | None:
        """None: the cluster keeps no bitmaps of entry ids to answer a window from."""
        return None

    def answers_from_bitmaps(self) -> bool:
        return False

    def count_facets(
        self, query: SearchQuery, facets: Iterable[FacetName]
    ) -> dict[FacetName, dict[str, int]]:
        names = list(facets)
        if self.breaker.allows_request():
            try:
                counts = self._count_facets(query, names)
            except SearchInputError:
                raise
            except Exception as error:  # noqa: BLE001 - the database answers instead
                self._failed("count_facets", error)
            else:
                self.breaker.record_success()
                return counts
        return self.database.count_facets(query, names)

    def _count_facets(self, query: SearchQuery, names: list[str]) -> dict[str, dict[str, int]]:
        """The counts half of ``search``'s _msearch alone: a size-0 request, which the shard
        request cache keeps until the next refresh (shared with the search page's)."""
        text = parse_text_query(query.text)
        now = status_clock(timezone.now())
        faceted = CatalogueSearch(query, text, index=self.alias, client=self.client, now=now)
        _, counts_body = faceted.request_bodies()
        params = {} if self.config.request_cache else {"request_cache": False}
        response = self.client.msearch(index=self.alias, searches=[params, counts_body])
        (counts,) = response["responses"]
        if "error" in counts:
            raise RuntimeError(f"Elasticsearch refused the facet counts: {counts['error']}")
        values = faceted.facet_counts(counts.get("aggregations", {}))
        return {name: dict(values.get(name, [])) for name in names}

    def _msearch(self, faceted: CatalogueSearch) -> tuple[dict[str, Any], dict[str, Any]]:
        """The page of hits and the counts, in one round trip (CatalogueSearch.request_bodies)."""
        hits_body, counts_body = faceted.request_bodies()
        params = {} if self.config.request_cache else {"request_cache": False}
        response = self.client.msearch(
            index=self.alias, searches=[params, hits_body, params, counts_body]
        )
        hits, counts = response["responses"]
        for part in (hits, counts):
            if "error" in part:
                raise RuntimeError(f"Elasticsearch refused the search: {part['error']}")
        return hits, counts

    def related(self, entry_id: int, limit: int = 5) -> list[Hit]:
        """Entries like this one (more_like_this over its text)."""
        if self.breaker.allows_request():
            try:
                body = RelatedSearch.body(index=self.alias, entry_id=entry_id, limit=limit)
                response = self.client.search(index=self.alias, **body)
            except Exception as error:  # noqa: BLE001
                self._failed("related", error)
            else:
                return [
                    _hit(h["_source"], None, score=h["_score"]) for h in response["hits"]["hits"]
                ]
        return self.database.related(entry_id, limit)

    def suggest(self, prefix: str, limit: int = 8) -> list[Suggestion]:
        """Titles for the search box's autocomplete."""
        prefix = prefix.strip()[:100]
        if not parse_text_query(prefix).words():
            return []
        if self.breaker.allows_request():
            try:
                response = self.client.search(index=self.alias, **suggest_body(prefix, limit=limit))
            except Exception as error:  # noqa: BLE001
                self._failed("suggest", error)
            else:
                return [
                    {
                        "title": h["_source"]["title"],
                        "url": h["_source"]["url"],
                        "type": _first(h["_source"].get("type")),
                    }
                    for h in response["hits"]["hits"]
                ]
        return self.database.suggest(prefix, limit)

    # ------------------------------------------------------------------ writing
    def index_entries(self, entry_ids: Iterable[int]) -> None:
        """Bring entries up to date now: the database index, then the cluster.

        If the cluster cannot take it, the work goes to the task queue to be retried.
        """
        ids = sorted(set(entry_ids))
        if not ids:
            return
        self.database.index_entries(ids)
        try:
            self.writer.sync(ids)
        except ElasticsearchUnavailable as error:
            logger.warning("Elasticsearch indexing deferred for %d entries: %s", len(ids), error)
            from ..tasks import enqueue_sync

            enqueue_sync(ids)

    def remove_entries(self, entry_ids: Iterable[int]) -> None:
        """Out of the database index, then out of the cluster (queued if it is down)."""
        ids = sorted(set(entry_ids))
        if not ids:
            return
        self.database.remove_entries(ids)
        try:
            self.writer.delete(ids)
        except ElasticsearchUnavailable:
            from ..tasks import enqueue_sync

            enqueue_sync(ids)  # converges on the database's state when it runs

    def index_entries_later(self, entry_ids: Iterable[int]) -> None:
        """After a commit: the database index at once (it is local), the cluster in a task."""
        from ..tasks import enqueue_sync

        ids = sorted(set(entry_ids))
        self.database.index_entries(ids)
        enqueue_sync(ids)

    def remove_entries_later(self, entry_ids: Iterable[int]) -> None:
        from ..tasks import enqueue_sync

        ids = sorted(set(entry_ids))
        self.database.remove_entries(ids)
        enqueue_sync(ids)

    def resync(self, entry_ids: Iterable[int]) -> int:
        """The cluster only (the database index is written by ``index_entries``): raises
        ``ElasticsearchUnavailable`` when it cannot take it."""
        return self.writer.sync(entry_ids)

    def rebuild(self, progress: Progress | None = None) -> int:
        return self.writer.rebuild(progress)

    def drift(self) -> DriftReport:
        return self.writer.drift()


# ---------------------------------------------------------------------- hits
def _first(value: Any) -> str:
    if isinstance(value, list):
        return str(value[0]) if value else ""
    return str(value or "")


def _hit(
    source: dict[str, Any], highlight: dict[str, list[str]] | None, *, score: float | None
) -> Hit:
    title = source.get("title", "")
    title_hl = html.escape(title)
    text_hl = ""
    if highlight:
        if "title" in highlight:
            title_hl = highlight["title"][0]
        for name in ("summary", "description", "keywords", "context"):
            if name in highlight:
                text_hl = highlight[name][0]
                break
    return Hit(
        entry_id=int(source["entry_id"]),
        entry_type=_first(source.get("type")),
        slug=source.get("slug", ""),
        title=title,
        summary=source.get("summary", ""),
        url=source.get("url", ""),
        publisher=source.get("publisher_name", ""),
        publisher_slug=_first(source.get("organisation")),
        modified=source.get("modified"),
        score=score,
        title_highlight=title_hl,
        text_highlight=text_hl,
        extra={"quality_score": source.get("quality_score", 0)},
    )
