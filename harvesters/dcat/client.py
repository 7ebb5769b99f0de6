"""The DCAT harvester: fetch a catalogue page (any RDF serialisation), follow Hydra paging."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..base import Harvester
from ..records import Page
from . import mapping

ACCEPT = (
    "text/turtle, application/rdf+xml;q=0.9, application/ld+json;q=0.9, "
    "application/n-triples;q=0.8, */*;q=0.1"
)


class DcatHarvester(Harvester):
    protocol = "dcat"

    def fetch(self, url: str) -> dict[str, Any]:
        response = self.http.get(url, headers={"Accept": ACCEPT})
        return {
            "content": response.content,
            "content_type": response.content_type,
            "url": response.url,
        }

    @staticmethod
    def map_payload(payload: Any, *, source_options: Mapping[str, Any], page_url: str = "") -> Page:
        return mapping.map_payload(payload, source_options=source_options, page_url=page_url)
