"""Access rights honoured everywhere (issue 10): a restricted or non-public dataset's metadata
stays public, as DCAT intends, but no layer publishes the addresses of its files: not its
page, not the CSV/JSONL exports, not DCAT-AP, DCAT-US or data.json, not schema.org, not the
CKAN API, not the JSON API. Its page says how to request access. The rule lives in
catalogue.access; a public dataset beside it keeps its links."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
import rdflib
from django.test import Client

from catalogue.access import distribution_links, downloads_public
from tests.factories import make_entry, make_organisation

pytestmark = pytest.mark.django_db

SECRET = "secret.example"
DISTRIBUTIONS = [
    {
        "title": "Patient records",
        "format": "csv",
        "download_url": f"https://{SECRET}/records.csv",
        "access_url": f"https://{SECRET}/portal",
    }
]


@pytest.fixture
def entries() -> dict[str, object]:
    hospital = make_organisation(name="Hospital", slug="hospital", email="data@hospital.example")
    return {
        "restricted": make_entry(
            "dataset",
            title="Patient records",
            slug="patient-records",
            publisher=hospital,
            access_rights="restricted",
            contact_email="access@hospital.example",
            landing_page="https://hospital.example/records",
            distributions=DISTRIBUTIONS,
        ),
        "closed": make_entry(
            "dataset",
            title="Staff files",
            slug="staff-files",
            publisher=hospital,
            access_rights="non-public",
            distributions=[{"format": "xlsx", "download_url": f"https://{SECRET}/staff.xlsx"}],
        ),
        "open": make_entry(
            "dataset",
            title="Bed counts",
            slug="bed-counts",
            publisher=hospital,
            distributions=[{"format": "csv", "download_url": "https://open.example/beds.csv"}],
        ),
    }


def body(response) -> str:
    assert response.status_code == 200, response.content[:300]
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def test_the_rule(entries) -> None:
    restricted, public = entries["restricted"], entries["open"]
    assert not downloads_public(restricted) and not downloads_public("non-public")
    assert downloads_public(public) and downloads_public("public")
    links = distribution_links(restricted, restricted.distributions.first())
    assert links.url == "" and links.withheld
    assert distribution_links(public, public.distributions.first()).url.endswith("beds.csv")


def test_the_page_describes_the_files_and_says_how_to_request_access(client: Client, entries):
    html = body(client.get("/datasets/patient-records/"))
    assert SECRET not in html  # neither the table nor the schema.org JSON-LD in the head
    assert "Patient records" in html and "CSV" in html  # the metadata stays
    assert "To request access" in html and "mailto:access@hospital.example" in html
    jsonld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert jsonld and json.loads(jsonld.group(1))["isAccessibleForFree"] is False
    closed = body(client.get("/datasets/staff-files/"))
    assert SECRET not in closed and "mailto:data@hospital.example" in closed  # the publisher's
    assert "https://open.example/beds.csv" in body(client.get("/datasets/bed-counts/"))


def test_the_exports_leave_the_urls_out(client: Client, entries) -> None:
    text = body(client.get("/export.csv?type=dataset"))
    rows = {r["title"]: r for r in csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))}
    assert rows["Patient records"]["download_urls"] == ""
    assert rows["Patient records"]["access_rights"] == "restricted"
    assert "beds.csv" in rows["Bed counts"]["download_urls"]
    lines = [json.loads(line) for line in body(client.get("/export.jsonl")).splitlines()]
    by_title = {line["title"]: line for line in lines}
    assert by_title["Staff files"]["download_urls"] == []
    assert SECRET not in text and all(SECRET not in json.dumps(line) for line in lines)


def test_dcat_ap_points_at_the_landing_page_instead(client: Client, entries) -> None:
    graph = rdflib.Graph().parse(
        data=body(client.get("/datasets/patient-records.ttl")), format="turtle"
    )
    dcat = rdflib.Namespace("http://www.w3.org/ns/dcat#")
    assert not list(graph.objects(None, dcat.downloadURL))
    access = {str(o) for o in graph.objects(None, dcat.accessURL)}
    assert access and all(SECRET not in url for url in access)
    assert access == {"https://hospital.example/records"}  # its landing page stays
    catalog = body(client.get("/catalog.ttl"))
    assert SECRET not in catalog and "https://open.example/beds.csv" in catalog


def test_dcat_us_and_data_json_leave_the_urls_out(client: Client, entries) -> None:
    for url in ("/data.json", "/dcat-us-3.json"):
        text = body(client.get(url))
        assert SECRET not in text, url
        assert "https://open.example/beds.csv" in text, url


def test_the_ckan_api_resources_have_no_url(client: Client, entries) -> None:
    package = client.get("/api/3/action/package_show?id=patient-records").json()["result"]
    assert package["resources"][0]["format"].upper() == "CSV"
    assert package["resources"][0]["url"] == ""
    assert SECRET not in json.dumps(package)
    found = client.get("/api/3/action/package_search?rows=10").json()["result"]
    assert SECRET not in json.dumps(found) and "beds.csv" in json.dumps(found)


def test_the_json_api_leaves_the_urls_out(client: Client, entries) -> None:
    data = client.get("/api/v1/datasets/patient-records").json()
    assert data["access_rights"] == "restricted"
    assert data["contact_point"]["email"] == "access@hospital.example"
    assert data["distributions"][0]["format"] == "csv"
    assert data["distributions"][0]["download_url"] is None
    assert data["distributions"][0]["access_url"] is None
    listing = client.get("/api/v1/datasets").content.decode()
    assert SECRET not in listing
