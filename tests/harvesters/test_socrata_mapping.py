"""Socrata Discovery API results and legacy view metadata → records (golden), hostile input."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from harvesters.exceptions import PayloadError
from harvesters.records import EntryRecord, Page, RecordError
from harvesters.socrata.mapping import map_catalog_page, map_result

from .jsonish import json_values, objects

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "socrata"
PAGE_URL = "https://data.example.org/api/catalog/v1?domains=data.example.org&limit=3&offset=0"


def load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def test_discovery_results() -> None:
    page = map_catalog_page(load("discovery_catalog_v1_constructed.json"), page_url=PAGE_URL)
    assert [r.remote_id for r in page.records] == ["7ray-xvet", "hdr6-7r95", "cnaz-c5je"]
    assert page.extras == {"count": "3"} and page.next_url is None  # resultSetSize reached
    chicago = page.records[0]
    assert chicago.title == "Performance Metrics - Buildings - Time to Issue Easy Permits"
    assert chicago.identifier == "https://data.cityofchicago.org/d/7ray-xvet"  # its own domain
    assert chicago.publisher is not None and chicago.publisher.name == "City of Chicago"
    assert chicago.keywords == ("performance metrics", "buildings", "permits")
    assert "ECON" in chicago.themes  # "Administration & Finance"
    assert chicago.frequency == "WEEKLY"  # "Data is updated weekly"
    assert chicago.issued == dt.datetime(2011, 9, 27, 13, 35, 54, tzinfo=dt.UTC)
    assert chicago.modified == dt.datetime(2013, 6, 20, 14, 17, 18, tzinfo=dt.UTC)
    assert [d.format for d in chicago.distributions] == ["CSV", "JSON", "API"]
    assert chicago.distributions[0].download_url == (
        "https://data.cityofchicago.org/api/views/7ray-xvet/rows.csv?accessType=DOWNLOAD"
    )
    assert "Week" in dict(chicago.extras)["columns"]
    # volatile counters never reach the record (they would change its hash every day)
    assert "213" not in repr(chicago) and "page_views" not in repr(chicago)
    nyc = page.records[1]
    assert nyc.frequency == "ANNUAL"
    assert all(len(value) <= 500 for _key, value in nyc.extras if _key != "columns")


def test_legacy_view_metadata() -> None:
    page = map_catalog_page(
        load("views_data.cityofnewyork.us_hdr6-7r95.json"),
        page_url="https://data.cityofnewyork.us/api/views/hdr6-7r95.json",
    )
    (record,) = page.records
    assert record.title == "Map of Monuments"
    assert record.landing_page == "https://data.cityofnewyork.us/d/hdr6-7r95"
    assert record.publisher is not None
    assert record.publisher.name == "Department of Parks and Recreation (DPR)"
    assert record.issued == dt.datetime(2011, 10, 7, 18, 45, 46, tzinfo=dt.UTC)  # epoch seconds


def test_paging_by_offset() -> None:
    results = load("discovery_catalog_v1_constructed.json")["results"]
    payload = {"results": results, "resultSetSize": 10}
    page = map_catalog_page(payload, page_url=PAGE_URL)
    assert page.next_url is not None and "offset=3" in page.next_url
    assert map_catalog_page({"results": [], "resultSetSize": 0}, page_url=PAGE_URL).next_url is None
    with pytest.raises(PayloadError, match="lists none"):  # a broken listing, not an empty one
        map_catalog_page({"results": [], "resultSetSize": 10}, page_url=PAGE_URL)


def test_non_data_assets_are_left_out_and_bad_ones_reported() -> None:
    story = {"resource": {"id": "abcd-1234", "name": "A story", "type": "story"}}
    page = map_catalog_page({"results": [story, {"resource": {"name": "x"}}, 7]})
    assert page.records == ()
    assert [(e.remote_id, e.field) for e in page.errors] == [("#1", "id"), ("#2", "")]


@pytest.mark.parametrize("payload", [None, [1, 2], {"results": "x"}, {"foo": 1}])
def test_not_a_catalog_response(payload: Any) -> None:
    if isinstance(payload, list):  # a list of views: each bad one is a record error
        assert len(map_catalog_page(payload).errors) == 2
        return
    with pytest.raises(PayloadError):
        map_catalog_page(payload)


KEYS = [
    "resource",
    "classification",
    "metadata",
    "permalink",
    "link",
    "owner",
    "id",
    "name",
    "type",
    "description",
    "attribution",
    "createdAt",
    "updatedAt",
    "domain_category",
    "domain_tags",
    "domain_metadata",
    "key",
    "value",
    "license",
    "domain",
    "parent_fxf",
    "columns_name",
    "viewType",
    "tags",
    "category",
    "rowsUpdatedAt",
]


@settings(max_examples=150, deadline=None)
@given(objects(KEYS))
def test_any_result_gives_a_record_or_an_error(item: dict[str, Any]) -> None:
    result = map_result(item, domain="data.example.org")
    assert result is None or isinstance(result, EntryRecord | RecordError)


@settings(max_examples=100, deadline=None)
@given(json_values(["results", "resultSetSize", *KEYS]))
def test_any_payload_gives_a_page_or_a_payload_error(payload: Any) -> None:
    with contextlib.suppress(PayloadError):
        assert isinstance(map_catalog_page(payload, page_url=PAGE_URL), Page)
