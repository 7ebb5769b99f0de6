"""The CKAN client over real HTTP: keyset paging, incremental runs, retries, loops."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from benchmarks.ckan_server import CkanCatalogue, generate
from harvesters.base import HarvestContext
from harvesters.ckan.client import CkanHarvester
from harvesters.exceptions import FetchError, PagingError, PayloadError
from harvesters.registry import get_harvester_class

from .conftest import FixtureServer, Route

SEARCH = "/api/3/action/package_search"


def serve_catalogue(server: FixtureServer, count: int) -> CkanCatalogue:
    catalogue = CkanCatalogue(generate(count))
    server.add(SEARCH, catalogue.package_search)
    return catalogue


def harvest(source_url: str, **context: Any) -> tuple[CkanHarvester, list[Any]]:
    harvester = CkanHarvester(HarvestContext(source_url=source_url, **context))
    return harvester, list(harvester.pages())


def test_registered() -> None:
    assert get_harvester_class("ckan") is CkanHarvester


def test_pages_through_everything_in_a_stable_order(fixture_server: FixtureServer) -> None:
    serve_catalogue(fixture_server, 25)
    harvester, pages = harvest(fixture_server.url("/"), options={"rows": 10})
    ids = [r.remote_id for _url, page in pages for r in page.records]
    assert len(ids) == len(set(ids)) == 25
    assert harvester.lists_everything
    first = parse_qs(urlsplit(pages[0][0]).query)
    assert first["sort"] == ["metadata_modified asc,id asc"]
    assert first["rows"] == ["10"] and "fq" not in first
    # Later pages are keyset pages: from the last timestamp seen, not a growing offset.
    second = parse_qs(urlsplit(pages[1][0]).query)
    assert second["start"] == ["0"]
    assert second["fq"][0].startswith("metadata_modified:[2020-01-01T00:05:")
    modified = [r.modified for _url, page in pages for r in page.records]
    assert modified == sorted(modified)


def test_a_site_api_url_keeps_its_query_as_a_filter(fixture_server: FixtureServer) -> None:
    serve_catalogue(fixture_server, 3)
    source = fixture_server.url(SEARCH + "?q=parking&fq=organization:gap")
    harvester, pages = harvest(source)
    query = parse_qs(urlsplit(pages[0][0]).query)
    assert query["q"] == ["parking"] and query["fq"] == ["(organization:gap)"]
    assert pages[0][1].records[0].remote_url.startswith(fixture_server.url("/dataset/bench-"))


def test_incremental_run_asks_only_for_changes(fixture_server: FixtureServer) -> None:
    serve_catalogue(fixture_server, 300)  # one dataset per 37 s from 2020-01-01
    since = dt.datetime(2020, 1, 1, 2, 0, tzinfo=dt.UTC)
    harvester, pages = harvest(fixture_server.url("/"), since=since, options={"rows": 50})
    assert not harvester.lists_everything  # the loader must not withdraw the rest
    assert (
        "metadata_modified:[2020-01-01T01:00:00.000Z TO *]"
        in parse_qs(urlsplit(pages[0][0]).query)["fq"][0]
    )
    records = [r for _url, page in pages for r in page.records]
    assert records and all(
        r.modified and r.modified >= since - dt.timedelta(hours=1) for r in records
    )
    assert len(records) == 300 - 98  # datasets 0..97 (37 s apart) are older than the margin


def test_incremental_can_be_switched_off(fixture_server: FixtureServer) -> None:
    serve_catalogue(fixture_server, 5)
    harvester, pages = harvest(
        fixture_server.url("/"),
        since=dt.datetime(2030, 1, 1, tzinfo=dt.UTC),
        options={"incremental": False},
    )
    assert harvester.lists_everything
    assert sum(len(page.records) for _url, page in pages) == 5


def test_resumes_from_a_cursor(fixture_server: FixtureServer) -> None:
    serve_catalogue(fixture_server, 30)
    _harvester, pages = harvest(fixture_server.url("/"), options={"rows": 10})
    cursor = pages[1][0]
    _harvester, resumed = harvest(fixture_server.url("/"), cursor=cursor, options={"rows": 10})
    assert [url for url, _page in resumed] == [url for url, _page in pages[1:]]


def test_429_then_success(fixture_server: FixtureServer) -> None:
    catalogue = CkanCatalogue(generate(3))
    fixture_server.add(
        SEARCH,
        [
            Route(b'{"error": "slow down"}', status=429, headers={"Retry-After": "0"}),
            Route(catalogue.package_search),
        ],
    )
    _harvester, pages = harvest(fixture_server.url("/"))
    assert sum(len(page.records) for _url, page in pages) == 3
    assert fixture_server.hits[SEARCH] == 2


def test_server_errors_fail_the_job_after_retries(fixture_server: FixtureServer) -> None:
    fixture_server.add(SEARCH, b"{}", status=503)
    with pytest.raises(FetchError):
        harvest(fixture_server.url("/"))


def test_a_server_ignoring_paging_is_stopped(fixture_server: FixtureServer) -> None:
    """A portal that answers the same full page whatever is asked must not loop for ever."""
    catalogue = CkanCatalogue(generate(10))
    same_page = catalogue.package_search({"rows": ["5"]})
    fixture_server.add(SEARCH, same_page)
    with pytest.raises(PagingError):
        harvest(fixture_server.url("/"), options={"rows": 5})


def test_one_timestamp_for_a_whole_page_pages_by_offset(fixture_server: FixtureServer) -> None:
    packages = generate(12)
    for package in packages:
        package["metadata_modified"] = "2021-05-05T05:05:05.000005"
    fixture_server.add(SEARCH, CkanCatalogue(packages).package_search)
    _harvester, pages = harvest(fixture_server.url("/"), options={"rows": 5})
    ids = [r.remote_id for _url, page in pages for r in page.records]
    assert len(ids) == len(set(ids)) == 12
    assert [parse_qs(urlsplit(url).query)["start"] for url, _page in pages] == [
        ["0"],
        ["5"],
        ["10"],
    ]


def test_not_json_fails_the_page(fixture_server: FixtureServer) -> None:
    fixture_server.add(SEARCH, b"<html>maintenance</html>", content_type="text/html")
    with pytest.raises(PayloadError):
        harvest(fixture_server.url("/"))


def test_truncated_body_is_retried_then_fails(fixture_server: FixtureServer) -> None:
    source = fixture_server.url("/truncated/fixtures/ckan/birmingham_package_search.json")
    harvester = CkanHarvester(HarvestContext(source_url=source))
    with pytest.raises(FetchError):
        harvester.fetch(source)
