"""The Socrata client over real HTTP: offset paging to resultSetSize, 429, repeated pages."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from harvesters.base import HarvestContext
from harvesters.exceptions import PagingError
from harvesters.records import Page
from harvesters.registry import get_harvester_class
from harvesters.socrata.client import SocrataHarvester

from .conftest import FixtureServer, Route

RESULTS = json.loads(
    (
        Path(__file__).resolve().parent.parent
        / "fixtures/socrata/discovery_catalog_v1_constructed.json"
    ).read_text(encoding="utf-8")
)["results"]
CATALOG = "/api/catalog/v1"


def paged(query: dict[str, list[str]]) -> bytes:
    offset, limit = int(query["offset"][0]), int(query["limit"][0])
    return json.dumps(
        {"results": RESULTS[offset : offset + limit], "resultSetSize": len(RESULTS)}
    ).encode()


def run(url: str, **options: object) -> list[tuple[str, Page]]:
    return list(SocrataHarvester(HarvestContext(source_url=url, options=options)).pages())


def test_registered() -> None:
    assert get_harvester_class("socrata") is SocrataHarvester


def test_pages_by_offset_until_result_set_size(fixture_server: FixtureServer) -> None:
    fixture_server.add(CATALOG, paged)
    pages = run(fixture_server.url("/"), limit=2)
    assert [len(page.records) for _url, page in pages] == [2, 1]
    query = parse_qs(urlsplit(pages[0][0]).query)
    assert query["domains"] == ["127.0.0.1"] and query["only"] == ["dataset"]
    assert parse_qs(urlsplit(pages[1][0]).query)["offset"] == ["2"]


def test_429_then_success(fixture_server: FixtureServer) -> None:
    fixture_server.add(
        CATALOG, [Route(b"{}", status=429, headers={"Retry-After": "0"}), Route(paged)]
    )
    pages = run(fixture_server.url("/"))
    assert len(pages[0][1].records) == 3


def test_a_server_ignoring_offset_is_stopped(fixture_server: FixtureServer) -> None:
    fixture_server.add(CATALOG, json.dumps({"results": RESULTS[:2], "resultSetSize": 50}))
    with pytest.raises(PagingError):
        run(fixture_server.url("/"), limit=2)
