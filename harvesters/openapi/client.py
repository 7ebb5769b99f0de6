"""API description client: one document, or a directory whose documents are read in turn.

For a directory (APIs.guru list.json), each API's description document is fetched too (option
``fetch_documents``, default on) because only the document says where the endpoint is and how
to authenticate. A document that cannot be fetched or read leaves that API with the
directory's facts and a warning; it never fails the job.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from harvesters.base import Harvester
from harvesters.exceptions import HarvestError
from harvesters.http import PageGuard
from harvesters.openapi.documents import parse_document
from harvesters.openapi.mapping import (
    is_directory,
    map_document,
    map_payload,
    merge_directory_record,
)
from harvesters.records import EntryRecord, Page

MAX_DOCUMENTS = 5000


class OpenApiHarvester(Harvester):
    protocol = "openapi"

    def fetch(self, url: str) -> Any:
        response = self.http.get(
            url, headers={"Accept": "application/json, application/yaml;q=0.9, */*;q=0.5"}
        )
        return parse_document(response.content, url=response.url)

    @staticmethod
    def map_payload(payload: Any, *, source_options: Mapping[str, Any], page_url: str = "") -> Page:
        return map_payload(payload, page_url=page_url)

    def pages(self) -> Iterator[tuple[str, Page]]:
        guard = PageGuard()
        url = self.context.cursor or self.first_url()
        guard.check_url(url)
        payload = self.fetch(url)
        page = self.map_payload(payload, source_options=self.context.options, page_url=url)
        if is_directory(payload) and self.context.options.get("fetch_documents", True):
            page = replace(page, records=tuple(self._described(r) for r in page.records))
        yield url, page

    def _described(self, listed: EntryRecord) -> EntryRecord:
        document_url = listed.endpoint_description_url
        if not document_url or self.http.requests_made > MAX_DOCUMENTS:
            return listed
        try:
            described = map_document(
                self.fetch(document_url), document_url=document_url, remote_id=listed.remote_id
            )
        except HarvestError as error:
            warning = f"description document {document_url} could not be read: {error}"
            return replace(listed, warnings=(*listed.warnings, warning[:300]))
        if not isinstance(described, EntryRecord):
            return replace(listed, warnings=(*listed.warnings, described.message))
        return merge_directory_record(listed, described)
