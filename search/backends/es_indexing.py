"""Writes of the Elasticsearch backend: idempotent syncs, and rebuilds behind an alias swap.

``sync`` reads each entry's current state and writes it (published) or deletes it (anything
else), so retries and out-of-order tasks converge on the truth.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import orjson
from django.utils import timezone
from elasticsearch import Elasticsearch, helpers

from catalogue.models.entries import Entry

from ..documents import SCHEMA_VERSION, iter_sources
from ..es_alias import IndexManager
from ..es_client import is_unavailable
from .base import DriftReport, IndexUnavailable, Progress

BULK_CHUNK = 1000
SYNC_CHUNK = 500


class ElasticsearchUnavailable(IndexUnavailable):
    """The cluster cannot take this work now; the caller retries later."""


class _AliasMissing(Exception):
    """The alias is gone (a reset cluster): rebuild from the database."""


class EsIndexWriter:
    """Everything that writes to the cluster, through the alias of one ``IndexManager``."""

    def __init__(
        self, client: Elasticsearch, bulk_client: Elasticsearch, alias: str, *, refresh: bool | str
    ) -> None:
        self.client = client
        self.bulk_client = bulk_client
        self.alias = alias
        self.indices = IndexManager(bulk_client, alias)
        # True in tests ("visible at once"); in production the 1 s refresh interval does it.
        self.refresh = refresh
        self._alias_ready = False

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

    def delete(self, entry_ids: Iterable[int]) -> None:
        """Take these documents out, present or not. Raises ``ElasticsearchUnavailable``."""
        actions = [{"_op_type": "delete", "_index": self.alias, "_id": str(i)} for i in entry_ids]
        try:
            if not self._alias_ready and not self.indices.exists():
                return  # no index yet: nothing to take out (the next sync builds it)
            self._alias_ready = True
            for start in range(0, len(actions), SYNC_CHUNK):
                self._bulk(actions[start : start + SYNC_CHUNK])
        except _AliasMissing:
            self._alias_ready = False
        except ElasticsearchUnavailable:
            raise
        except Exception as error:
            if is_unavailable(error):
                raise ElasticsearchUnavailable(str(error)) from error
            raise

    def _bulk(self, actions: list[dict[str, Any]]) -> None:
        if not actions:
            return
        for start in range(0, len(actions), BULK_CHUNK):
            response = self.bulk_client.bulk(
                # The client sends bytes as they are; its stubs only know lists of actions.
                operations=_ndjson(actions[start : start + BULK_CHUNK]),  # type: ignore[arg-type]
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
        body = _ndjson([_index_action(index, source) for source in sources])
        response = self.bulk_client.bulk(operations=body)  # type: ignore[arg-type]  # bytes, as above
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
        differ = published ^ self.indexed_ids()
        if differ:
            self.sync(sorted(differ))
        if self.refresh:
            self.client.indices.refresh(index=self.alias)
        return total

    def indexed_ids(self) -> set[int]:
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
        truth = dict(Entry.objects.published().values_list("pk", "updated_at").iterator(5000))
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
        if (version is not None and version != SCHEMA_VERSION) or report.index.get(
            "missing_fields"
        ):
            report.index["outdated_schema"] = True
        return report


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
