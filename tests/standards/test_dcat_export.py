"""The DCAT-AP 3 export over HTTP: what an aggregator or an RDF client sees."""

from __future__ import annotations

import pytest
from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import FOAF, RDF

from tests.standards.shacl import parse

DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")
SCHEMA = Namespace("https://schema.org/")
BASE = "http://catalogue.test"
RDFLIB_FORMATS = {"ttl": "turtle", "rdf": "xml", "jsonld": "json-ld"}
CONTENT_TYPES = {
    "ttl": "text/turtle",
    "rdf": "application/rdf+xml",
    "jsonld": "application/ld+json",
}

pytestmark = pytest.mark.django_db


def get_graph(client, url, fmt):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith(CONTENT_TYPES[fmt])
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return parse(body.decode(), RDFLIB_FORMATS[fmt])


def iri(entry):
    return URIRef(BASE + entry.get_absolute_url())


@pytest.mark.parametrize("fmt", ["ttl", "rdf", "jsonld"])
def test_catalog_in_three_formats_describes_the_same_graph(client, demo_catalogue, fmt):
    graph = get_graph(client, f"/catalog.{fmt}", fmt)
    reference = get_graph(client, "/catalog.ttl", "ttl")
    assert len(graph) == len(reference) > 200
    catalog = URIRef(BASE + "/catalog")
    assert (catalog, RDF.type, DCAT.Catalog) in graph
    datasets = set(graph.objects(catalog, DCAT.dataset))
    assert iri(demo_catalogue["stops"]) in datasets
    assert iri(demo_catalogue["draft"]) not in datasets  # drafts are never exported
    assert (catalog, DCAT.service, iri(demo_catalogue["api"])) in graph
    assert (catalog, DCAT.resource, iri(demo_catalogue["ppp"])) in graph


def test_dataset_distributions_and_api_linked_both_ways(client, demo_catalogue):
    graph = get_graph(client, "/catalog.ttl", "ttl")
    stops, api, departures = (iri(demo_catalogue[k]) for k in ("stops", "api", "departures"))
    assert (stops, RDF.type, DCAT.Dataset) in graph
    dists = list(graph.objects(stops, DCAT.distribution))
    assert len(dists) == 3  # CSV, GeoJSON, and one giving access through the API
    csv = next(d for d in dists if (d, DCAT.downloadURL, None) in graph)
    assert (
        csv,
        DCT["format"],
        URIRef("http://publications.europa.eu/resource/authority/file-type/CSV"),
    ) in graph
    # the API serves the dataset, and a distribution of the dataset gives access through it
    assert (api, RDF.type, DCAT.DataService) in graph
    assert (api, DCAT.servesDataset, stops) in graph
    assert any((d, DCAT.accessService, api) in graph for d in dists)
    # the other direction: a dataset whose distribution names the API
    assert (api, DCAT.servesDataset, departures) in graph
    assert (api, DCAT.endpointURL, URIRef("https://api.transit.example.com/v2/")) in graph


def test_agents_vocabularies_and_our_namespace(client, demo_catalogue):
    graph = get_graph(client, "/catalog.ttl", "ttl")
    company = URIRef(BASE + "/organisations/transit-operator/")
    assert (company, RDF.type, FOAF.Agent) in graph
    assert (
        company,
        DCT.type,
        URIRef("http://publications.europa.eu/resource/authority/publisher-type/Company"),
    ) in graph
    stops = iri(demo_catalogue["stops"])
    eu = "http://publications.europa.eu/resource/authority/"
    for predicate, value in [
        (DCAT.theme, eu + "data-theme/TRAN"),
        (DCAT.theme, "http://metadata.un.org/sdg/11"),
        (DCT.license, eu + "licence/CC_BY_4_0"),
        (DCT.language, eu + "language/FRA"),
        (DCT.spatial, eu + "country/FRA"),
        (DCT.accrualPeriodicity, eu + "frequency/DAILY"),
        (DCT.accessRights, eu + "access-right/PUBLIC"),
    ]:
        assert (stops, predicate, URIRef(value)) in graph, predicate
    ppp, challenge = iri(demo_catalogue["ppp"]), iri(demo_catalogue["challenge"])
    eco = Namespace(BASE + "/ns/eco#")
    assert (ppp, RDF.type, SCHEMA.Project) in graph
    assert (ppp, eco.contractType, Literal("greenfield-dbfo")) in graph
    assert (challenge, RDF.type, SCHEMA.Event) in graph
    assert len(list(graph.objects(challenge, eco.prize))) == 2


def test_hydra_paging(client, demo_catalogue):
    graph = get_graph(client, "/catalog.ttl?page=2&page_size=2", "ttl")
    view = URIRef(BASE + "/catalog.ttl?page=2&page_size=2")
    assert (view, RDF.type, HYDRA.PartialCollectionView) in graph
    assert (view, HYDRA.next, URIRef(BASE + "/catalog.ttl?page=3&page_size=2")) in graph
    assert (view, HYDRA.previous, URIRef(BASE + "/catalog.ttl?page=1&page_size=2")) in graph
    assert (view, HYDRA.last, URIRef(BASE + "/catalog.ttl?page=3&page_size=2")) in graph
    assert int(graph.value(view, HYDRA.totalItems)) == 6
    listed = [
        o
        for p in (DCAT.dataset, DCAT.service, DCAT.resource)
        for o in graph.objects(URIRef(BASE + "/catalog"), p)
    ]
    assert len(listed) == 2
    last = get_graph(client, "/catalog.ttl?page=3&page_size=2", "ttl")
    assert (None, HYDRA.next, None) not in last


def test_modified_since_keeps_recent_entries(client, demo_catalogue):
    graph = get_graph(client, "/catalog.jsonld?modified_since=2025-01-01", "jsonld")
    stops = iri(demo_catalogue["stops"])  # modified 2024-06-01
    assert (URIRef(BASE + "/catalog"), DCAT.dataset, stops) not in graph
    assert (URIRef(BASE + "/catalog"), DCAT.service, iri(demo_catalogue["api"])) in graph
    graph = get_graph(client, "/catalog.ttl?modified_since=2024-05-31T00:00:00%2B02:00", "ttl")
    assert (URIRef(BASE + "/catalog"), DCAT.dataset, stops) in graph


@pytest.mark.parametrize(
    "query,status",
    [
        ("modified_since=yesterday", 400),
        ("modified_since=2024-13-45", 400),
        ("modified_since=%00", 400),
        ("page=0", 400),
        ("page=abc", 400),
        ("page_size=100000", 400),
        ("page=99", 404),
        ("page=1" + "0" * 30, 400),
    ],
)
def test_bad_query_is_a_4xx_with_a_message(client, demo_catalogue, query, status):
    response = client.get(f"/catalog.ttl?{query}")
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/plain")
    assert len(response.content) > 10


@pytest.mark.parametrize(
    "url",
    [
        "/catalog.n3",  # /catalog.xml answers like .rdf (test_public_url.py)
        "/catalog.ttl.exe",
        "/datasets/nope.ttl",
        "/datasets/public-transport-stops.n3",
    ],
)
def test_unknown_format_or_entry_is_404(client, demo_catalogue, url):
    assert client.get(url).status_code == 404


def test_post_is_refused(client, demo_catalogue):
    assert client.post("/catalog.ttl").status_code == 405


@pytest.mark.parametrize("fmt", ["ttl", "rdf", "jsonld"])
def test_entry_document(client, demo_catalogue, fmt):
    api = demo_catalogue["api"]
    graph = get_graph(client, f"/apis/{api.slug}.{fmt}", fmt)
    assert (iri(api), RDF.type, DCAT.DataService) in graph
    assert (iri(api), DCAT.servesDataset, iri(demo_catalogue["stops"])) in graph
    draft = demo_catalogue["draft"]
    assert client.get(f"/datasets/{draft.slug}.ttl").status_code == 404


def test_hostile_text_survives_every_format(client, demo_catalogue):
    hostile = demo_catalogue["hostile"]
    for fmt in ("ttl", "rdf", "jsonld"):
        graph = get_graph(client, f"/datasets/{hostile.slug}.{fmt}", fmt)
        assert str(graph.value(iri(hostile), DCT.title)) == hostile.title
        keywords = {str(k) for k in graph.objects(iri(hostile), DCAT.keyword)}
        assert keywords == set(hostile.keywords)


def test_content_negotiation_hook(rf, demo_catalogue):
    from interop.standards.negotiation import rdf_response_for

    stops = demo_catalogue["stops"]
    for accept, expected in [
        ("text/turtle", f"/datasets/{stops.slug}.ttl"),
        ("application/rdf+xml;q=0.9, text/html;q=0.5", f"/datasets/{stops.slug}.rdf"),
        ("application/ld+json", f"/datasets/{stops.slug}.jsonld"),
    ]:
        response = rdf_response_for(rf.get("/", HTTP_ACCEPT=accept), stops)
        assert response is not None
        assert response.status_code == 303 and response["Location"] == expected
        assert "Accept" in response["Vary"]
    for accept in ("text/html,application/xhtml+xml,*/*;q=0.8", "*/*", "", ";;;q=x,,"):
        assert rdf_response_for(rf.get("/", HTTP_ACCEPT=accept), stops) is None
    assert rdf_response_for(rf.get("/"), stops) is None


def test_vocabulary_is_served_and_documents_every_term_we_write(client, demo_catalogue):
    from pathlib import Path

    response = client.get("/ns/eco")
    assert response.status_code == 200
    vocab = parse(response.content.decode(), "turtle")
    eco = BASE + "/ns/eco#"
    export = get_graph(client, "/catalog.ttl", "ttl")
    used = {str(t) for s, p, o in export for t in (p, o) if str(t).startswith(eco)}
    defined = {str(s) for s in vocab.subjects() if str(s).startswith(eco)}
    assert used and used <= defined
    doc = (Path(__file__).resolve().parents[2] / "docs" / "vocabulary.md").read_text()
    assert all(f"eco:{term.removeprefix(eco)}" in doc for term in defined)


def test_stored_javascript_urls_never_leave_the_catalogue(client, demo_catalogue):
    """A bulk write skips form validation: a javascript: URL in the table is not exported."""
    from catalogue.models import Distribution, Entry

    stops = demo_catalogue["stops"]
    Entry.objects.filter(pk=stops.pk).update(
        landing_page="javascript:alert(1)",
        remote_url=" JavaScript:alert(2)",
        contact_url="javascript:alert(3)",
    )
    Distribution.objects.filter(entry=stops).update(access_url="javascript:alert(4)")
    for url in (
        f"/datasets/{stops.slug}.ttl",
        f"/datasets/{stops.slug}.rdf",
        f"/datasets/{stops.slug}.jsonld",
        "/catalog.ttl",
        "/data.json",
        stops.get_absolute_url(),
    ):
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert b"javascript:" not in body.lower(), url
    # a distribution with a download URL keeps it as dcat:accessURL; one without gets none
    # (never the entry page: issue 10, nothing invented)
    graph = get_graph(client, f"/datasets/{stops.slug}.ttl", "ttl")
    downloads = {
        url
        for url in Distribution.objects.filter(entry=stops).values_list("download_url", flat=True)
        if url
    }
    access = {
        str(graph.value(dist, DCAT.accessURL))
        for dist in graph.objects(iri(stops), DCAT.distribution)
        if graph.value(dist, DCAT.accessURL) is not None
    }
    assert downloads and downloads <= access
    assert not any(url.startswith("http://catalogue.test") for url in access)
