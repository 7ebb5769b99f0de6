"""DCAT values as portals send them: RDF nodes read as values, never as identifiers.

Blank-node and IRI formats, themes of other schemes, licences named every way, contact points
in their DCAT-AP 1/2/3 and vCard shapes; real payloads where a portal sends the shape
(datos.gob.es, GeoNetwork/datara, SEMIC), and small excerpts in tests/fixtures/dcat/shapes.
"""

from __future__ import annotations

import re

import pytest

from catalogue.models.entries import Entry
from harvesters.dcat.client import DcatHarvester
from harvesters.models import JobStatus
from harvesters.records import EntryRecord, Page
from harvesters.services import harvest_source_run
from interop.standards.dcat_vocabulary import licence_spdx

from .conftest import FIXTURES, FixtureServer, SourceMaker

SHAPES = "dcat/shapes/"
# rdflib's generated blank-node ids: "N" and 32 hex digits (RDF/XML), "n", 32 hex digits,
# "b" and a number (Turtle), or a "_:" label
BNODE_ID = re.compile(r"\bn[0-9a-f]{32}(?:b\d+)?\b|_:", re.IGNORECASE)


def map_file(relpath: str, url: str = "") -> Page:
    url = url or f"http://example.org/{relpath}"
    payload = {"content": (FIXTURES / relpath).read_bytes(), "content_type": "", "url": url}
    return DcatHarvester.map_payload(payload, source_options={}, page_url=url)


def dataset(page: Page, remote_id: str) -> EntryRecord:
    return next(r for r in page.records if r.remote_id == remote_id)


AIR = "https://data.example.eu/dataset/air-quality"


def test_formats_from_blank_nodes_and_authority_iris() -> None:
    record = dataset(map_file(SHAPES + "blank_nodes.ttl"), AIR)
    got = sorted((d.title, d.format, d.media_type) for d in record.distributions)
    assert got == [
        ("Measurements", "CSV", "text/csv"),
        ("Measurements", "JSON", "application/json"),
        ("Stations", "CSV", ""),
        ("Stations map", "KML", ""),
    ]
    # two distributions with one title stay two, with ids from their content
    assert len({d.remote_id for d in record.distributions}) == 4


def test_a_blank_node_id_is_never_a_value() -> None:
    for relpath in (SHAPES + "blank_nodes.ttl", SHAPES + "contacts.rdf"):
        assert not BNODE_ID.search(repr(map_file(relpath))), relpath


def test_dates_and_frequencies_inside_blank_nodes() -> None:
    record = dataset(map_file(SHAPES + "blank_nodes.ttl"), AIR)
    assert record.issued is not None and record.issued.date().isoformat() == "2024-05-01"
    assert record.modified is None  # an empty time:Instant is no date, and no warning
    assert record.frequency == "ANNUAL"


def test_a_format_iri_labelled_in_the_document_real_datos_gob_es() -> None:
    (record,) = map_file("dcat/datos_gob_es_dataset.ttl").records
    (dist,) = record.distributions
    assert (dist.format, dist.media_type) == ("XLS", "application/vnd.ms-excel")


def test_same_mapping_on_every_parse() -> None:
    first, second = map_file(SHAPES + "blank_nodes.ttl"), map_file(SHAPES + "blank_nodes.ttl")
    assert repr(first) == repr(second)


def test_blank_node_services_with_one_title_are_two_records() -> None:
    page = map_file(SHAPES + "blank_nodes.ttl")
    apis = sorted((r for r in page.records if r.entry_type == "api"), key=lambda r: r.endpoint_url)
    assert [a.endpoint_url for a in apis] == [
        "https://api.example.eu/air/v1",
        "https://api.example.eu/air/v2",
    ]
    assert apis[0].remote_id != apis[1].remote_id
    assert [a.licence for a in apis] == ["", "CC-BY-4.0"]


def test_themes_of_other_schemes_kept_by_their_label_or_in_extras() -> None:
    record = dataset(map_file(SHAPES + "blank_nodes.ttl"), AIR)
    # an INSPIRE theme is the EU theme SEMIC's alignment maps it to (tn: transport networks)
    assert set(record.themes) == {"ENVI", "TRAN"}
    # EuroVoc labelled in the document, AGROVOC as a blank node: their labels (in English)
    assert {"air quality", "air pollution"} <= set(record.keywords)
    assert not {"2470", "242", "ef"} & set(record.keywords)  # never an IRI's last segment
    extras = dict(record.extras)
    assert extras["theme"].split() == ["http://www.eionet.europa.eu/gemet/concept/242"]
    assert any("gemet/concept/242" in w for w in record.warnings)


def test_a_theme_concept_from_geonetwork_keeps_its_label_real_datara() -> None:
    (record,) = map_file("dcat/datara_geodcat-ap_5a26b0f6.rdf").records
    assert "Gestion des crises et des risques" in record.keywords


def test_a_concept_the_document_matches_to_an_eu_theme_is_that_theme() -> None:
    ttl = b"""@prefix dcat: <http://www.w3.org/ns/dcat#> .
    @prefix dct: <http://purl.org/dc/terms/> .
    @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    <https://x.example/d> a dcat:Dataset ; dct:title "T" ;
        dcat:theme <https://x.example/kos/verkehr> .
    <https://x.example/kos/verkehr> skos:prefLabel "Verkehr"@de ;
        skos:exactMatch <http://publications.europa.eu/resource/authority/data-theme/TRAN> ."""
    page = DcatHarvester.map_payload(
        {"content": ttl, "content_type": "text/turtle"}, source_options={}
    )
    (record,) = page.records
    assert record.themes == ("TRAN",) and record.extras == ()


def test_licences_of_records_and_distributions() -> None:
    page = map_file(SHAPES + "blank_nodes.ttl")
    record = dataset(page, AIR)
    assert record.licence == "CC-BY-NC-3.0"
    stations = next(d for d in record.distributions if d.format == "CSV" and not d.media_type)
    assert stations.licence == "CC-BY-3.0"
    # the SEMIC example's own licence document says it matches the EU CC0 entry
    ms = map_file("dcat/semic_dcat-ap-3-hvd_example-ms_catalogue.ttl")
    assert {r.licence for r in ms.records if r.entry_type == "dataset"} == {"CC0-1.0"}


@pytest.mark.parametrize(
    ("given", "spdx"),
    [
        ("CC-BY-SA-4.0", "CC-BY-SA-4.0"),
        ("cc-by-nc-nd-4.0", "CC-BY-NC-ND-4.0"),
        ("http://spdx.org/licenses/CC-BY-ND-4.0.html", "CC-BY-ND-4.0"),
        ("Creative Commons Attribution 3.0 Unported", "CC-BY-3.0"),
        (
            "Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International",
            "CC-BY-NC-SA-4.0",
        ),
        ("Creative Commons Attribution 4.0 International (CC BY 4.0)", "CC-BY-4.0"),
        ("Creative Commons Namensnennung 4.0 International", "CC-BY-4.0"),
        ("CC BY-NC 4.0", "CC-BY-NC-4.0"),
        ("https://creativecommons.org/licenses/by/4.0/", "CC-BY-4.0"),
        ("https://creativecommons.org/licenses/by-sa/2.5/legalcode.fr", "CC-BY-SA-2.5"),
        ("http://creativecommons.org/licenses/by-nc/3.0/de/", "CC-BY-NC-3.0-DE"),
        ("https://creativecommons.org/publicdomain/zero/1.0/deed.de", "CC0-1.0"),
        ("http://publications.europa.eu/resource/authority/licence/CC_BY_4_0", "CC-BY-4.0"),
        (
            "http://publications.europa.eu/resource/authority/licence/CC_BYNCSA_3_0",
            "CC-BY-NC-SA-3.0",
        ),
        ("http://publications.europa.eu/resource/authority/licence/EUPL_1_1", "EUPL-1.1"),
        ("http://www.opendefinition.org/licenses/odc-odbl", "ODbL-1.0"),
        ("https://opendefinition.org/licenses/cc-by-4.0/", "CC-BY-4.0"),
        ("Open Data Commons Open Database License 1.0", "ODbL-1.0"),
        ("Data licence Germany – attribution – 2.0", "DL-DE-BY-2.0"),
        # no version given, or a port SPDX has no id for: not guessed
        ("Creative Commons Attribution", ""),
        ("Licence Ouverte / Open Licence", ""),
        ("CC BY 3.0 FR", ""),
    ],
)
def test_licence_recognised_by_id_name_and_register_iri(given: str, spdx: str) -> None:
    assert licence_spdx(given) == spdx


def test_contact_points_in_the_shapes_portals_send() -> None:
    page = map_file(SHAPES + "contacts.rdf", url="https://geo.example.de/catalog.rdf")
    got = {r.remote_id.rsplit("/", 1)[-1]: (r.contact_name, r.contact_email) for r in page.records}
    assert got == {
        "1": ("Vermessungsamt", "vermessung@example.de"),
        "2": ("Umweltamt", "umwelt@example.de"),
        "3": ("Anna Schmidt", "anna.schmidt@example.de"),
        "4": ("Statistik", "statistik@example.de"),
    }
    record = page.records[0]
    assert [(d.format, d.media_type) for d in record.distributions] == [("ZIP", "application/zip")]
    air = dataset(map_file(SHAPES + "blank_nodes.ttl"), AIR)
    assert (air.contact_name, air.contact_email) == ("Air Office", "air.office@example.eu")


@pytest.mark.django_db
def test_blank_nodes_harvested_twice_are_unchanged(
    fixture_server: FixtureServer, make_source: SourceMaker
) -> None:
    source = make_source(fixture_server.fixture_url(SHAPES + "blank_nodes.ttl"), protocol="dcat")
    job = harvest_source_run(source=source)
    assert job.status == JobStatus.SUCCEEDED, job.error
    assert Entry.objects.filter(entry_type="api").count() == 2
    entry = Entry.objects.get(entry_type="dataset")
    assert sorted(entry.distributions.values_list("format", flat=True)) == [
        "CSV",
        "CSV",
        "JSON",
        "KML",
    ]
    assert entry.contact_email == "air.office@example.eu"
    # a recognised licence is kept: every Creative Commons variant is a catalogue licence
    assert entry.licence is not None and entry.licence.spdx_id == "CC-BY-NC-3.0"
    assert sorted(entry.keywords) == ["air pollution", "air quality"]
    again = harvest_source_run(source=source)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
