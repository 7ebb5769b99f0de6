"""The OpenDataSoft client over real HTTP: Explore v2.1 offset paging, v1 URLs kept."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import yaml

from harvesters.base import HarvestContext
from harvesters.opendatasoft.client import CATALOG_PATH, OpenDataSoftHarvester
from harvesters.records import Page
from harvesters.registry import get_harvester_class

from .conftest import FixtureServer, read_fixture

EXAMPLES = yaml.safe_load(
    (
        Path(__file__).resolve().parent.parent
        / "fixtures/opendatasoft/eindhoven_explore-v2.0_openapi.yaml"
    ).read_text(encoding="utf-8")
)["components"]["examples"]
DATASETS = [d["dataset"] for d in EXAMPLES["datasets"]["value"]["datasets"]]


def run(url: str, **options: object) -> list[tuple[str, Page]]:
    return list(OpenDataSoftHarvester(HarvestContext(source_url=url, options=options)).pages())


def test_registered() -> None:
    assert get_harvester_class("opendatasoft") is OpenDataSoftHarvester


def test_explore_v21_pages(fixture_server: FixtureServer) -> None:
    def paged(query: dict[str, list[str]]) -> bytes:
        offset, limit = int(query["offset"][0]), int(query["limit"][0])
        return json.dumps({"total_count": 2, "results": DATASETS[offset : offset + limit]}).encode()

    fixture_server.add(CATALOG_PATH, paged)
    pages = run(fixture_server.url("/"), limit=1, where="publisher='x'")
    assert [len(page.records) for _url, page in pages] == [1, 1]
    assert parse_qs(urlsplit(pages[0][0]).query)["where"] == ["publisher='x'"]
    record = pages[0][1].records[0]
    assert record.remote_url.startswith(fixture_server.url("/explore/dataset/"))


def test_v1_search_url_is_kept(fixture_server: FixtureServer) -> None:
    fixture_server.add(
        "/api/datasets/1.0/search", read_fixture("opendatasoft/udata-ods_v1_search.json")
    )
    pages = run(fixture_server.url("/api/datasets/1.0/search?refine.publisher=test"))
    query = parse_qs(urlsplit(pages[0][0]).query)
    assert query["refine.publisher"] == ["test"] and query["rows"] == ["100"]
    assert len(pages[0][1].records) == 4
