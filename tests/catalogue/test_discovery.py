"""Discovery as a third-party client sees it: every ``<link rel="alternate">`` and every
visible link to a feed, an export, an RDF file or the API docs is followed, and each answers
200 with the type it announced, in a form its own parser reads (feedparser for the feeds,
rdflib for RDF, json and csv for the rest)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import feedparser
import pytest
from bs4 import BeautifulSoup

from demo.site import site_ensure
from tests.factories import make_entry, make_organisation
from tests.standards.shacl import parse

pytestmark = pytest.mark.django_db

RDF_FORMATS = {
    "text/turtle": "turtle",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
}
FEEDS = {"application/rss+xml", "application/atom+xml"}
# Where a visible link with one of these types is a machine-readable document to check.
CHECKED_TYPES = {*RDF_FORMATS, *FEEDS, "application/json", "text/csv", "application/jsonl"}


@pytest.fixture
def catalogue() -> dict[str, Any]:
    site_ensure()  # the home page, About and Guides, as on a fresh install
    city = make_organisation(name="City of Lyon", slug="city-of-lyon")
    bus = make_entry(
        "dataset",
        title="Bus stops",
        slug="bus-stops",
        publisher=city,
        distributions=[{"format": "csv", "download_url": "https://x.example/stops.csv"}],
    )
    api = make_entry("api", title="Bus departures API", slug="bus-api", publisher=city)
    return {"city": city, "dataset": bus, "api": api}


def _body(response: Any) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _read_as_a_client(url: str, content_type: str, body: bytes) -> None:
    if content_type in FEEDS:
        feed = feedparser.parse(body)
        assert not feed.bozo, (url, feed.get("bozo_exception"))
        assert feed.entries, url
    elif content_type in RDF_FORMATS:
        graph = parse(body.decode(), RDF_FORMATS[content_type])
        assert len(graph), url
    elif content_type == "application/json":
        assert json.loads(body), url
    elif content_type == "application/jsonl":
        assert [json.loads(line) for line in body.decode().splitlines()], url
    elif content_type == "text/csv":
        assert list(csv.DictReader(io.StringIO(body.decode()))), url


def _follow(client: Any, url: str, announced: str) -> None:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert response["Content-Type"].split(";")[0].strip() == announced, url
    _read_as_a_client(url, announced, _body(response))


def _discover(client: Any, path: str) -> dict[str, Any]:
    response = client.get(path)
    assert response.status_code == 200, path
    soup = BeautifulSoup(response.content, "html.parser")
    alternates = {
        (str(link["href"]), str(link["type"]))
        for link in soup.find_all("link", rel="alternate")
        if link.get("type")
    }
    visible = {
        (str(a["href"]), str(a["type"]))
        for a in soup.find_all("a", href=True)
        if a.get("type") in CHECKED_TYPES
    }
    for url, announced in alternates | visible:
        _follow(client, url, announced)
    hrefs = {a["href"] for a in soup.find_all("a", href=True)}
    return {"alternates": alternates, "visible": visible, "hrefs": hrefs}


def test_every_page_type_announces_and_links_working_documents(client, catalogue):
    city, dataset = catalogue["city"], catalogue["dataset"]
    pages = {
        "home": "/",
        "listing": "/datasets/",
        "organisation": city.get_absolute_url(),
        "search": "/search/?q=bus&type=dataset",
        "dataset": dataset.get_absolute_url(),
        "api": catalogue["api"].get_absolute_url(),
        "about": "/about/",
        "api_docs": "/api/",
    }
    found = {name: _discover(client, path) for name, path in pages.items()}
    everywhere = {("/feeds/entries.rss", "application/rss+xml")}
    everywhere.add(("/feeds/entries.atom", "application/atom+xml"))
    for name, seen in found.items():
        assert everywhere <= seen["alternates"] and everywhere <= seen["visible"], name
        # About, Guides and the API documentation are one click away from every page.
        assert {"/about/", "/guides/", "/api/"} <= seen["hrefs"], name

    assert {
        ("/catalog.ttl", "text/turtle"),
        ("/catalog.rdf", "application/rdf+xml"),
        ("/catalog.jsonld", "application/ld+json"),
        ("/data.json", "application/json"),
        ("/dcat-us-3.json", "application/json"),
    } <= found["home"]["alternates"]
    assert ("/feeds/datasets.atom", "application/atom+xml") in found["listing"]["alternates"]
    assert ("/feeds/datasets.rss", "application/rss+xml") in found["listing"]["visible"]
    org_feed = (f"/feeds/organisations/{city.slug}.rss", "application/rss+xml")
    assert org_feed in found["organisation"]["alternates"]
    assert org_feed in found["organisation"]["visible"]

    search = found["search"]
    assert ("/feeds/search.atom?q=bus&type=dataset", "application/atom+xml") in search["alternates"]
    assert {
        ("/export.csv?q=bus&type=dataset", "text/csv"),
        ("/export.jsonl?q=bus&type=dataset", "application/jsonl"),
    } <= search["visible"]

    rdf = {
        (f"/datasets/{dataset.slug}.{ext}", kind)
        for ext, kind in (("ttl", "text/turtle"), ("rdf", "application/rdf+xml"))
    }
    rdf.add((f"/datasets/{dataset.slug}.jsonld", "application/ld+json"))
    assert rdf <= found["dataset"]["alternates"] and rdf <= found["dataset"]["visible"]


def test_the_search_export_is_the_search(client, catalogue):
    """The export link of a search exports exactly that search's results."""
    soup = BeautifulSoup(client.get("/search/?q=bus&type=api").content, "html.parser")
    (link,) = soup.find_all("a", type="text/csv")
    rows = list(csv.DictReader(io.StringIO(_body(client.get(link["href"])).decode())))
    assert [row["title"] for row in rows] == ["Bus departures API"]
