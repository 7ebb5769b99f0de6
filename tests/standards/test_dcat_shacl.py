"""The DCAT-AP export validates against the official SEMIC DCAT-AP 3.0.1 shapes.

Zero violations on demo-like content (every entry type, hostile text) and on content
harvested from real portals' DCAT. The targeted tests below each name the shape a fix in
``catalogue/standards/dcat_ap.py`` satisfies, by exporting an entry that needs that fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib.namespace import RDF

from catalogue.models import Entry, Organisation
from interop.standards.catalog_export import (
    entry_document,
    parse_export_params,
    stream_catalog,
)
from tests.factories import make_entry, make_organisation
from tests.standards.shacl import parse, violations

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
RDFLIB = {"ttl": "turtle", "rdf": "xml", "jsonld": "json-ld"}


def catalogue_graph(fmt: str = "ttl", **params):
    export = parse_export_params(params, fmt=fmt, path=f"/catalog.{fmt}")
    total = Entry.objects.published().count()
    return parse("".join(stream_catalog(export, total=total)), RDFLIB[fmt])


@pytest.mark.parametrize("fmt", ["ttl", "jsonld", "rdf"])
def test_demo_catalogue_has_zero_violations(demo_catalogue, fmt):
    assert violations(catalogue_graph(fmt)) == []


def test_each_page_and_each_entry_document_validates_alone(demo_catalogue):
    """Linked entries are described in every document (title, description, endpoint), so
    DatasetShape / DataServiceShape hold for the objects of dcat:servesDataset,
    dcat:accessService and dcat:resource links even when the linked entry is elsewhere."""
    for page in (1, 2, 3):
        assert violations(catalogue_graph(page=str(page), page_size="2")) == []
    for key in ("stops", "api", "departures", "ppp", "challenge", "hostile"):
        assert violations(parse(entry_document(demo_catalogue[key], "ttl"), "turtle")) == []


def test_no_description_is_left_out_never_made_from_the_title(db, settings):
    """DatasetShape: dct:description minCount 1 — an entry with no description or summary
    exports none (issue 10: never invent a value); SHACL and the quality score report it."""
    settings.PUBLIC_BASE_URL = "http://catalogue.test"
    entry = make_entry("dataset", title="Bare", summary="", description="")
    graph = parse(entry_document(entry, "ttl"), "turtle")
    found = violations(graph)
    assert found and all("terms/description" in v for v in found)
    assert "description" in str(entry.quality_report)


def test_endpoint_fallback_satisfies_data_service_shape_endpoint_url(db, settings):
    """DataServiceShape: dcat:endpointURL minCount 1 and ranges.ttl class rdfs:Resource —
    an API with no endpoint URL exports its landing page (else its page), typed rdfs:Resource."""
    settings.PUBLIC_BASE_URL = "http://catalogue.test"
    entry = make_entry("api", title="No endpoint", landing_page="https://example.org/api")
    assert violations(parse(entry_document(entry, "ttl"), "turtle")) == []


def test_access_url_fallback_satisfies_distribution_shape_access_url(db, settings):
    """DistributionShape: dcat:accessURL minCount 1 — a distribution with only a download
    URL gets it as access URL; one with none at all gets none (never our own page)."""
    settings.PUBLIC_BASE_URL = "http://catalogue.test"
    entry = make_entry(
        "dataset",
        title="Files",
        distributions=[
            {"download_url": "https://example.org/a.csv", "format": "CSV"},
            {"format": "PDF"},
        ],
    )
    found = violations(parse(entry_document(entry, "ttl"), "turtle"))
    assert len(found) == 1 and "accessURL" in found[0]


def test_a_restricted_dataset_still_satisfies_distribution_shape_access_url(db, settings):
    """DistributionShape: dcat:accessURL minCount 1 — its URLs withheld (catalogue.access),
    a restricted dataset's distribution points at its landing page."""
    settings.PUBLIC_BASE_URL = "http://catalogue.test"
    entry = make_entry(
        "dataset",
        title="Restricted files",
        access_rights="restricted",
        landing_page="https://example.org/restricted",
        distributions=[{"download_url": "https://example.org/a.csv", "format": "CSV"}],
    )
    document = entry_document(entry, "ttl")
    assert "example.org/a.csv" not in document
    assert violations(parse(document, "turtle")) == []


def test_terms_are_typed_and_labelled_for_concept_and_range_shapes(db, settings):
    """skos:ConceptShape (skos:prefLabel minCount 1), skos:ConceptSchemeShape (dct:title) and
    the ranges.ttl sh:class constraints (dct:LicenseDocument, dct:Frequency,
    dct:LinguisticSystem, dct:Location, dct:RightsStatement, dct:MediaTypeOrExtent,
    dct:MediaType, foaf:Document): each authority term is described with its class."""
    settings.PUBLIC_BASE_URL = "http://catalogue.test"
    org = make_organisation(kind="academia", website="https://uni.example.org/")
    from catalogue.models import Country, Language, Licence

    entry = make_entry(
        "dataset",
        title="Typed terms",
        publisher=org,
        frequency="MONTHLY",
        licence=Licence.objects.get(spdx_id="OGL-Canada-2.0"),  # no EU code: its URL
        languages=[Language.objects.get(code="de")],
        countries=[Country.objects.get(code="CA")],
        landing_page="https://example.org/typed",
        access_rights="restricted",
        distributions=[{"access_url": "https://example.org/x", "media_type": "text/csv"}],
    )
    graph = parse(entry_document(entry, "ttl"), "turtle")
    assert violations(graph) == []
    # the shapes do bite: drop a concept's label and skos:ConceptShape reports it
    from rdflib import Namespace

    SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
    concept = next(graph.subjects(RDF.type, SKOS.Concept))
    graph.remove((concept, SKOS.prefLabel, None))
    assert any("prefLabel" in v for v in violations(graph))


HARVEST_FIXTURES = [
    ("dcat/semic_bee-population-dataset-series-fixed.ttl", "text/turtle"),
    ("dcat/datos_gob_es_dataset.ttl", "text/turtle"),
    ("dcat/demo_ckan_org_catalog_2016.rdf", "application/rdf+xml"),
    ("dcat/govdata_de_dataset_dcat-ap-de.rdf", "application/rdf+xml"),
    ("dcat/ckanext_dcat_catalog_with_at_graph.jsonld", "application/ld+json"),
    ("dcat/semic_dcat-ap-3-hvd_example-ms_dataset_data_service.ttl", "text/turtle"),
]


@pytest.mark.parametrize("path,content_type", HARVEST_FIXTURES)
def test_harvested_content_has_zero_violations(db, settings, path, content_type):
    """Real portals' DCAT, harvested through the DCAT mapper and the loader, then exported."""
    settings.PUBLIC_BASE_URL = "http://catalogue.test"
    from tests.standards.harvest import harvest_text

    source = FIXTURES / path
    if not source.exists():
        pytest.skip(f"{path} is not in tests/fixtures (the harvester work copies it)")
    created = harvest_text(
        source.read_bytes(), content_type=content_type, url="https://portal.example.org/catalog"
    )
    assert created > 0
    assert Organisation.objects.exists()
    # Only what the source itself lacks: a description is left out, never made from the title.
    assert [v for v in violations(catalogue_graph("ttl")) if "terms/description" not in v] == []
