"""OpenDataSoft catalog responses (Explore v2.1 / v2.0, API v1) → records; hostile input."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings

from harvesters.exceptions import PayloadError
from harvesters.opendatasoft.mapping import map_catalog_page, map_dataset
from harvesters.records import EntryRecord, Page, RecordError

from .jsonish import json_values, objects

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "opendatasoft"
V1_URL = "https://etalab-sandbox.opendatasoft.com/api/datasets/1.0/search?rows=10&start=0"


def load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def explore_examples() -> dict[str, Any]:
    """The response examples of the real Explore API description (data.eindhoven.nl)."""
    document = yaml.safe_load((FIXTURES / "eindhoven_explore-v2.0_openapi.yaml").read_text())
    examples: dict[str, Any] = document["components"]["examples"]
    return examples


def test_v1_search() -> None:
    page = map_catalog_page(load("udata-ods_v1_search.json"), page_url=V1_URL)
    assert [r.remote_id for r in page.records] == ["test-b", "test-c", "test-a", "test-shp-limit"]
    assert page.extras == {"count": "4"} and page.next_url is None
    test_a = page.records[2]
    assert test_a.licence == "etalab-2.0"  # "Licence Ouverte (Etalab)"
    assert test_a.description == "<p>test-a-description</p>"
    assert test_a.publisher is not None and test_a.publisher.name == "test"
    assert test_a.keywords == ("keyword1", "keyword2")
    assert {"EDUC", "ENVI"} <= set(test_a.themes)
    assert test_a.modified == dt.datetime(2015, 4, 9, 10, 28, 45, tzinfo=dt.UTC)
    assert test_a.landing_page == "http://example.com"  # its "references"
    assert test_a.remote_url == "https://etalab-sandbox.opendatasoft.com/explore/dataset/test-a/"
    test_b = page.records[0]
    formats = [d.format for d in test_b.distributions]
    assert formats == ["CSV", "JSON", "GEOJSON", "API", "PDF", "XLS", "ZIP"]
    pdf = test_b.distributions[4]
    assert pdf.title == "Documentation"
    assert pdf.access_url == (
        "https://etalab-sandbox.opendatasoft.com/api/datasets/1.0/test-b/attachments/"
        "documentation_pdf/"
    )  # resolved from odsfile://
    assert page.records[1].distributions == ()  # has_records false, no attachments


def test_v1_single_dataset() -> None:
    page = map_catalog_page(load("udata-ods_v1_dataset_inspire.json"), page_url=V1_URL)
    (record,) = page.records
    assert record.remote_id == "inspire" and record.languages == ("en",)


def test_explore_v2_examples() -> None:
    examples = explore_examples()
    url = "https://data.eindhoven.nl/api/v2/catalog/datasets?limit=10&offset=0"
    page = map_catalog_page(examples["datasets"]["value"], page_url=url)
    assert len(page.records) == 2 and page.errors == ()
    boundaries = page.records[0]
    assert boundaries.remote_id == "world-administrative-boundaries-countries-and-territories"
    assert boundaries.licence == "OGL-UK-3.0"
    assert boundaries.publisher is not None
    assert boundaries.publisher.name == "World Food Programme (UN agency)"
    assert [d.format for d in boundaries.distributions] == ["CSV", "JSON", "GEOJSON", "API"]
    (geonames,) = map_catalog_page(examples["dataset"]["value"], page_url=url).records
    assert geonames.licence == "CC-BY-4.0"  # license_url
    assert geonames.keywords == ("Geonames", "city", "world")
    assert geonames.landing_page == "https://download.geonames.org/export/dump/"  # references
    assert "records_count" not in repr(geonames) and "137611" not in repr(geonames)


def test_explore_v21_results_and_offset_paging() -> None:
    datasets = [d["dataset"] for d in explore_examples()["datasets"]["value"]["datasets"]]
    url = "https://data.example.org/api/explore/v2.1/catalog/datasets?limit=2&offset=0"
    page = map_catalog_page({"total_count": 5, "results": datasets}, page_url=url)
    assert len(page.records) == 2
    assert page.next_url == (
        "https://data.example.org/api/explore/v2.1/catalog/datasets?limit=2&offset=2"
    )


@pytest.mark.parametrize("payload", [None, [], {"foo": "bar"}, {"results": {}}])
def test_not_a_catalog_response(payload: Any) -> None:
    with pytest.raises(PayloadError):
        map_catalog_page(payload)


def test_bad_datasets_fail_only_themselves() -> None:
    page = map_catalog_page({"results": [{"dataset_id": "x"}, {"metas": {}}, "junk"]})
    assert [(e.remote_id, e.field) for e in page.errors] == [
        ("x", "title"),
        ("#1", "dataset_id"),
        ("#2", ""),
    ]


KEYS = [
    "dataset_id",
    "datasetid",
    "metas",
    "default",
    "dcat",
    "title",
    "description",
    "theme",
    "keyword",
    "license",
    "license_url",
    "publisher",
    "modified",
    "language",
    "territory",
    "references",
    "features",
    "has_records",
    "attachments",
    "url",
    "href",
    "mimetype",
    "id",
    "temporal",
    "accrualperiodicity",
    "contact_email",
]


@settings(max_examples=150, deadline=None)
@given(objects(KEYS))
def test_any_dataset_gives_a_record_or_an_error(item: dict[str, Any]) -> None:
    assert isinstance(map_dataset(item, site="https://x.org"), EntryRecord | RecordError)


@settings(max_examples=100, deadline=None)
@given(json_values(["results", "datasets", "total_count", "nhits", "links", *KEYS]))
def test_any_payload_gives_a_page_or_a_payload_error(payload: Any) -> None:
    with contextlib.suppress(PayloadError):
        assert isinstance(map_catalog_page(payload, page_url=V1_URL), Page)
