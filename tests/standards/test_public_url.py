"""One public base address, conditional GET and filters on the catalogue documents.

A harvester follows ``hydra:next`` with rdflib against a live server on a random port (the
links must name the host it asked, not a default of 127.0.0.1:8000); readers send real
``If-None-Match``/``If-Modified-Since``; ckanext-dcat's ``q``/``fq`` and the search facets
filter ``/catalog.*``.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.checks import run_checks
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCAT, RDF
from rdflib.term import Node

from tests.factories import make_entry, make_organisation, theme

HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")


@pytest.fixture
def no_base(settings: Any) -> None:
    settings.PUBLIC_BASE_URL = ""
    settings.API_LAST_MODIFIED_CACHE_SECONDS = 0


# serialized_rollback, as every live-server test here: a plain flush re-creates content types
# that the next serialized test would then insert twice.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_harvester_follows_hydra_next_on_any_port(live_server: Any, no_base: None) -> None:
    titles = [f"Live dataset {n}" for n in range(3)]
    for title in titles:
        make_entry("dataset", title=title)
    url: Node | None = URIRef(f"{live_server.url}/catalog.ttl?page=1&page_size=1")
    seen: set[str] = set()
    pages = 0
    while url is not None:
        assert str(url).startswith(live_server.url + "/")
        graph = Graph().parse(str(url), format="turtle")
        pages += 1
        assert (URIRef(live_server.url + "/catalog"), RDF.type, DCAT.Catalog) in graph
        seen.update(str(s) for s in graph.subjects(RDF.type, DCAT.Dataset))
        view = graph.value(URIRef(live_server.url + "/catalog"), HYDRA.view)
        url = graph.value(view, HYDRA.next)
        assert pages <= 3
    assert pages == 3
    assert len(seen) == 3 and all(s.startswith(live_server.url + "/datasets/") for s in seen)


def test_configured_base_wins_over_the_request_host(client: Any, db: Any, settings: Any) -> None:
    settings.PUBLIC_BASE_URL = "https://catalogue.example.org"
    entry = make_entry("dataset", title="Configured")
    graph = Graph().parse(data=_body(client.get("/catalog.ttl")), format="turtle")
    assert (URIRef("https://catalogue.example.org/catalog"), RDF.type, DCAT.Catalog) in graph
    iri = URIRef("https://catalogue.example.org" + entry.get_absolute_url())
    assert (iri, RDF.type, DCAT.Dataset) in graph
    feed = client.get("/feeds/entries.rss").content.decode()
    assert "https://catalogue.example.org" + entry.get_absolute_url() in feed
    assert "http://testserver" not in feed
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "https://catalogue.example.org/sitemap-" in sitemap and "testserver" not in sitemap
    api = client.get("/api/v1/datasets").json()
    assert api["results"][0]["url"].startswith("https://catalogue.example.org/")


def test_check_warns_in_production_without_base_url(settings: Any) -> None:
    settings.DEBUG = False
    settings.PUBLIC_BASE_URL = ""
    assert "catalogue.W001" in {m.id for m in run_checks()}
    settings.PUBLIC_BASE_URL = "https://catalogue.example.org"
    assert "catalogue.W001" not in {m.id for m in run_checks()}
    settings.DEBUG = True
    settings.PUBLIC_BASE_URL = ""
    assert "catalogue.W001" not in {m.id for m in run_checks()}


@pytest.mark.parametrize(
    "path",
    ["/catalog.ttl", "/catalog.jsonld?page=1", "/data.json", "/dcat-us-3.json", "/ns/eco"],
)
def test_documents_answer_304_to_their_etag(client: Any, db: Any, no_base: None, path: str) -> None:
    make_entry("dataset", title="Cached")
    first = client.get(path)
    assert first.status_code == 200 and first["ETag"]
    again = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again["ETag"] == first["ETag"]
    if path != "/ns/eco":
        assert first["Last-Modified"]
        make_entry("dataset", title="A change")
        changed = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
        assert changed.status_code == 200


def test_entry_rdf_sitemap_and_feeds_honour_validators(client: Any, db: Any, no_base: None) -> None:
    entry = make_entry("dataset", title="Validated")
    for path in [
        entry.get_absolute_url().rstrip("/") + ".ttl",
        "/sitemap.xml",
        "/sitemap-entries.xml",
        "/feeds/entries.rss",
        "/feeds/entries.atom",
        "/feeds/datasets.rss",
    ]:
        first = client.get(path)
        assert first.status_code == 200, path
        assert client.get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304, path
        if first.has_header("Last-Modified"):
            since = client.get(path, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
            assert since.status_code == 304, path


def _body(response: Any) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return bytes(response.content)


def _datasets(response: Any, fmt: str = "turtle") -> set[str]:
    body = _body(response)
    assert response.status_code == 200, body[:300]
    graph = Graph().parse(data=body, format=fmt)
    return {str(s) for s in graph.subjects(RDF.type, DCAT.Dataset)}


def test_catalog_filters_as_ckanext_dcat(client: Any, db: Any, no_base: None) -> None:
    city = make_organisation(name="City", slug="city")
    bus = make_entry("dataset", title="Bus stops", publisher=city, themes=[theme("TRAN")])
    air = make_entry("dataset", title="Air quality sensors", themes=[theme("ENVI")])
    bus_iri = "http://testserver" + bus.get_absolute_url()
    air_iri = "http://testserver" + air.get_absolute_url()
    tran = theme("TRAN").slug
    assert _datasets(client.get(f"/catalog.ttl?theme={tran}")) == {bus_iri}
    assert _datasets(client.get("/catalog.ttl?fq=organization:city")) == {bus_iri}
    assert _datasets(client.get(f'/catalog.ttl?fq=groups:"{tran}" AND res_format:CSV')) == set()
    assert _datasets(client.get("/catalog.ttl?q=sensors")) == {air_iri}
    assert _datasets(client.get("/catalog.ttl")) == {bus_iri, air_iri}
    paged = client.get("/catalog.ttl?q=sensors&page=1&page_size=1")
    graph = Graph().parse(data=_body(paged), format="turtle")
    view = graph.value(URIRef("http://testserver/catalog"), HYDRA.view)
    assert "q=sensors" in str(graph.value(view, HYDRA.first))
    for bad in ["/catalog.ttl?colour=red", "/catalog.ttl?fq=colour:red", "/catalog.ttl?fq=(("]:
        response = client.get(bad)
        assert response.status_code == 400 and response.content, bad
    assert b"colour" in client.get("/catalog.ttl?fq=colour:red").content


def test_catalog_xml_and_catalog_slash(client: Any, db: Any, no_base: None) -> None:
    entry = make_entry("dataset", title="Any format")
    xml = client.get("/catalog.xml")
    assert xml["Content-Type"].startswith("application/rdf+xml")
    assert _datasets(xml, "xml") == {"http://testserver" + entry.get_absolute_url()}
    for path in ["/catalog/", "/catalog"]:
        response = client.get(path + "?q=format", HTTP_ACCEPT="application/ld+json")
        assert response.status_code == 303
        assert response["Location"] == "/catalog.jsonld?q=format"
    assert client.get("/catalog/")["Location"] == "/catalog.ttl"
