"""The data.json client over real HTTP."""

from __future__ import annotations

import pytest

from harvesters.base import HarvestContext
from harvesters.datajson.client import DataJsonHarvester
from harvesters.exceptions import FetchError, PayloadError
from harvesters.records import Page
from harvesters.registry import get_harvester_class

from .conftest import FixtureServer


def run(url: str) -> list[tuple[str, Page]]:
    return list(DataJsonHarvester(HarvestContext(source_url=url)).pages())


def test_registered() -> None:
    assert get_harvester_class("datajson") is DataJsonHarvester


def test_one_document_one_page(fixture_server: FixtureServer) -> None:
    pages = run(fixture_server.fixture_url("dcat_us/consumerfinance_gov_data.json"))
    assert len(pages) == 1
    assert len(pages[0][1].records) == 11 and pages[0][1].next_url is None


def test_429_then_success(fixture_server: FixtureServer) -> None:
    pages = run(fixture_server.url("/retry/2/0/fixtures/arcgis/evian_hub_dcat-us_data.json"))
    assert len(pages[0][1].records) == 8


def test_html_instead_of_json_fails_the_job(fixture_server: FixtureServer) -> None:
    fixture_server.add("/data.json", b"<html>Not found</html>", content_type="text/html")
    with pytest.raises(PayloadError):
        run(fixture_server.url("/data.json"))


def test_truncated_document_fails_the_job(fixture_server: FixtureServer) -> None:
    with pytest.raises(FetchError):
        run(fixture_server.url("/truncated/fixtures/dcat_us/fda_gov_data.json"))
