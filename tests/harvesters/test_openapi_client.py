"""The API description client over real HTTP: documents, YAML, directories."""

from __future__ import annotations

import json

from harvesters.base import HarvestContext
from harvesters.openapi.client import OpenApiHarvester
from harvesters.records import Page
from harvesters.registry import get_harvester_class

from .conftest import FixtureServer, read_fixture


def run(url: str, **options: object) -> list[tuple[str, Page]]:
    return list(OpenApiHarvester(HarvestContext(source_url=url, options=options)).pages())


def test_registered() -> None:
    assert get_harvester_class("openapi") is OpenApiHarvester


def test_yaml_document(fixture_server: FixtureServer) -> None:
    url = fixture_server.fixture_url("api_descriptions/bcgov_gwells_oas3.yaml")
    ((_url, page),) = run(url)
    (record,) = page.records
    assert record.remote_id == url and record.endpoint_description_url == url
    assert record.authentication == "api-key"


def test_directory_documents_are_read_for_endpoint_and_auth(fixture_server: FixtureServer) -> None:
    """Two directory entries: one whose document is served, one whose document is missing."""
    spec = fixture_server.fixture_url("api_descriptions/bcgov_route-planner_oas3.json")
    listing = {
        "gov.bc.ca:router": {
            "preferred": "2",
            "versions": {
                "2": {
                    "info": {"title": "Router", "x-providerName": "gov.bc.ca"},
                    "swaggerUrl": spec,
                }
            },
        },
        "gov.bc.ca:gone": {
            "preferred": "1",
            "versions": {
                "1": {"info": {"title": "Gone"}, "swaggerUrl": fixture_server.url("/status/404/x")}
            },
        },
    }
    fixture_server.add("/list.json", json.dumps(listing))
    ((_url, page),) = run(fixture_server.url("/list.json"))
    router, gone = page.records
    assert router.remote_id == "gov.bc.ca:router"
    assert router.title == "BC Route Planner REST API"
    assert router.endpoint_url == "https://router.api.gov.bc.ca/"
    assert router.authentication == "api-key"
    assert router.endpoint_description_url == spec
    assert gone.title == "Gone" and any("could not be read" in w for w in gone.warnings)


def test_directory_without_fetching_documents(fixture_server: FixtureServer) -> None:
    fixture_server.add("/list.json", read_fixture("api_descriptions/apis-guru-format_list.json"))
    ((_url, page),) = run(fixture_server.url("/list.json"), fetch_documents=False)
    assert len(page.records) == 34
    assert fixture_server.hits["/list.json"] == 1 and len(fixture_server.hits) == 1
