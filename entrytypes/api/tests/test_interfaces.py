"""Access conditions in the JSON API, the CKAN API, DCAT-AP, schema.org and on the pages."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS

from tests.api.conftest import assert_matches_openapi

pytestmark = pytest.mark.django_db


def test_json_api_gives_the_conditions(client, api_catalogue):
    response = client.get("/api/v1/apis/departures-v1")
    assert_matches_openapi(response, "/api/v1/apis/{slug}")
    data = response.json()
    assert (data["cost_model"], data["registration"]) == ("free", "not-required")
    assert data["lifecycle"] == "deprecated"
    assert data["successor"]["slug"] == "departures-v2"
    unknown = client.get("/api/v1/apis/parking").json()
    assert (unknown["cost_model"], unknown["registration"], unknown["successor"]) == (
        "paid",
        None,
        None,
    )
    bare = client.get("/api/v1/apis/weather").json()
    assert (bare["cost_model"], bare["registration"]) == (None, None)
    listing = client.get("/api/v1/apis")
    assert_matches_openapi(listing, "/api/v1/apis")
    costs = {item["slug"]: item["cost_model"] for item in listing.json()["results"]}
    assert costs == {
        "departures-v1": "free",
        "departures-v2": "free-tier",
        "parking": "paid",
        "weather": None,
    }


def test_deprecated_api_page_links_its_successor(client, api_catalogue):
    html = client.get("/apis/departures-v1/").content.decode()
    assert "This API is deprecated." in html
    assert re.search(r'Use <a href="/apis/departures-v2/">Departures API v2</a> instead', html)
    assert "Free" in html and "No registration needed" in html
    newer = client.get("/apis/departures-v2/").content.decode()
    assert "Free tier with limits" in newer and "Registration required" in newer
    assert 'href="/apis/departures-v1/"' in newer  # "replaces"
    bare = client.get("/apis/weather/").content.decode()
    assert "Pricing" in bare and "Not stated" in bare


def test_ckan_extras_carry_the_conditions(client, api_catalogue):
    response = client.get("/api/3/action/package_show", {"id": "api--departures-v1"})
    extras = {pair["key"]: pair["value"] for pair in response.json()["result"]["extras"]}
    assert extras["cost_model"] == "free" and extras["registration"] == "not-required"
    assert extras["successor"] == "api--departures-v2"
    bare = client.get("/api/3/action/package_show", {"id": "api--weather"}).json()["result"]
    assert not {"cost_model", "registration", "successor"} & {p["key"] for p in bare["extras"]}


def test_dcat_says_what_replaces_the_api(client, api_catalogue):
    response = client.get("/apis/departures-v1.ttl")
    graph = Graph().parse(data=response.content.decode(), format="turtle")
    v1 = next(s for s in graph.subjects() if str(s).endswith("/apis/departures-v1/"))
    replaced = set(graph.objects(v1, DCTERMS.isReplacedBy))
    assert [str(o) for o in replaced] and str(next(iter(replaced))).endswith("departures-v2/")
    newer = Graph().parse(data=client.get("/apis/departures-v2.ttl").content, format="turtle")
    assert URIRef(str(v1)) in set(newer.objects(next(iter(replaced)), DCTERMS.replaces))


def _web_api(client: Any, path: str) -> dict[str, Any]:
    html = client.get(path).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return next(n for n in map(json.loads, blocks) if n.get("@type") == "WebAPI")


def test_schema_org_offer_states_the_price(client, api_catalogue):
    free = _web_api(client, "/apis/departures-v1/")["offers"]
    assert free == {"@type": "Offer", "description": "Free", "price": 0}
    paid = _web_api(client, "/apis/parking/")["offers"]
    assert paid == {"@type": "Offer", "description": "Paid"}  # no invented price
    assert "offers" not in _web_api(client, "/apis/weather/")
