"""CSV and JSON Lines exports of search results: all matches, the search's filters, streamed,
safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json

import pytest

from catalogue.models import Country
from interop import bulk_export
from search.params import parse_search_params
from tests.factories import make_entry, make_organisation, theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    city = make_organisation(name="City", slug="city")
    uni = make_organisation(name="University", slug="uni", kind="academia")
    made = {
        "bikes": make_entry(
            "dataset",
            title="Bicycle counts",
            publisher=city,
            keywords=["mobility"],
            themes=[theme("TRAN")],
            countries=[Country.objects.get(code="BE")],
            distributions=[{"format": "csv", "download_url": "https://x.example/b.csv"}],
        ),
        "evil": make_entry(
            "dataset",
            title='=HYPERLINK("http://evil.example","click")',
            summary="+cmd|' /C calc'!A0",
            publisher=uni,
            keywords=["@SUM(1+1)", "-2+3"],
        ),
        "api": make_entry("api", title="Bicycle API", publisher=city, api_type="rest"),
        "draft": make_entry("dataset", title="Bicycle draft", publisher=city, publish=False),
    }
    return made


def streamed(response) -> str:
    assert response.streaming
    return b"".join(response.streaming_content).decode()


def rows(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = streamed(response)
    assert not text.startswith("\ufeff")  # no BOM unless asked for
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_has_every_published_entry_and_the_search_filters(client, catalogue):
    everything = rows(client, "/export.csv")
    assert {r["title"] for r in everything} == {
        "Bicycle counts",
        '\'=HYPERLINK("http://evil.example","click")',
        "Bicycle API",
    }
    assert [r["title"] for r in rows(client, "/export.csv?type=api")] == ["Bicycle API"]
    bikes = rows(client, "/export.csv?theme=" + theme("TRAN").slug)
    assert [r["title"] for r in bikes] == ["Bicycle counts"]
    row = bikes[0]
    assert row["url"].startswith("http://testserver/datasets/")
    assert (row["formats"], row["countries"], row["themes"], row["licence"]) == (
        "CSV",
        "BE",
        "TRAN",
        "CC-BY-4.0",
    )
    assert row["download_urls"] == "https://x.example/b.csv"
    assert [r["title"] for r in rows(client, "/export.csv?format=CSV&country=BE")] == [
        "Bicycle counts"
    ]
    assert {r["title"] for r in rows(client, "/export.csv?q=bicycle")} == {
        "Bicycle counts",
        "Bicycle API",
    }
    assert rows(client, "/export.csv?organisation=nobody") == []


def test_csv_cells_never_start_a_formula(client, catalogue):
    evil = next(r for r in rows(client, "/export.csv?organisation=uni"))
    assert evil["title"].startswith("'=")
    assert evil["summary"].startswith("'+")
    assert evil["keywords"].startswith("'@")
    for value in evil.values():
        assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_jsonl_one_object_per_line_with_lists(client, catalogue):
    response = client.get("/export.jsonl?type=dataset")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/jsonl")
    lines = streamed(response).splitlines()
    records = [json.loads(line) for line in lines]
    assert {r["title"] for r in records} == {
        "Bicycle counts",
        '=HYPERLINK("http://evil.example","click")',
    }
    bikes = next(r for r in records if r["title"] == "Bicycle counts")
    assert bikes["keywords"] == ["mobility"] and bikes["formats"] == ["CSV"]


def test_bad_input_is_a_400(client, catalogue):
    assert client.get("/export.csv?page_size=0").status_code == 400
    assert client.get("/export.csv?q=" + "x" * 600).status_code == 400
    assert client.get("/export.xlsx").status_code == 404


def test_export_reads_all_pages_beyond_the_search_window(catalogue):
    query = parse_search_params({"page": "3", "page_size": "1"})
    ids = bulk_export.export_entry_ids(query)
    assert len(ids) == 3  # the page parameters do not limit an export


def test_rows_come_in_chunks_with_a_fixed_number_of_queries(catalogue, django_assert_num_queries):
    org = make_organisation()
    for n in range(7):
        make_entry(
            "dataset",
            title=f"Bulk {n}",
            publisher=org,
            distributions=[{"format": "CSV", "download_url": "https://x.example/a"}],
        )
    ids = bulk_export.export_entry_ids(parse_search_params({}))
    assert len(ids) == 10
    # 5 queries a chunk (entries, themes, countries, languages, distributions), 4 chunks of 3,
    # and one reading SQLite's mmap_size (catalogue/exports/reads.py; the in-memory test
    # database maps nothing, so there is nothing to turn off and restore)
    with django_assert_num_queries(5 * 4 + 1):
        records = list(bulk_export.iter_records(ids, chunk_size=3))
    assert [r["id"] for r in records] == ids


def test_defuse_formula():
    assert bulk_export.defuse_formula("=1+1") == "'=1+1"
    assert bulk_export.defuse_formula("\t=1") == "'\t=1"
    assert bulk_export.defuse_formula("plain = fine") == "plain = fine"


def test_csv_byte_order_mark_only_when_asked_for(client, catalogue):
    """CSV readers take a BOM for part of the first column's name; spreadsheets want one."""
    plain = client.get("/export.csv?type=api")
    body = b"".join(plain.streaming_content)
    assert body.startswith(b"id,")
    assert next(csv.reader(io.StringIO(body.decode())))[0] == "id"
    with_bom = b"".join(client.get("/export.csv?type=api&bom=1").streaming_content)
    assert with_bom.startswith(b"\xef\xbb\xbf")
    assert with_bom.removeprefix(b"\xef\xbb\xbf") == body
    assert client.get("/export.csv?bom=yes").status_code == 400
