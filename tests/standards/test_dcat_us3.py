"""/dcat-us-3.json validates against the official DCAT-US 3.0 JSON schema (GSA/dcat-us).

The schema files are vendored in tests/fixtures/dcat_us3_schema and resolved offline by their
``$id``; a ``$ref`` to a definition that is not vendored fails loudly instead of passing.
The output is checked on the demo catalogue, on content harvested from real portals (DCAT and
data.json), and read back by our own data.json harvester.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource

from catalogue.models import Entry, Organisation
from harvesters.datajson.mapping import map_catalog
from harvesters.loader import Loader
from harvesters.models import HarvestJob, HarvestSource, JobStatus
from interop.standards.dcat_us3 import stream_dcat_us3
from tests.factories import make_organisation
from tests.standards.harvest import harvest_text
from tests.standards.test_round_trip import core, export_and_empty

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SCHEMA_DIR = FIXTURES / "dcat_us3_schema"
DCAT_US3 = "https://resources.data.gov/dcat-us/3.0.0/"

pytestmark = pytest.mark.django_db


def _schemas() -> dict[str, dict]:
    out = {}
    for path in sorted(SCHEMA_DIR.rglob("*.json")):
        schema = json.loads(path.read_text())
        out[schema["$id"]] = schema
    return out


def _not_vendored(uri: str) -> Resource:
    raise NoSuchResource(uri)  # every definition GSA/dcat-us has is vendored (see below)


def _refs(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from [value] if key == "$ref" else _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def unresolved_refs() -> dict[str, set[str]]:
    """Every ``$ref`` target reachable from Catalog.json with no vendored schema: by whom."""
    schemas = _schemas()
    seen: set[str] = set()
    todo, missing = [DCAT_US3 + "catalog"], defaultdict(set)
    while todo:
        uri = todo.pop()
        if uri in seen:
            continue
        seen.add(uri)
        for ref in _refs(schemas[uri]):
            target = urljoin(uri, ref).split("#")[0] or uri
            if target in schemas:
                todo.append(target)
            else:
                missing[target].add(uri.rsplit("/", 1)[-1])
    return dict(missing)


FORMATS = FormatChecker()


@FORMATS.checks("iri", raises=ValueError)
def _iri(value: object) -> bool:
    """jsonschema checks "iri" only with an optional package: a scheme and no spaces."""
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return (
        bool(parts.scheme)
        and " " not in value
        and (bool(parts.netloc) or parts.scheme in ("mailto", "urn"))
    )


@FORMATS.checks("date-time", raises=ValueError)
def _date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    return "T" in value and dt.datetime.fromisoformat(value.replace("Z", "+00:00")) is not None


def validator(name: str = "catalog") -> Draft202012Validator:
    schemas = _schemas()
    # referencing declares its attrs classes in a form mypy does not read (no __init__ args).
    registry = Registry(retrieve=_not_vendored).with_resources(  # type: ignore[call-arg]
        (uri, Resource.from_contents(schema)) for uri, schema in schemas.items()
    )
    root = schemas[DCAT_US3 + name]
    return Draft202012Validator(root, registry=registry, format_checker=FORMATS)


def errors_of(document: dict, name: str = "catalog") -> list[str]:
    found = sorted(validator(name).iter_errors(document), key=lambda e: list(e.absolute_path))
    return [f"{list(e.absolute_path)}: {e.message[:300]}" for e in found]


def get_json(client, path: str = "/dcat-us-3.json") -> dict:
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return json.loads(b"".join(response.streaming_content))


# --- the schema really is the official one, and it bites ------------------------------
def test_data_gov_fixtures_validate_and_the_invalid_one_does_not():
    good = json.loads(
        (FIXTURES / "dcat_us" / "datagov-harvester_dcatus3_0_with_services.json").read_text()
    )
    bad = json.loads(
        (FIXTURES / "dcat_us" / "datagov-harvester_dcatus3_0_invalid.json").read_text()
    )
    assert errors_of(good) == []
    assert any("contactPoint" in e for e in errors_of(bad))


# GSA/dcat-us's own CatalogRecord.source names a "resource" definition it does not publish
UPSTREAM_DANGLING = {DCAT_US3 + "definitions/resource": {"catalogrecord"}}


def test_every_ref_reachable_from_the_catalog_resolves():
    assert unresolved_refs() == UPSTREAM_DANGLING


# --- demo content ----------------------------------------------------------------------
def test_demo_catalogue_is_valid_dcat_us_3(client, demo_catalogue):
    data = get_json(client)
    assert errors_of(data) == []
    assert data["@type"] == "Catalog"
    assert data["conformsTo"]["@id"] == "https://resources.data.gov/dcat-us/3.0.0/"
    assert data["describedBy"] == "https://resources.data.gov/dcat-us/3.0.0/catalog"
    titles = {d["title"] for d in data["dataset"]}
    assert {"Public transport stops", "Real-time departures"} <= titles
    assert "Tramway line T10 concession" not in titles  # PPP projects are not data
    assert "Cleaner air hackathon" not in titles  # nor are challenges
    assert "Unpublished draft" not in titles
    assert [s["title"] for s in data["service"]] == ["Lyon transit API"]

    stops = next(d for d in data["dataset"] if d["title"] == "Public transport stops")
    _assert_stops_in_full(stops)

    api = data["service"][0]
    assert api["endpointURL"] == ["https://api.transit.example.com/v2/"]
    assert api["endpointDescription"] == ["https://api.transit.example.com/v2/openapi.json"]
    assert api["version"] == "2.0"
    # linked both ways: servesDataset names the datasets' identifiers ...
    departures = next(d for d in data["dataset"] if d["title"] == "Real-time departures")
    assert set(api["servesDataset"]) == {stops["identifier"], departures["identifier"]}
    # ... and the distribution that goes through the API names it in accessService
    (through,) = departures["distribution"]
    assert through["accessService"][0]["@id"] == api["@id"]
    assert through["accessService"][0]["publisher"]["name"] == "Transit Operator SA"
    # DCAT-US 3's Kind requires hasEmail: without one the contact point is a link
    assert api["contactPoint"] == ["https://transit.example.com/"]  # the publisher's website

    # the schema really bites on our own output
    del data["dataset"][0]["contactPoint"]
    data["service"][0]["endpointURL"] = "not a list"
    data["dataset"][1]["accrualPeriodicity"] = "every tuesday"
    assert len(errors_of(data)) >= 3


def _assert_stops_in_full(stops: dict[str, Any]) -> None:
    assert stops["identifier"] == "https://data.lyon.fr/id/stops"
    assert stops["publisher"]["name"] == "City of Lyon"
    assert stops["contactPoint"] == {
        "@type": "Kind",
        "fn": "Open data team",
        "hasEmail": "mailto:opendata@lyon.fr",
    }
    assert stops["accrualPeriodicity"] == "R/P1D"
    assert stops["temporal"] == [
        {"@type": "PeriodOfTime", "startDate": "2020-01-01", "endDate": "2024-12-31"}
    ]
    assert {
        "http://publications.europa.eu/resource/authority/data-theme/TRAN",
        "http://metadata.un.org/sdg/11",
    } <= {t.get("@id") for t in stops["theme"]}
    assert {p.get("@id") for p in stops["spatial"]} >= {
        "http://publications.europa.eu/resource/authority/country/FRA"
    }
    assert {p["prefLabel"] for p in stops["spatial"]} >= {"Lyon metropolitan area"}
    assert stops["accessRights"].endswith("/access-right/PUBLIC")
    assert sorted(stops["language"]) == ["en", "fr"]
    assert stops["version"] == "2.1"
    csv = next(d for d in stops["distribution"] if d.get("format") == "CSV")
    assert csv["downloadURL"].endswith("stops.csv") and csv["mediaType"] == "text/csv"
    assert csv["byteSize"] == "123456"
    assert csv["checksum"]["checksumValue"].startswith("9f86d081")
    # the API serves this dataset: a distribution gives access through it
    via_api = [d for d in stops["distribution"] if d.get("accessService")]
    assert via_api[0]["accessService"][0]["title"] == "Lyon transit API"


def test_query_alias_and_bad_schema(client, db):
    assert get_json(client, "/data.json?schema=dcat-us-3") == get_json(client)
    pod = client.get("/data.json")
    assert "/dcat-us-3.json>" in pod["Link"] and "dcat-us/3.0.0" in pod["Link"]
    assert json.loads(b"".join(pod.streaming_content))["conformsTo"].endswith("v1.1/schema")
    response = client.get("/data.json?schema=dcat-us-9")
    assert response.status_code == 400 and b"dcat-us-3" in response.content
    assert client.post("/dcat-us-3.json").status_code == 405


def test_streams_in_chunks_with_queries_per_chunk_not_per_entry(
    demo_catalogue, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import make_entry

    parts = list(stream_dcat_us3(chunk_size=1))
    assert len(parts) > 5  # one part per entry, not one string
    data = json.loads("".join(parts))
    assert errors_of(data) == []
    assert len(data["dataset"]) == 3 and len(data["service"]) == 1
    with CaptureQueriesContext(connection) as few:
        list(stream_dcat_us3())
    for i in range(10):
        make_entry(
            "dataset",
            title=f"Extra {i}",
            publisher=demo_catalogue["orgs"][i % 5],
            distributions=[{"access_url": f"https://example.org/{i}", "format": "CSV"}],
        )
    with django_assert_num_queries(len(few.captured_queries)):
        list(stream_dcat_us3())  # ten more datasets, same chunk count, same queries


def test_empty_catalogue_is_valid(client, db):
    data = get_json(client)
    assert data["dataset"] == [] and data["service"] == []
    assert errors_of(data) == []


# --- harvested content -------------------------------------------------------------------
def harvest_data_json(payload: dict) -> int:
    owner = make_organisation(name="Data.json owner")
    source = HarvestSource.objects.create(
        name="data.json",
        slug="data-json",
        protocol="datajson",
        url="https://portal.example.org/data.json",
        organisation=owner,
        approved=True,
    )
    job = HarvestJob.objects.create(source=source, status=JobStatus.RUNNING)
    page = map_catalog(payload, page_url=source.url)
    loader = Loader(source=source, job=job)
    loader.load(page.records, page.errors, cursor="", pages=1)
    loader.finish(complete_listing=True)
    return Entry.objects.published().count()


@pytest.mark.parametrize(
    "name",
    [
        "dcat_us/ckanext-datajson_usda.gov.data.json",
        "dcat_us/cftc_gov_data_excerpt.json",
        "dcat_us/ckanext-datajson_geospatial.data.json",
        "dcat_us/datagov-harvester_dcatus3_0_with_services.json",
    ],
)
def test_harvested_data_json_content_is_valid(client, db, settings, name):
    settings.PUBLIC_BASE_URL = "http://catalogue.test"
    assert harvest_data_json(json.loads((FIXTURES / name).read_text())) > 0
    data = get_json(client)
    assert data["dataset"] or data["service"]
    assert errors_of(data) == []


@pytest.mark.parametrize(
    "name,content_type",
    [
        ("dcat/datos_gob_es_dataset.ttl", "text/turtle"),
        ("dcat/govdata_de_dataset_dcat-ap-de.rdf", "application/rdf+xml"),
    ],
)
def test_harvested_dcat_content_is_valid(client, db, settings, name, content_type):
    settings.PUBLIC_BASE_URL = "http://catalogue.test"
    assert (
        harvest_text(
            (FIXTURES / name).read_bytes(),
            content_type=content_type,
            url="https://portal.example.org/catalog",
        )
        > 0
    )
    assert Organisation.objects.exists()
    assert errors_of(get_json(client)) == []


# --- our own data.json harvester reads it back -----------------------------------------------
@pytest.mark.slow
def test_our_data_json_harvester_reads_dcat_us_3_back(client, demo_catalogue):
    before = {
        e.title: e for e in Entry.objects.published().filter(entry_type__in=["dataset", "api"])
    }
    want = {title: _facts(e) for title, e in before.items()}
    response = client.get("/dcat-us-3.json")
    payload = json.loads(b"".join(response.streaming_content))
    export_and_empty(client)
    harvest_data_json(payload)
    after = {
        e.title: e for e in Entry.objects.published().filter(entry_type__in=["dataset", "api"])
    }
    assert set(after) == set(before)
    for title, facts in want.items():
        got = _facts(after[title])
        lost = {k: (v, got[k]) for k, v in facts.items() if got[k] != v}
        assert not lost, f"{title}: {lost}"


# The common core DCAT-US 3 shares with DCAT-AP, compared as the DCAT-AP round trip does.
SHARED_WITH_DCAT_AP = (
    "entry_type",
    "keywords",
    "themes",
    "licence",
    "access_rights",
    "countries",
    "spatial_label",
    "temporal",
    "languages",
    "issued",
    "modified",
    "frequency",
    "version",
    "conforms_to",
    "endpoint",
    "serves",
)


def _facts(entry: Entry) -> dict:
    shared = core(entry)
    return {
        **{key: shared[key] for key in SHARED_WITH_DCAT_AP},
        "publisher": entry.publisher.name,
        "contact_email": entry.contact_email,
        "checksums": sorted(d.checksum for d in entry.distributions.all() if d.checksum),
    }


def test_a_bare_code_identifier_stays_valid_and_links_back(client, db, settings):
    """An identifier that is not an IRI is an Identifier object; links use the entry's IRI."""
    from tests.factories import make_entry

    settings.PUBLIC_BASE_URL = "http://catalogue.test"
    office = make_organisation(name="Statistics office", slug="stats", email="data@stats.example")
    census = make_entry("dataset", title="Census 2021", publisher=office, identifier="CENSUS-21")
    make_entry(
        "api",
        title="Census API",
        publisher=office,
        serves_datasets=[census],
        endpoint_url="https://api.stats.example/",
    )
    data = get_json(client)
    assert errors_of(data) == []
    (dataset,) = data["dataset"]
    assert dataset["identifier"] == {"@type": "Identifier", "notation": "CENSUS-21"}
    assert data["service"][0]["servesDataset"] == [dataset["@id"]]
    export_and_empty(client)
    harvest_data_json(data)
    api = Entry.objects.get(title="Census API")
    assert [d.title for d in api.serves_datasets.all()] == ["Census 2021"]
