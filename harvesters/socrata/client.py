"""Socrata Discovery API client: ``/api/catalog/v1`` in offset/limit pages.

The source URL is a Socrata domain (``https://data.cityofchicago.org``) or a full
``/api/catalog/v1?...`` URL whose filters are kept. The domain's own catalog endpoint is asked,
restricted to that domain (``domains=`` + ``search_context=``), for datasets only (option
``only``, default ``dataset``), ``limit`` per page (option, default 1000). Paging stops at
``resultSetSize`` or a short page; the shared guard stops a server that repeats a page.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from harvesters.base import Harvester
from harvesters.jsonnorm.fetch import get_json
from harvesters.records import Page
from harvesters.socrata.mapping import map_catalog_page

DEFAULT_LIMIT = 1000
MAX_LIMIT = 10_000


def catalog_url(source_url: str, options: Mapping[str, Any]) -> str:
    parts = urlsplit(source_url)
    params = dict(parse_qsl(parts.query))
    host = parts.hostname or ""
    params.setdefault("domains", host)
    params.setdefault("search_context", host)
    params.setdefault("only", str(options.get("only", "dataset")))
    try:
        limit = int(options.get("limit", params.get("limit", DEFAULT_LIMIT)))
    except (TypeError, ValueError):
        limit = DEFAULT_LIMIT
    params["limit"] = str(max(1, min(limit, MAX_LIMIT)))
    params["offset"] = "0"
    path = parts.path if parts.path.rstrip("/").endswith("/api/catalog/v1") else "/api/catalog/v1"
    return urlunsplit((parts.scheme, parts.netloc, path, urlencode(params), ""))


class SocrataHarvester(Harvester):
    protocol = "socrata"

    def first_url(self) -> str:
        return catalog_url(self.context.source_url, self.context.options)

    def fetch(self, url: str) -> Any:
        return get_json(self.http, url)

    @staticmethod
    def map_payload(payload: Any, *, source_options: Mapping[str, Any], page_url: str = "") -> Page:
        return map_catalog_page(payload, page_url=page_url)
