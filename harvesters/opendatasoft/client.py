"""OpenDataSoft Explore API v2.1 client: ``/api/explore/v2.1/catalog/datasets`` pages.

The source URL is the portal (``https://data.example.org``) or a full catalog URL (v2.1, v2.0
or the v1 search API) whose filters are kept. Pages of ``limit`` datasets (option, the API's
maximum 100) follow ``offset`` up to ``total_count``, or the ``next`` link of v2.0.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from harvesters.base import Harvester
from harvesters.jsonnorm.fetch import get_json
from harvesters.opendatasoft.mapping import map_catalog_page
from harvesters.records import Page

CATALOG_PATH = "/api/explore/v2.1/catalog/datasets"
MAX_LIMIT = 100


def catalog_url(source_url: str, options: Mapping[str, Any]) -> str:
    parts = urlsplit(source_url)
    params = dict(parse_qsl(parts.query))
    if "/api/" in parts.path:  # a catalog URL given in full: keep its version and filters
        path = parts.path
        if "rows" in params or path.rstrip("/").endswith("/search"):
            params.setdefault("rows", "100")
            params.setdefault("start", "0")
            return urlunsplit((parts.scheme, parts.netloc, path, urlencode(params), ""))
    else:
        path = CATALOG_PATH
    try:
        limit = int(options.get("limit", params.get("limit", MAX_LIMIT)))
    except (TypeError, ValueError):
        limit = MAX_LIMIT
    params["limit"] = str(max(1, min(limit, MAX_LIMIT)))
    params["offset"] = "0"
    if isinstance(options.get("where"), str):
        params["where"] = options["where"]
    return urlunsplit((parts.scheme, parts.netloc, path, urlencode(params), ""))


class OpenDataSoftHarvester(Harvester):
    protocol = "opendatasoft"

    def first_url(self) -> str:
        return catalog_url(self.context.source_url, self.context.options)

    def fetch(self, url: str) -> Any:
        return get_json(self.http, url)

    @staticmethod
    def map_payload(payload: Any, *, source_options: Mapping[str, Any], page_url: str = "") -> Page:
        return map_catalog_page(payload, page_url=page_url)
