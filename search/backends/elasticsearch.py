"""The Elasticsearch backend: for catalogues that outgrow one machine (DESIGN.md §5).

Configuration only: ``ELASTICSEARCH_URL`` selects it (search/backends/__init__.py) and views never
ask. The database stays the source of truth and the database backend stays current beside it
(it is cheap, and it is what answers while the cluster is down), so an outage degrades search
instead of breaking it: searches fall back to the database, the admin is told, and indexing
work waits in the task queue until the cluster returns.

Indexing here is idempotent: ``sync`` reads each entry's current state and writes it (published)
or deletes it (anything else), so retries and out-of-order tasks converge on the truth.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
from collections import deque
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import orjson
from django.conf import settings
from django.utils import timezone
from elasticsearch import Elasticsearch, helpers

from catalogue.models import Entry

from ..documents import SCHEMA_VERSION, iter_sources
from ..es_alias import IndexManager
from ..es_client import INDEXING_TIMEOUT_SECONDS, EsConfig, is_unavailable
from ..es_health import CircuitBreaker, HealthSnapshot
from ..faceted import CatalogueSearch, RelatedSearch, corrected, status_clock, suggest_body
from ..query import Facet, FacetValue, Hit, SearchInputError, SearchQuery, SearchResults
from ..text_query import parse_text_query
from .base import Progress, SearchBackend
from .database import DatabaseBackend, facet_labels

logger = logging.getLogger(__name__)

BULK_CHUNK = 1000
SYNC_CHUNK = 500


@dataclass
class DriftReport:
    """Differences between the database (truth) and the index."""

    in_database: int
    in_index: int
    missing: list[int] = field(default_factory=list)  # published, not indexed
    extra: list[int] = field(default_factory=list)  # indexed, not published
    stale: list[int] = field(default_factory=list)  # indexed before the last change
    index: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.extra or self.stale)

    @property
    def ids_to_sync(self) -> list[int]:
        return sorted({*self.missing, *self.extra, *self.stale})


class ElasticsearchUnavailable(RuntimeError):
    """The cluster cannot take this work now; the caller retries later."""


class _AliasMissing(Exception):
    """The alias is gone (a reset cluster): rebuild from the database."""


class ElasticsearchBackend:
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
        self.indices = IndexManager(self.bulk_client, config.alias)
        self.fallback: SearchBackend = fallback or DatabaseBackend()
        # True in tests ("visible at once"); in production the 1 s refresh interval does it.
        self.refresh = refresh
        self.breaker = CircuitBreaker()
        self._alias_ready = False

    @classmethod
    def from_settings(cls) -> ElasticsearchBackend:
        return cls(
            EsConfig.from_settings(),
            refresh=getattr(settings, "SEARCH_ELASTICSEARCH_REFRESH", False),
        )

    @property
    def alias(self) -> str:
        return self.config.alias

    # ------------------------------------------------------------------ health
    def health(self, *, live: bool = True) -> HealthSnapshot:
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
        return self.breaker.snapshot()

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
        return self.fallback.search(query)

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
        facet_counts: dict[Facet, dict[str, int]] = {
            facet: dict(values[facet.value]) for facet in Facet
        }
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
        related = getattr(self.fallback, "related", None)
        return list(related(entry_id, limit)) if related else []

    def suggest(self, prefix: str, limit: int = 8) -> list[dict[str, str]]:
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
        suggest = getattr(self.fallback, "suggest", None)
        return list(suggest(prefix, limit)) if suggest else []

    # ------------------------------------------------------------------ indexing
    def index_entries(self, entry_ids: Iterable[int]) -> None:
        """Bring entries up to date now: the database index, then the cluster.

        If the cluster cannot take it, the work goes to the task queue to be retried.
        """
        ids = sorted(set(entry_ids))
        if not ids:
            return
        self.fallback.index_entries(ids)
        try:
            self.sync(ids)
        except ElasticsearchUnavailable as error:
            logger.warning("Elasticsearch indexing deferred for %d entries: %s", len(ids), error)
            from ..tasks import enqueue_sync

            enqueue_sync(ids)

    def remove_entries(self, entry_ids: Iterable[int]) -> None:
        ids = sorted(set(entry_ids))
        if not ids:
            return
        self.fallback.remove_entries(ids)
        try:
            self.sync(ids)
        except ElasticsearchUnavailable:
            from ..tasks import enqueue_sync

            enqueue_sync(ids)

    def index_entries_later(self, entry_ids: Iterable[int]) -> None:
        """After a commit: the database index at once (it is local), the cluster in a task."""
        from ..tasks import enqueue_sync

        ids = sorted(set(entry_ids))
        self.fallback.index_entries(ids)
        enqueue_sync(ids)

    def remove_entries_later(self, entry_ids: Iterable[int]) -> None:
        from ..tasks import enqueue_sync

        ids = sorted(set(entry_ids))
        self.fallback.remove_entries(ids)
        enqueue_sync(ids)

    def sync(self, entry_ids: Iterable[int]) -> int:
        """Write each entry's current state to the index: published in, the rest out.

        Raises ``ElasticsearchUnavailable`` when the cluster cannot take it (retry later).
        """
        ids = sorted(set(entry_ids))
        written = 0
        try:
            if not self._alias_ready and not self.indices.exists():
                # No index yet (a new cluster): build it whole, from the database.
                return self.rebuild()
            self._alias_ready = True
            # The next chunk is read from the database while the previous one is indexed.
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="es-sync") as sender:
                pending: Future[None] | None = None
                for start in range(0, len(ids), SYNC_CHUNK):
                    chunk = ids[start : start + SYNC_CHUNK]
                    sources = [s for batch in iter_sources(chunk) for s in batch]
                    present = {s["entry_id"] for s in sources}
                    actions = [_index_action(self.alias, s) for s in sources]
                    actions += [
                        {"_op_type": "delete", "_index": self.alias, "_id": str(i)}
                        for i in chunk
                        if i not in present
                    ]
                    if pending is not None:
                        pending.result()
                    pending = sender.submit(self._bulk, actions)
                    written += len(sources)
                if pending is not None:
                    pending.result()
        except _AliasMissing:
            self._alias_ready = False
            return self.rebuild()
        except ElasticsearchUnavailable:
            raise
        except Exception as error:
            if is_unavailable(error):
                raise ElasticsearchUnavailable(str(error)) from error
            raise
        return written

    def _bulk(self, actions: list[dict[str, Any]]) -> None:
        if not actions:
            return
        for start in range(0, len(actions), BULK_CHUNK):
            response = self.bulk_client.bulk(
                operations=_ndjson(actions[start : start + BULK_CHUNK]),
                refresh=self.refresh,
                # Writes name the alias; if it vanished, fail instead of auto-creating an index.
                require_alias=True,
            )
            real = [e for e in _refused(response) if not _is_missing_delete(e)]
            if any(_is_missing_alias(e) for e in real):
                raise _AliasMissing()
            if real:
                statuses = {next(iter(e.values())).get("status", 0) for e in real}
                message = f"{len(real)} bulk errors, first: {real[0]}"
                if any(s >= 500 or s == 429 for s in statuses):
                    raise ElasticsearchUnavailable(message)
                raise RuntimeError(message)

    def _bulk_load(self, index: str, sources: list[dict[str, Any]]) -> int:
        response = self.bulk_client.bulk(
            operations=_ndjson([_index_action(index, source) for source in sources])
        )
        failed = _refused(response)
        if failed:
            raise RuntimeError(f"{len(failed)} documents refused, first: {failed[0]}")
        return len(sources)

    def rebuild(self, progress: Progress | None = None) -> int:
        """A new versioned index filled from the database, then one atomic alias swap.

        Searches keep answering from the old index meanwhile; changes made during the build
        are caught up after the swap (by last change time, then by comparing ids).
        """
        started = timezone.now()
        name, _ = self.indices.create(bulk_load=True)
        total = 0
        try:
            # Documents are built here (this thread owns the database connection) while
            # up to two earlier batches are being indexed by sender threads.
            with ThreadPoolExecutor(max_workers=2, thread_name_prefix="es-bulk") as pool:
                pending: deque[Future[int]] = deque()
                for batch in iter_sources():
                    pending.append(pool.submit(self._bulk_load, name, batch))
                    while len(pending) > 2:
                        total += pending.popleft().result()
                    if progress:
                        progress(len(batch))
                while pending:
                    total += pending.popleft().result()
            self.indices.finish_bulk_load(name)
            self.indices.swap(name)
        except BaseException:
            self.indices.delete(name)
            raise
        changed = list(
            Entry.objects.filter(updated_at__gte=started - dt.timedelta(seconds=1)).values_list(
                "pk", flat=True
            )
        )
        if changed:
            self.sync(changed)
        # Entries deleted or unpublished while the index was filled: compare ids only (every
        # changed entry was just synced by its change time, so content needs no comparison).
        self.client.indices.refresh(index=self.alias)
        published = set(Entry.objects.published().values_list("pk", flat=True).iterator(5000))
        differ = published ^ self._indexed_ids()
        if differ:
            self.sync(sorted(differ))
        if self.refresh:
            self.client.indices.refresh(index=self.alias)
        return total

    def _indexed_ids(self) -> set[int]:
        return {
            int(doc["_id"])
            for doc in helpers.scan(
                self.bulk_client,
                index=self.alias,
                _source=False,
                query={"query": {"match_all": {}}},
                size=10_000,
            )
        }

    def drift(self) -> DriftReport:
        """Compare published entries (and their last change) with what the index holds."""
        truth = {
            pk: updated
            for pk, updated in Entry.objects.published()
            .values_list("pk", "updated_at")
            .iterator(chunk_size=5000)
        }
        indexed: dict[int, str | None] = {}
        if self.indices.exists():
            self.client.indices.refresh(index=self.alias)
            for doc in helpers.scan(
                self.bulk_client,
                index=self.alias,
                query={"query": {"match_all": {}}},
                _source=["updated_at"],
                size=5000,
            ):
                indexed[int(doc["_id"])] = doc["_source"].get("updated_at")
        report = DriftReport(
            in_database=len(truth), in_index=len(indexed), index=self.indices.describe()
        )
        report.missing = sorted(set(truth) - set(indexed))
        report.extra = sorted(set(indexed) - set(truth))
        for pk, updated in truth.items():
            seen = indexed.get(pk)
            if pk not in indexed or not updated:
                continue
            if not seen or dt.datetime.fromisoformat(seen) < updated:
                report.stale.append(pk)
        version = report.index.get("schema_version")
        if version is not None and version != SCHEMA_VERSION:
            report.index["outdated_schema"] = True
        return report


# ---------------------------------------------------------------------- helpers
def _first(value: Any) -> str:
    if isinstance(value, list):
        return str(value[0]) if value else ""
    return str(value or "")


def _ndjson(actions: list[dict[str, Any]]) -> bytes:
    """A bulk body encoded by orjson: the client encodes line by line with the json module,
    which cost more of a rebuild's Python time than building the documents."""
    lines = bytearray()
    for action in actions:
        meta = {"_index": action["_index"], "_id": action["_id"]}
        lines += orjson.dumps({action["_op_type"]: meta})
        lines += b"\n"
        if action["_op_type"] == "index":
            lines += orjson.dumps(action["_source"])
            lines += b"\n"
    return bytes(lines)


def _refused(response: Any) -> list[dict[str, Any]]:
    """The items of a bulk answer that Elasticsearch did not apply."""
    if not response.get("errors"):
        return []
    return [i for i in response["items"] if next(iter(i.values())).get("error")]


def _index_action(index: str, source: dict[str, Any]) -> dict[str, Any]:
    return {"_op_type": "index", "_index": index, "_id": str(source["entry_id"]), "_source": source}


def _is_missing_alias(error: dict[str, Any]) -> bool:
    op, item = next(iter(error.items()))
    return bool(op != "delete" and item.get("status") == 404)


def _is_missing_delete(error: dict[str, Any]) -> bool:
    item = error.get("delete")
    return bool(item and item.get("status") == 404)


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


def label_facets(
    counts: dict[Facet, dict[str, int]], query: SearchQuery
) -> dict[Facet, list[FacetValue]]:
    """Labels and order exactly as the database backend gives them."""
    result: dict[Facet, list[FacetValue]] = {}
    for facet, values in counts.items():
        selected = set(query.filters.get(facet, ()))
        merged = {**{v: 0 for v in selected}, **values}
        labels = facet_labels(facet, merged)
        result[facet] = sorted(
            (
                FacetValue(value=v, label=labels[v], count=n, selected=v in selected)
                for v, n in merged.items()
            ),
            key=lambda fv: (-fv.count, fv.label.lower()),
        )
    return result
