"""Sources: nothing invented, nothing silently lost (issue 10), over real HTTP with real payloads.

Each test serves a real portal's payload (tests/fixtures, see SOURCES.md) from the fixture
server on 127.0.0.1, runs a real harvest job and reads the result back through the catalogue's
own public endpoints (data.json, DCAT, the CKAN Action API read by ``ckanapi``).
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
import rdflib
from django.test import Client

from catalogue.models.entries import Entry
from harvesters.models import HarvestRecord, JobStatus
from harvesters.services import harvest_source_run

from .conftest import FIXTURES, FixtureServer, SourceMaker
from .jsonproto_records import rec, serve

pytestmark = pytest.mark.django_db

SEARCH = "/api/3/action/package_search"


def ckan_fixture(name: str) -> Any:
    return json.loads((FIXTURES / "ckan" / name).read_text(encoding="utf-8"))


def search_body(packages: list[dict[str, Any]], count: int | None = None) -> str:
    """A package_search answer (CKAN 2.9's envelope) listing the given real package dicts."""
    result = {"count": len(packages) if count is None else count, "results": packages}
    return json.dumps({"help": "", "success": True, "result": result})


def body(response: Any) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return bytes(response.content)


# --- no invented values ------------------------------------------------------------------
def test_a_record_without_modification_date_gets_none_and_exports_none(
    fixture_server: FixtureServer, test_protocol: str, make_source: SourceMaker, client: Client
) -> None:
    # A stated publisher: data.json leaves out entries without one (ADR 0023).
    publisher = {"name": "Agence de l'eau", "remote_id": "agence-eau"}
    url = serve(
        fixture_server,
        "/p",
        [rec(1, modified=None, publisher=publisher), rec(2, publisher=publisher)],
    )
    job = harvest_source_run(source=make_source(url))
    assert job.status == JobStatus.SUCCEEDED, job.error
    undated = Entry.objects.get(title="Dataset 1")
    assert undated.modified is None  # not the harvest time
    assert Entry.objects.get(title="Dataset 2").modified is not None
    datasets = {d["title"]: d for d in json.loads(body(client.get("/data.json")))["dataset"]}
    assert "modified" not in datasets["Dataset 1"]
    assert datasets["Dataset 2"]["modified"].startswith("2024-05-01")
    graph = rdflib.Graph().parse(data=body(client.get("/catalog.ttl")), format="turtle")
    dct = rdflib.Namespace("http://purl.org/dc/terms/")
    node = next(graph.subjects(dct.title, rdflib.Literal("Dataset 1")))
    assert list(graph.objects(node, dct.modified)) == []


def test_exports_never_make_a_description_from_the_title(
    fixture_server: FixtureServer, test_protocol: str, make_source: SourceMaker, client: Client
) -> None:
    publisher = {"name": "Agence de l'eau", "remote_id": "agence-eau"}
    url = serve(fixture_server, "/p", [rec(1, description="", publisher=publisher)])
    harvest_source_run(source=make_source(url))
    dataset = json.loads(body(client.get("/data.json")))["dataset"][0]
    assert dataset["title"] == "Dataset 1"
    assert "description" not in dataset
    dcat_us = json.loads(body(client.get("/dcat-us-3.json")))["dataset"][0]
    assert "description" not in dcat_us
    graph = rdflib.Graph().parse(data=body(client.get("/catalog.ttl")), format="turtle")
    dct = rdflib.Namespace("http://purl.org/dc/terms/")
    node = next(graph.subjects(dct.title, rdflib.Literal("Dataset 1")))
    assert list(graph.objects(node, dct.description)) == []
    entry = Entry.objects.get()
    assert "description" in json.dumps(entry.quality_report)  # the score says what is missing


# --- unmapped values kept ------------------------------------------------------------------
def test_unmapped_ckan_fields_are_kept_shown_and_served_as_extras(
    fixture_server: FixtureServer, make_source: SourceMaker, client: Client
) -> None:
    package = ckan_fixture("data_gov_au_package_show_nsw-local-government-areas.json")["result"]
    fixture_server.add(SEARCH, search_body([package]))
    job = harvest_source_run(source=make_source(fixture_server.url("/"), protocol="ckan"))
    assert job.status == JobStatus.SUCCEEDED, job.error
    entry = Entry.objects.get()
    kept = entry.source_extras
    # data.gov.au's scheming fields the mapping has no place for
    assert kept["data_state"] == package["data_state"]
    assert kept["update_freq"] == package["update_freq"]
    assert "spatial" in kept  # a GeoJSON geometry is no place name: kept as sent
    for bookkeeping in ("num_resources", "revision_id", "creator_user_id"):
        assert bookkeeping not in kept
    from catalogue.source_panel import source_extras_html

    html = source_extras_html(kept)
    assert "<dt>data_state</dt>" in html and package["data_state"] in html
    answer = client.get("/api/3/action/package_show", {"id": entry.slug}).json()
    assert answer["success"], answer
    extras = {e["key"]: e["value"] for e in answer["result"]["extras"]}
    assert extras["data_state"] == package["data_state"]
    assert len(extras) == len(answer["result"]["extras"])  # CKAN's unique keys


# --- shapes other portals send ---------------------------------------------------------------
def test_ckan_contact_point_given_as_json_text_is_read(
    fixture_server: FixtureServer, make_source: SourceMaker
) -> None:
    package = ckan_fixture("opendata_swiss_package_show_reisen-2019.json")["result"]
    package = copy.deepcopy(package)
    package["contact_points"] = json.dumps(package["contact_points"])  # as some portals store it
    package.pop("maintainer_email", None)
    package.pop("author_email", None)
    fixture_server.add(SEARCH, search_body([package]))
    job = harvest_source_run(source=make_source(fixture_server.url("/"), protocol="ckan"))
    assert job.status == JobStatus.SUCCEEDED, job.error
    assert Entry.objects.get().contact_email == "auskunftsdienst@bfs.admin.ch"


def test_deprecated_ckan_resource_is_kept_and_marked(
    fixture_server: FixtureServer, make_source: SourceMaker
) -> None:
    package = copy.deepcopy(
        ckan_fixture("datasud_package_show_parkings-ville-de-gap.json")["result"]
    )
    assert len(package["resources"]) >= 2
    package["resources"][0]["status"] = "http://purl.org/adms/status/Deprecated"
    fixture_server.add(SEARCH, search_body([package]))
    harvest_source_run(source=make_source(fixture_server.url("/"), protocol="ckan"))
    rows = list(Entry.objects.get().distributions.order_by("sort_order"))
    assert len(rows) == len(package["resources"])
    assert [d.deprecated for d in rows] == [True] + [False] * (len(rows) - 1)


def test_nested_dcat_us3_catalogues_are_all_harvested(
    fixture_server: FixtureServer, make_source: SourceMaker
) -> None:
    doc = json.loads(
        (FIXTURES / "dcat_us" / "datagov-harvester_dcatus3_0_with_services.json").read_text()
    )
    top = [d["title"] for d in doc["dataset"]]
    nested = {
        "@type": "Catalog",
        "title": "Sub-catalogue",
        "dataset": [copy.deepcopy(doc["dataset"][0])],
        "catalog": ["https://example.org/elsewhere/data.json"],  # only referenced
    }
    nested["dataset"][0]["identifier"] = "nested-" + str(nested["dataset"][0]["identifier"])
    nested["dataset"][0]["title"] = "Nested " + nested["dataset"][0]["title"]
    doc["catalog"] = [nested]
    fixture_server.add("/data.json", json.dumps(doc))
    source = make_source(fixture_server.url("/data.json"), protocol="datajson")
    job = harvest_source_run(source=source)
    assert job.status == JobStatus.PARTIAL, job.error  # the referenced one is reported
    titles = set(Entry.objects.values_list("title", flat=True))
    assert set(top) | {nested["dataset"][0]["title"]} <= titles
    failure = HarvestRecord.objects.get(source=source, remote_id__startswith="catalog ")
    assert "not harvested" in failure.last_error


# --- a listing that cannot be right is not a listing ----------------------------------------
def _first_harvest(fixture_server: FixtureServer, make_source: SourceMaker) -> Any:
    listing = ckan_fixture("datasud_package_search.json")
    fixture_server.add(SEARCH, json.dumps(listing))
    source = make_source(fixture_server.url("/"), protocol="ckan", options={"incremental": False})
    job = harvest_source_run(source=source)
    assert job.status == JobStatus.SUCCEEDED, job.error
    assert job.created == len(listing["result"]["results"])
    return source


@pytest.mark.parametrize(
    "fixture",
    [
        "open_canada_registry_organization_list_all_fields.json",
        "transportdata_be_organization_list.json",
    ],
)
def test_an_organization_list_answer_fails_the_job_and_withdraws_nothing(
    fixture_server: FixtureServer, make_source: SourceMaker, fixture: str
) -> None:
    source = _first_harvest(fixture_server, make_source)
    fixture_server.add(SEARCH, (FIXTURES / "ckan" / fixture).read_text(encoding="utf-8"))
    job = harvest_source_run(source=source)
    assert job.status == JobStatus.FAILED
    assert "not of" in job.error and "packages" in job.error
    assert job.withdrawn == 0
    assert not Entry.objects.filter(withdrawn_at__isnull=False).exists()


def test_an_empty_page_where_the_source_counts_records_fails_the_job(
    fixture_server: FixtureServer, make_source: SourceMaker
) -> None:
    source = _first_harvest(fixture_server, make_source)
    fixture_server.add(SEARCH, search_body([], count=7))
    job = harvest_source_run(source=source)
    assert job.status == JobStatus.FAILED
    assert "counts 7" in job.error
    assert not Entry.objects.filter(withdrawn_at__isnull=False).exists()


@pytest.mark.parametrize(
    ("protocol", "fixture", "emptied"),
    [
        ("socrata", "socrata/discovery_catalog_v1_constructed.json", "results"),
        ("opendatasoft", "opendatasoft/udata-ods_v1_search.json", "datasets"),
    ],
)
def test_an_empty_page_inside_the_reported_total_fails_other_protocols(
    fixture_server: FixtureServer,
    make_source: SourceMaker,
    protocol: str,
    fixture: str,
    emptied: str,
) -> None:
    payload = json.loads((FIXTURES / fixture).read_text(encoding="utf-8"))
    path = "/api/catalog/v1" if protocol == "socrata" else "/api/datasets/1.0/search/"
    fixture_server.add(path, json.dumps(payload))
    source = make_source(fixture_server.url(path), protocol=protocol)
    first = harvest_source_run(source=source)
    assert first.status == JobStatus.SUCCEEDED, first.error
    assert first.created > 0
    payload[emptied] = []  # the same answer, its total kept, its list gone
    fixture_server.add(path, json.dumps(payload))
    job = harvest_source_run(source=source)
    assert job.status == JobStatus.FAILED
    assert "lists none" in job.error
    assert job.withdrawn == 0
    assert not Entry.objects.filter(withdrawn_at__isnull=False).exists()


# --- OpenAPI documents keep their paths and operations -------------------------------------
def test_api_page_counts_and_lists_the_operations_of_its_openapi_document(
    fixture_server: FixtureServer, make_source: SourceMaker, client: Client
) -> None:
    url = fixture_server.fixture_url("api_descriptions/bcgov_route-planner_oas3.json")
    job = harvest_source_run(source=make_source(url, protocol="openapi"))
    assert job.status == JobStatus.SUCCEEDED, job.error
    api = Entry.objects.get(entry_type="api")
    assert api.source_extras["operations"] == "22"
    assert api.source_extras["paths"] == "11"
    html = client.get(api.get_absolute_url()).content.decode()
    assert "Paths and operations" in html
    assert "22 operations on 11 paths" in html
    assert "<code>GET /distance.{outputFormat}</code>" in html
    assert "Get distance and travel time between two geographic points" in html


# --- an invalid record never deletes a valid distribution ----------------------------------
BAD_DIST = [{"title": "Broken", "download_url": "javascript:alert(1)", "format": "CSV"}]


def test_a_record_with_only_unusable_distributions_keeps_the_previous_ones(
    fixture_server: FixtureServer, test_protocol: str, make_source: SourceMaker
) -> None:
    source = make_source(serve(fixture_server, "/p", [rec(1)]))
    harvest_source_run(source=source)
    serve(fixture_server, "/p", [rec(1, title="Dataset 1, renamed", distributions=BAD_DIST)])
    job = harvest_source_run(source=source)
    assert job.updated == 1
    entry = Entry.objects.get()
    assert entry.title == "Dataset 1, renamed"
    assert list(entry.distributions.values_list("download_url", flat=True)) == [
        "https://example.org/1.csv"
    ]
    warnings = HarvestRecord.objects.get(source=source).warnings
    assert any("previous ones are kept" in w for w in warnings), warnings


def test_another_source_never_deletes_the_distributions_of_a_shared_entry(
    fixture_server: FixtureServer, test_protocol: str, make_source: SourceMaker
) -> None:
    same = "https://id.example/ds/1"
    a = make_source(serve(fixture_server, "/a", [rec(1, identifier=same)]))
    other = [
        {"title": "Other copy", "download_url": "https://other.example/1.json", "format": "JSON"}
    ]
    b = make_source(serve(fixture_server, "/b", [rec(9, identifier=same, distributions=other)]))
    harvest_source_run(source=a)
    assert harvest_source_run(source=b).updated == 1
    urls = set(Entry.objects.get().distributions.values_list("download_url", flat=True))
    assert urls == {"https://example.org/1.csv", "https://other.example/1.json"}
    serve(fixture_server, "/b", [rec(9, identifier=same, title="Changed", distributions=BAD_DIST)])
    harvest_source_run(source=b)
    urls = set(Entry.objects.get().distributions.values_list("download_url", flat=True))
    assert "https://example.org/1.csv" in urls
