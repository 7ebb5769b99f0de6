"""Dataset citations: BibTeX (parsed back by a real parser), RIS and CSL-JSON."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from interop.citations import bibtex_escape
from tests.factories import make_entry, make_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def dataset():
    org = make_organisation(name="Institute for R&D {Stats}", slug="rd-stats")
    return make_entry(
        "dataset",
        title="Survey of 100% renewable #1 sites_2024 ~ ^ \\ $x$",
        slug="survey",
        publisher=org,
        version="2.1",
        identifier="https://doi.org/10.5281/zenodo.123456",
        summary="Line one\nline two",
        keywords=["energy", "solar"],
        issued=dt.datetime(2021, 5, 4, tzinfo=dt.UTC),
    )


def download(client, url, content_type):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith(content_type)
    assert "attachment" in response["Content-Disposition"]
    return response.content.decode()


def test_bibtex_escapes_special_characters(client, dataset):
    bib = download(client, "/datasets/survey/cite.bib", "application/x-bibtex")
    assert bib.startswith("@misc{RdStats2021Survey,")
    assert (
        r"title = {Survey of 100\% renewable \#1 sites\_2024 \textasciitilde{} "
        r"\textasciicircum{} \textbackslash{} \$x\$}" in bib
    )
    assert r"author = {{Institute for R\&D \{Stats\}}}" in bib
    assert "doi = {10.5281/zenodo.123456}" in bib
    assert "year = {2021}" in bib and "version = {2.1}" in bib
    assert "url = {http://testserver/datasets/survey/}" in bib
    # braces balance: a BibTeX parser reads the entry to its end
    depth = 0
    for ch in bib.replace(r"\{", "").replace(r"\}", ""):
        depth += {"{": 1, "}": -1}.get(ch, 0)
        assert depth >= 0
    assert depth == 0


def test_ris(client, dataset):
    ris = download(client, "/datasets/survey/cite.ris", "application/x-research-info-systems")
    lines = ris.split("\r\n")
    assert lines[0] == "TY  - DATA"
    assert "AU  - Institute for R&D {Stats}" in lines
    assert "PY  - 2021" in lines and "DO  - 10.5281/zenodo.123456" in lines
    assert "AB  - Line one line two" in lines  # no line break inside a field
    assert "KW  - energy" in lines and "KW  - solar" in lines
    assert lines[-2] == "ER  - " and lines[-1] == ""


def test_csl_json(client, dataset):
    body = download(client, "/datasets/survey/cite.json", "application/vnd.citationstyles.csl+json")
    (item,) = json.loads(body)
    assert item["type"] == "dataset"
    assert item["author"] == [{"literal": "Institute for R&D {Stats}"}]
    assert item["issued"] == {"date-parts": [[2021, 5, 4]]}
    assert item["DOI"] == "10.5281/zenodo.123456"
    assert item["version"] == "2.1"


def test_format_parameter_and_bad_input(client, dataset):
    assert client.get("/datasets/survey/cite?format=ris").content.startswith(b"TY  - DATA")
    assert client.get("/datasets/survey/cite?format=docx").status_code == 400
    assert client.get("/datasets/survey/cite?format=").status_code == 400
    assert client.get("/datasets/nothing/cite.bib").status_code == 404
    api = make_entry("api", title="An API", slug="an-api")
    assert client.get(f"/datasets/{api.slug}/cite.bib").status_code == 404
    draft = make_entry("dataset", title="Draft", slug="drafty", publish=False)
    assert client.get(f"/datasets/{draft.slug}/cite.ris").status_code == 404


def test_cite_this_block(dataset):
    request = RequestFactory().get("/datasets/survey/")
    html = render_to_string("catalogue/includes/cite.html", {"entry": dataset}, request=request)
    assert "Institute for R&amp;D {Stats}. (2021). <i>Survey of 100% renewable" in html
    assert 'href="/datasets/survey/cite.bib"' in html
    assert 'href="/datasets/survey/cite.ris"' in html
    assert "https://doi.org/10.5281/zenodo.123456" in html  # APA: the DOI, when there is one


def test_bibtex_escape():
    assert bibtex_escape("a & b_c") == r"a \& b\_c"
