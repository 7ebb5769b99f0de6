"""No publisher is invented from the harvest source's owner (issue 10, ADR 0023).

A real CKAN portal's DCAT (demo.ckan.org) is harvested with every dataset's dct:publisher
stripped except one. The stripped entries belong to the source's owner (the cataloguing
organisation), but no document presents the owner as their publisher: DCAT-AP leaves
dct:publisher out and still passes the SEMIC shapes, data.json and DCAT-US 3 (which require a
publisher) leave them out and count them in a header, schema.org names no publisher, the JSON
API answers ``publisher: null`` beside ``catalogued_by``, the page says "Catalogued by", and
the quality score reports the publisher as missing. The entry that kept its publisher keeps it
everywhere.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import DCAT, DCTERMS, RDF

from catalogue.models import Entry
from tests.standards.harvest import harvest_text
from tests.standards.shacl import parse, violations
from tests.standards.test_datajson import validator as pod_validator
from tests.standards.test_dcat_us3 import errors_of

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures/dcat/demo_ckan_org_catalog_2016.ttl"
OWNER = "Harvest owner"

pytestmark = pytest.mark.django_db


def _payload_without_publishers() -> tuple[bytes, str]:
    """The portal's catalogue with dct:publisher removed from all datasets but the first;
    returns the Turtle and the title of the dataset that kept its publisher."""
    graph = rdflib.Graph().parse(FIXTURE, format="turtle")
    datasets = sorted(graph.subjects(RDF.type, DCAT.Dataset), key=str)
    kept = next(d for d in datasets if graph.value(d, DCTERMS.publisher) is not None)
    for dataset in datasets:
        if dataset != kept:
            graph.remove((dataset, DCTERMS.publisher, None))
    return graph.serialize(format="turtle").encode(), str(graph.value(kept, DCTERMS.title))


@pytest.fixture
def harvested(settings) -> dict[str, object]:
    settings.PUBLIC_BASE_URL = "http://catalogue.test"
    payload, kept_title = _payload_without_publishers()
    harvest_text(payload, content_type="text/turtle", url="https://demo.ckan.org/catalog.ttl")
    entries = Entry.objects.published().select_related("publisher")
    unstated = [e for e in entries if not e.publisher_stated]
    stated = [e for e in entries if e.publisher_stated]
    assert len(unstated) >= 2 and [e.title for e in stated] == [kept_title]
    assert {e.publisher.name for e in unstated} == {OWNER}  # the cataloguing organisation
    assert stated[0].publisher.name != OWNER
    return {"unstated": unstated, "stated": stated[0]}


def _streamed(response) -> str:
    assert response.status_code == 200, response
    return b"".join(response.streaming_content).decode()


def test_dcat_ap_leaves_dct_publisher_out_and_still_validates(client, harvested) -> None:
    graph = parse(_streamed(client.get("/catalog.ttl")), "turtle")
    for entry in harvested["unstated"]:
        iri = rdflib.URIRef("http://catalogue.test" + entry.get_absolute_url())
        assert (iri, RDF.type, None) in graph
        assert graph.value(iri, DCTERMS.publisher) is None, entry.title
    owners = [o for o in graph.objects(None, rdflib.FOAF.name) if str(o) == OWNER]
    assert owners == []  # the owner is not even described as an agent
    kept = rdflib.URIRef("http://catalogue.test" + harvested["stated"].get_absolute_url())
    assert graph.value(kept, DCTERMS.publisher) is not None
    # dct:publisher is recommended, not mandatory, for dcat:Dataset in DCAT-AP 3.0.1
    assert [v for v in violations(graph) if "terms/description" not in v] == []
    one = harvested["unstated"][0]
    single = client.get(one.get_absolute_url().rstrip("/") + ".ttl")
    assert single.status_code == 200
    assert "dct:publisher" not in single.content.decode()
    assert "terms/publisher" not in single.content.decode()


def test_data_json_and_dcat_us_3_leave_the_entries_out_and_count_them(client, harvested):
    unstated = harvested["unstated"]
    kept = harvested["stated"].title
    response = client.get("/data.json")
    pod = json.loads(_streamed(response))
    assert response["X-Publisher-Not-Stated"] == str(len(unstated))
    assert [d["title"] for d in pod["dataset"]] == [kept]
    assert OWNER not in json.dumps(pod)
    errors = list(pod_validator().iter_errors(pod))
    assert not errors, [e.message for e in errors]
    response = client.get("/dcat-us-3.json")
    us3 = json.loads(_streamed(response))
    assert response["X-Publisher-Not-Stated"] == str(len(unstated))
    assert [d["title"] for d in us3["dataset"]] == [kept]
    assert OWNER not in json.dumps(us3)
    assert errors_of(us3) == []


def test_schema_org_and_the_page_name_no_publisher(client, harvested) -> None:
    entry = harvested["unstated"][0]
    html = client.get(entry.get_absolute_url()).content.decode()
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert found
    node = json.loads(found.group(1))
    assert "publisher" not in node and "creator" not in node
    assert OWNER not in found.group(1)
    assert "Published by" not in html
    assert "Catalogued by" in html and "the source states no publisher" in html
    kept = client.get(harvested["stated"].get_absolute_url()).content.decode()
    assert "Published by" in kept


def test_the_json_api_answers_null_beside_the_cataloguing_organisation(client, harvested):
    entry = harvested["unstated"][0]
    data = client.get(f"/api/v1/datasets/{entry.slug}").json()
    assert data["publisher"] is None
    assert data["catalogued_by"]["name"] == OWNER
    listing = client.get("/api/v1/datasets").json()["results"]
    assert listing and all(
        item["publisher"] is None for item in listing if item["slug"] != "dyxdataset01"
    )
    assert all(
        item["catalogued_by"]["name"] == OWNER for item in listing if item["publisher"] is None
    )
    kept = client.get(f"/api/v1/datasets/{harvested['stated'].slug}").json()
    assert kept["publisher"]["name"] == kept["catalogued_by"]["name"] != OWNER


def test_the_quality_score_says_the_publisher_is_missing(harvested) -> None:
    for entry in harvested["unstated"]:
        assert "publisher" in {fix["field"] for fix in entry.quality_report["fixes"]}
    stated = harvested["stated"].quality_report["fixes"]
    assert "publisher" not in {fix["field"] for fix in stated}
