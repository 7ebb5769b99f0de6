"""One alias over a versioned index: rebuilds without downtime.

Reads and writes always name the alias (``<prefix>-entries``). A rebuild creates a new index
(``<prefix>-entries-v<schema>-<timestamp>``), fills it while searches keep answering from the
old one, then moves the alias in one atomic ``_aliases`` call and deletes the old index, as
elasticsearch-dsl's ``examples/alias_migration.py`` does.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from elasticsearch import Elasticsearch, NotFoundError

from .documents import SCHEMA_VERSION, mapping, outdated_fields
from .es_analysis import analysis_settings, has_analysis_common

# While a new index is filled: no refresh, no replica, and no translog fsync per bulk request
# (a failed build is thrown away and rebuilt from the database). Set back before the swap.
BULK_LOAD_SETTINGS = {
    "refresh_interval": "-1",
    "number_of_replicas": 0,
    "translog": {"durability": "async"},
}
LIVE_SETTINGS = {"refresh_interval": "1s", "translog": {"durability": "request"}}


def index_body(*, rich_analysis: bool) -> dict[str, Any]:
    properties = mapping()
    return {
        "settings": {
            "number_of_shards": 1,
            "analysis": analysis_settings(rich=rich_analysis),
            "index": {"max_result_window": 10_000},
        },
        "mappings": {"dynamic": "strict", **properties},
    }


class IndexManager:
    def __init__(self, client: Elasticsearch, alias: str) -> None:
        self.client = client
        self.alias = alias

    def new_index_name(self) -> str:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S%f")
        return f"{self.alias}-v{SCHEMA_VERSION}-{stamp}"

    def current_indices(self) -> list[str]:
        """Indices the alias points at (one, except for a moment during a swap)."""
        try:
            return sorted(self.client.indices.get_alias(name=self.alias).body)
        except NotFoundError:
            return []

    def exists(self) -> bool:
        return bool(self.client.indices.exists_alias(name=self.alias))

    def create(self, *, bulk_load: bool = True) -> tuple[str, bool]:
        """Create an empty, unaliased index; return its name and whether analysis is rich."""
        rich = has_analysis_common(self.client)
        body = index_body(rich_analysis=rich)
        if bulk_load:
            body["settings"].update(BULK_LOAD_SETTINGS)
        name = self.new_index_name()
        self.client.indices.create(index=name, **body)
        return name, rich

    def finish_bulk_load(self, index: str) -> None:
        self.client.indices.put_settings(index=index, settings=LIVE_SETTINGS)
        self.client.indices.refresh(index=index)

    def swap(self, new_index: str, *, delete_old: bool = True) -> list[str]:
        """Point the alias at ``new_index`` in one atomic step; return the old indices."""
        old = [i for i in self.current_indices() if i != new_index]
        actions: list[dict[str, Any]] = [{"remove": {"index": i, "alias": self.alias}} for i in old]
        actions.append({"add": {"index": new_index, "alias": self.alias, "is_write_index": True}})
        self.client.indices.update_aliases(actions=actions)
        if delete_old:
            for index in old:
                self.client.indices.delete(index=index, ignore_unavailable=True)
        return old

    def orphans(self) -> list[str]:
        """Versioned indices no alias points at (left by an interrupted rebuild)."""
        found = self.client.indices.get(
            index=f"{self.alias}-v*", ignore_unavailable=True, allow_no_indices=True
        )
        live = set(self.current_indices())
        return sorted(name for name in found.body if name not in live)

    def delete(self, index: str) -> None:
        self.client.indices.delete(index=index, ignore_unavailable=True)

    def describe(self) -> dict[str, Any]:
        """Name, schema version and analysis of the live index, for checks and reports."""
        indices = self.current_indices()
        if not indices:
            return {"alias": self.alias, "index": None}
        index = indices[0]
        settings = self.client.indices.get_settings(index=index).body[index]["settings"]
        analyzer = settings["index"].get("analysis", {}).get("analyzer", {})
        filters = analyzer.get("catalogue_text", {}).get("filter", [])
        version = index.removeprefix(f"{self.alias}-v").split("-", 1)[0]
        properties = self.client.indices.get_mapping(index=index).body[index]["mappings"]
        return {
            "alias": self.alias,
            "index": index,
            "schema_version": int(version) if version.isdigit() else None,
            "rich_analysis": "asciifolding" in filters,
            "missing_fields": outdated_fields(properties.get("properties", {})),
        }
