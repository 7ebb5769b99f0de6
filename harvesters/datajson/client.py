"""data.json client: one document per source (data.json has no paging)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from harvesters.base import Harvester
from harvesters.datajson.mapping import map_catalog
from harvesters.jsonnorm.fetch import get_json
from harvesters.records import Page


class DataJsonHarvester(Harvester):
    """A Project Open Data / DCAT-US 3 ``data.json`` (agencies, Socrata, ArcGIS Hub)."""

    protocol = "datajson"

    def fetch(self, url: str) -> Any:
        return get_json(self.http, url)

    @staticmethod
    def map_payload(payload: Any, *, source_options: Mapping[str, Any], page_url: str = "") -> Page:
        return map_catalog(payload, page_url=page_url)
