"""Access rights cover an API's addresses (issue 10): a restricted API's endpoint, its
description document and its sandbox are its access points, as a dataset's download URLs are
its files. Its metadata stays public everywhere; no page, export or API publishes the three
addresses; a public API beside it keeps them. The rule is catalogue.access.endpoint_links."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import pytest
import rdflib
from django.test import Client

from catalogue.access import endpoint_links
from tests.factories import make_entry, make_organisation

pytestmark = pytest.mark.django_db

SECRET = "internal.example"
ADDRESSES: dict[str, Any] = {
    "endpoint_url": f"https://{SECRET}/v2",
    "endpoint_description_url": f"https://{SECRET}/openapi.json",
    "sandbox_url": f"https://sandbox.{SECRET}/v2",
}


@pytest.fixture
def apis(settings) -> dict[str, object]:
    settings.PUBLIC_BASE_URL = "http://catalogue.test"
    hospital = make_organisation(name="Hospital", slug="hospital", email="data@hospital.example")
    return {
        "restricted": make_entry(
            "api",
            title="Patient lookup API",
            slug="patient-lookup",
            publisher=hospital,
            access_rights="restricted",
            api_type="rest",
            landing_page="https://hospital.example/api",
            contact_email="access@hospital.example",
            **ADDRESSES,
        ),
        "open": make_entry(
            "api",
            title="Bed count API",
            slug="bed-count",
            publisher=hospital,
            api_type="rest",
            endpoint_url="https://open.example/beds",
            endpoint_description_url="https://open.example/beds/openapi.json",
            sandbox_url="https://sandbox.open.example/beds",
        ),
    }


def body(response) -> str:
    assert response.status_code == 200, response.content[:300]
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def test_the_rule(apis) -> None:
    links = endpoint_links(apis["restricted"])
    assert links.withheld and not (links.endpoint_url or links.sandbox_url)
    assert endpoint_links(apis["open"]).sandbox_url == "https://sandbox.open.example/beds"


def test_the_page_and_its_schema_org_withhold_them(client: Client, apis) -> None:
    html = body(client.get("/apis/patient-lookup/"))
    assert SECRET not in html
    assert "Patient lookup API" in html and "To request access" in html
    assert "mailto:access@hospital.example" in html
    jsonld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert jsonld and "documentation" not in json.loads(jsonld.group(1))
    open_page = body(client.get("/apis/bed-count/"))
    assert "https://open.example/beds" in open_page and "sandbox.open.example" in open_page


def test_dcat_ap_gives_the_landing_page_as_endpoint(client: Client, apis) -> None:
    graph = rdflib.Graph().parse(data=body(client.get("/apis/patient-lookup.ttl")), format="ttl")
    dcat = rdflib.Namespace("http://www.w3.org/ns/dcat#")
    assert {str(o) for o in graph.objects(None, dcat.endpointURL)} == {
        "https://hospital.example/api"
    }
    assert not list(graph.objects(None, dcat.endpointDescription))
    catalog = body(client.get("/catalog.ttl"))
    assert SECRET not in catalog and "https://open.example/beds/openapi.json" in catalog


def test_dcat_us_and_data_json_withhold_them(client: Client, apis) -> None:
    for url in ("/data.json", "/dcat-us-3.json"):
        text = body(client.get(url))
        assert SECRET not in text, url
        assert "https://open.example/beds" in text, url
        assert "Patient lookup API" in text, url  # the metadata stays


def test_the_csv_and_jsonl_exports_withhold_them(client: Client, apis) -> None:
    text = body(client.get("/export.csv?type=api"))
    rows = {r["title"]: r for r in csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))}
    assert rows["Patient lookup API"]["endpoint_url"] == ""
    assert rows["Bed count API"]["endpoint_url"] == "https://open.example/beds"
    assert SECRET not in text and SECRET not in body(client.get("/export.jsonl"))


def test_the_ckan_api_keeps_the_resources_without_urls(client: Client, apis) -> None:
    package = client.get("/api/3/action/package_show?id=api--patient-lookup").json()["result"]
    assert len(package["resources"]) == 3  # endpoint, description, sandbox: described
    assert {r["url"] for r in package["resources"]} == {""}
    assert SECRET not in json.dumps(package)
    found = client.get("/api/3/action/package_search?rows=10").json()["result"]
    assert SECRET not in json.dumps(found) and "https://open.example/beds" in json.dumps(found)


def test_the_json_api_and_search_withhold_them(client: Client, apis) -> None:
    data = client.get("/api/v1/apis/patient-lookup").json()
    assert data["access_rights"] == "restricted" and data["api_type"] == "rest"
    assert data["endpoint_url"] is None and data["sandbox_url"] is None
    assert data["endpoint_description_url"] is None
    assert client.get("/api/v1/apis/bed-count").json()["endpoint_url"] == (
        "https://open.example/beds"
    )
    for url in ("/api/v1/apis", "/api/v1/search?q=API", "/search/?q=API"):
        assert SECRET not in body(client.get(url)), url
