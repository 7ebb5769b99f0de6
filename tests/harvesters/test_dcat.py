"""DCAT protocol: golden records from real payloads, hostile XML, Hydra paging over HTTP."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any

import pytest

from catalogue.models.entries import Entry
from harvesters.dcat.client import DcatHarvester
from harvesters.exceptions import PayloadError
from harvesters.models import HarvestRecord, JobStatus
from harvesters.records import Page
from harvesters.services import harvest_source_run

from .conftest import FIXTURES, FixtureServer, SourceMaker

GOLDEN = FIXTURES / "dcat" / "golden"
GOLDEN_CASES = [
    "ckanext_dcat_catalog_with_at_graph.jsonld",
    "datara_geodcat-ap_5a26b0f6.rdf",
    "datos_gob_es_dataset.ttl",
    "govdata_de_dataset_dcat-ap-de.rdf",
    "semic_dcat-ap-3-hvd_example-data_service_openapi_sla.ttl",
    "semic_dcat-ap-3-hvd_example-ms_catalogue.ttl",
    "semic_dcat-ap-3-hvd_example-ms_dataset_data_service.ttl",
    "semic_dcat-ap-3.0.1_example-bee-population-dataset-series-combined.jsonld",
    "semic_bee-population-dataset-series-fixed.ttl",
    "sig_oreme_geonetwork_catalog.rdf",
    "udata_hydra_paged_collection-1.jsonld",
]


def map_file(name: str, **options: Any) -> Page:
    path = FIXTURES / "dcat" / name
    url = f"http://example.org/{name}"
    payload = {
        "content": path.read_bytes(),
        "content_type": "",
        "url": url,
    }
    return DcatHarvester.map_payload(payload, source_options=options, page_url=url)


def as_json(page: Page) -> dict[str, Any]:
    mapped: dict[str, Any] = json.loads(
        json.dumps(
            {
                "records": [dataclasses.asdict(r) for r in page.records],
                "errors": [dataclasses.asdict(e) for e in page.errors],
                "next_url": page.next_url,
            },
            default=str,
            sort_keys=True,
        )
    )
    return mapped


@pytest.mark.parametrize("name", GOLDEN_CASES)
def test_golden_records(name: str) -> None:
    """Each real payload maps to its reviewed, normalised records (UPDATE_GOLDEN=1 rewrites)."""
    got = as_json(map_file(name))
    golden = GOLDEN / (Path(name).stem + ".json")
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(json.dumps(got, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    assert got == json.loads(golden.read_text())


def test_same_graph_in_three_serialisations_gives_the_same_records() -> None:
    pages = [map_file(f"demo_ckan_org_catalog_2016.{ext}") for ext in ("rdf", "ttl", "jsonld")]
    records = [
        [(r.remote_id, r.title, len(r.distributions), r.modified) for r in p.records] for p in pages
    ]
    assert len(records[0]) == 100
    assert records[0] == records[1] == records[2]


def test_dcat_ap_de_keeps_the_core_fields() -> None:
    (record,) = map_file("govdata_de_dataset_dcat-ap-de.rdf").records
    assert record.title.startswith("Liefer- und Abholservices")
    assert record.publisher and "Rostock" in record.publisher.name
    assert record.themes == ("ECON",)
    assert len(record.distributions) == 9
    assert {d.licence for d in record.distributions} == {"CC0-1.0"}
    assert record.licence == "CC0-1.0"
    assert {d.format for d in record.distributions} >= {"CSV", "GEOJSON", "XLSX", "KML", "WMS"}
    assert record.contact_email == "geodienste@rostock.de"
    assert record.languages == ("de",)


def test_data_service_serves_datasets_and_series_members() -> None:
    page = map_file("semic_dcat-ap-3-hvd_example-ms_dataset_data_service.ttl")
    (api,) = [r for r in page.records if r.entry_type == "api"]
    datasets = {r.remote_id for r in page.records if r.entry_type == "dataset"}
    assert set(api.serves_refs) == datasets and api.endpoint_url
    # The SEMIC Turtle example, with its invalid prefixed names written as full IRIs.
    series = map_file("semic_bee-population-dataset-series-fixed.ttl")
    members = [r for r in series.records if r.series_ref]
    assert len(members) == 4
    assert {r.series_ref for r in members} == {"https://data.gov.gr/id/datasetseries/BeePopulation"}
    (head,) = [r for r in series.records if r.is_series]
    assert head.remote_id == "https://data.gov.gr/id/datasetseries/BeePopulation"


def test_invalid_turtle_is_a_clear_page_error() -> None:
    # The SEMIC example uses prefixed names with "/" in them, which Turtle does not allow.
    with pytest.raises(PayloadError, match="turtle"):
        map_file("semic_dcat-ap-3.0.1_example-bee-population-dataset-series-combined.ttl")


@pytest.mark.parametrize(
    "name",
    [
        "defusedxml_xmlbomb.xml",  # billion laughs
        "defusedxml_xmlbomb2.xml",
        "defusedxml_quadratic.xml",  # quadratic blowup
        "defusedxml_external.xml",  # XXE over the network
        "defusedxml_external_file.xml",  # XXE of a local file
        "defusedxml_cyclic.xml",
        "defusedxml_dtd.xml",
        "datagov-harvester_decode_error.xml",
    ],
)
def test_hostile_xml_is_refused_without_expanding(name: str) -> None:
    content = (FIXTURES / "hostile" / name).read_bytes()
    with pytest.raises(PayloadError):
        DcatHarvester.map_payload(
            {"content": content, "content_type": "application/rdf+xml", "url": ""},
            source_options={},
        )


def test_remote_jsonld_context_is_never_fetched() -> None:
    doc = {
        "@context": "https://evil.example/context.jsonld",
        "@id": "https://x.example/ds/1",
        "@type": "http://www.w3.org/ns/dcat#Dataset",
        "http://purl.org/dc/terms/title": "Kept",
    }
    page = DcatHarvester.map_payload(
        {"content": json.dumps(doc).encode(), "content_type": "application/ld+json"},
        source_options={},
    )
    (record,) = page.records
    assert record.title == "Kept"
    assert any("not fetched" in w for w in record.warnings)


def test_record_without_title_is_a_record_error_naming_the_field() -> None:
    ttl = b"""@prefix dcat: <http://www.w3.org/ns/dcat#> .
    @prefix dct: <http://purl.org/dc/terms/> .
    <https://x.example/a> a dcat:Dataset ; dct:title "Fine" ; dct:issued "not a date" .
    <https://x.example/b> a dcat:Dataset ; dct:description "no title" ."""
    page = DcatHarvester.map_payload(
        {"content": ttl, "content_type": "text/turtle"}, source_options={}
    )
    assert [r.remote_id for r in page.records] == ["https://x.example/a"]
    assert page.records[0].issued is None
    assert any("issued" in w for w in page.records[0].warnings)
    (error,) = page.errors
    assert (error.remote_id, error.field) == ("https://x.example/b", "title")


@pytest.mark.django_db
def test_hydra_paging_over_http(fixture_server: FixtureServer, make_source: SourceMaker) -> None:
    source = make_source(fixture_server.fixture_url("dcat/paged/page-1.jsonld"), protocol="dcat")
    job = harvest_source_run(source=source)
    assert job.status == JobStatus.SUCCEEDED, job.error
    assert job.pages == 2
    assert fixture_server.hits["/fixtures/dcat/paged/page-2.jsonld"] == 1
    assert HarvestRecord.objects.filter(source=source).count() == 4
    assert Entry.objects.published().count() == 4


@pytest.mark.django_db
def test_dcat_catalogue_harvest_end_to_end(
    fixture_server: FixtureServer, make_source: SourceMaker
) -> None:
    source = make_source(
        fixture_server.fixture_url("dcat/semic_dcat-ap-3-hvd_example-ms_dataset_data_service.ttl"),
        protocol="dcat",
    )
    job = harvest_source_run(source=source)
    assert job.status == JobStatus.SUCCEEDED, job.error
    api = Entry.objects.get(entry_type="api")
    assert api.serves_datasets.count() == 2
    again = harvest_source_run(source=source)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)


@pytest.mark.django_db
def test_billion_laughs_over_http_fails_the_job_cleanly(
    fixture_server: FixtureServer, make_source: SourceMaker
) -> None:
    source = make_source(
        fixture_server.fixture_url("hostile/defusedxml_xmlbomb.xml"), protocol="dcat"
    )
    job = harvest_source_run(source=source)
    assert job.status == JobStatus.FAILED and "refused" in job.error
    assert Entry.objects.count() == 0
