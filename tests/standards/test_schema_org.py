"""schema.org JSON-LD in detail pages: the types and properties dataset search engines read."""

from __future__ import annotations

import json
import re

import pytest
from django.template import Context, Template

pytestmark = pytest.mark.django_db


def render(entry) -> str:
    return Template("{% load standards_tags %}{% schema_org_jsonld entry %}").render(
        Context({"entry": entry})
    )


def data_of(html: str) -> dict:
    match = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', html, re.S)
    assert match, html[:200]
    return json.loads(match.group(1))


def test_dataset_has_what_google_dataset_guidance_asks(demo_catalogue):
    data = data_of(render(demo_catalogue["stops"]))
    assert data["@context"] == "https://schema.org" and data["@type"] == "Dataset"
    for key in (
        "name",
        "description",
        "url",
        "identifier",
        "license",
        "creator",
        "publisher",
        "keywords",
        "spatialCoverage",
        "temporalCoverage",
        "distribution",
        "includedInDataCatalog",
    ):
        assert data.get(key), key
    assert 50 <= len(data["description"]) <= 5000
    assert data["temporalCoverage"] == "2020-01-01/2024-12-31"
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    download = data["distribution"][0]
    assert download["@type"] == "DataDownload"
    assert download["contentUrl"] == "https://data.lyon.fr/stops.csv"
    assert download["encodingFormat"] == "text/csv"


def test_short_description_is_padded_to_fifty_characters(demo_catalogue):
    data = data_of(render(demo_catalogue["departures"]))
    assert len(data["description"]) >= 50


def test_api_ppp_and_challenge_types(demo_catalogue):
    api = data_of(render(demo_catalogue["api"]))
    assert api["@type"] == "WebAPI"
    assert api["documentation"].endswith("openapi.json")
    assert api["provider"]["name"] == "Transit Operator SA"
    ppp = data_of(render(demo_catalogue["ppp"]))
    assert ppp["@type"] == "Project"
    assert {m["roleName"] for m in ppp["member"]} == {"Operator", "Lender"}
    challenge = data_of(render(demo_catalogue["challenge"]))
    assert challenge["@type"] == ["Event", "CreativeWork"]
    assert challenge["startDate"].startswith("2024-03-01")
    assert challenge["offers"]["@type"] == "Offer" and challenge["offers"]["price"] == "0"
    assert any("10,000 EUR" in a for a in challenge["award"])


def test_script_cannot_be_closed_by_the_data(demo_catalogue):
    html = render(demo_catalogue["hostile"])
    inner = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "</" not in inner and "<script" not in inner.lower() and "<!--" not in inner
    data = data_of(html)
    assert data["name"] == demo_catalogue["hostile"].title  # escaped, not altered


def test_no_entry_renders_nothing(db):
    assert render(None) == ""


@pytest.mark.parametrize("key", ["stops", "api", "ppp", "challenge", "hostile"])
def test_every_detail_page_carries_it_in_the_head(client, demo_catalogue, key):
    entry = demo_catalogue[key]
    html = client.get(entry.get_absolute_url()).content.decode()
    head = html.split("</head>")[0]
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', head, re.S)
    assert match, "no JSON-LD in <head>"
    assert json.loads(match.group(1))["name"] == entry.title
    assert f'href="/{entry.type_path}/{entry.slug}.ttl"' in head
