"""A minimal test protocol: JSON pages of records, so loader tests control every field.

Page format: ``{"records": [{...EntryRecord fields...}], "errors": [...], "next": url}``.
It goes through the real HTTP policy and the real loader; only the mapping is trivial.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from harvesters.base import Harvester
from harvesters.exceptions import PayloadError
from harvesters.records import (
    DistributionRecord,
    EntryRecord,
    OrganisationRecord,
    Page,
    RecordError,
)


class JsonTestHarvester(Harvester):
    protocol = "test-json"

    def fetch(self, url: str) -> Any:
        return self.http.get(url).content

    @staticmethod
    def map_payload(payload: Any, *, source_options: Mapping[str, Any], page_url: str = "") -> Page:
        try:
            data = json.loads(payload)
        except ValueError as exc:
            raise PayloadError(f"not JSON: {exc}") from exc
        records = []
        errors = [RecordError(**e) for e in data.get("errors", [])]
        for raw in data.get("records", []):
            raw = dict(raw)
            if raw.get("publisher"):
                raw["publisher"] = OrganisationRecord(**raw["publisher"])
            raw["distributions"] = tuple(
                DistributionRecord(**d) for d in raw.get("distributions", [])
            )
            for name in ("keywords", "themes", "countries", "languages", "serves_refs", "warnings"):
                if name in raw:
                    raw[name] = tuple(raw[name])
            for name in ("modified", "issued"):
                if raw.get(name):
                    raw[name] = dt.datetime.fromisoformat(raw[name])
            records.append(EntryRecord(**raw))
        return Page(records=tuple(records), errors=tuple(errors), next_url=data.get("next"))


class IncrementalJsonTestHarvester(JsonTestHarvester):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lists_everything = False
