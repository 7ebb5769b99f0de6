"""CKAN package dicts from real portals → normalised records (golden), and hostile input."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from harvesters.ckan.mapping import map_organisation_list, map_package, map_search_page
from harvesters.exceptions import PayloadError
from harvesters.records import EntryRecord, Page, RecordError

from .jsonish import json_values, objects

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ckan"


def load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def page_of(name: str, **kwargs: Any) -> Page:
    return map_search_page(load(name), **kwargs)


def test_birmingham_package_search_page() -> None:
    page = page_of("birmingham_package_search.json", site_url="https://data.birmingham.gov.uk")
    assert len(page.records) == 10 and page.errors == ()
    assert page.extras == {"count": "38"}
    first = page.records[0]
    assert first.remote_id == "cf552d08-cee9-43bf-8c0f-3196a9311799"
    assert first.entry_type == "dataset"
    assert first.title == "Purchase Card Transactions"
    assert first.licence == "OGL-UK-3.0"
    assert first.keywords == ("payments", "purchase card")
    assert first.publisher is not None
    assert first.publisher.name == "Birmingham City Council"
    assert first.publisher.remote_id == "birmingham-city-council"
    assert first.contact_name == "Ian Martin"
    assert first.contact_email == "ian.martin@birmingham.gov.uk"  # trailing space removed
    assert first.modified == dt.datetime(2021, 1, 15, 10, 25, 28, 638659, tzinfo=dt.UTC)
    assert first.remote_url == ("https://data.birmingham.gov.uk/dataset/purchase-card-transactions")
    assert len(first.distributions) == 45
    xls = first.distributions[0]
    assert (xls.format, xls.media_type) == ("XLS", "application/vnd.ms-excel")
    assert xls.download_url.endswith("purchasecardtransactionsapril2014.xls")  # an upload
    assert xls.checksum == "43f32bff94876bd377627bf8af89a692"
    assert xls.licence == "OGL-UK-3.0"
    assert "ECON" in first.themes  # group "Council Business"
    assert all(r.licence == "OGL-UK-3.0" for r in page.records)


def test_data_gov_harvest_extras_with_non_string_values() -> None:
    page = map_search_page(load("catalog_data_gov_2015_package_dicts.json"))
    assert len(page.records) == 3 and page.errors == ()
    hud = page.records[0]
    assert hud.title == "HUD Subprime and Manufactured Home Lender List"
    assert hud.licence == "LicenseRef-unspecified"  # CKAN "notspecified"
    assert (hud.temporal_start, hud.temporal_end) == (dt.date(1993, 1, 1), dt.date(2005, 1, 1))
    extras = dict(hud.extras)
    assert extras["bureauCode"] == '["025:09"]'  # a list value kept as JSON text
    assert "harvest_source_id" not in extras and "source_hash" not in extras
    assert not any(key.startswith("__") for key in extras)
    assert hud.distributions[0].access_url.startswith("http://www.HUDuser.org/")


def test_data_gov_au_scheming_fields() -> None:
    (record,) = page_of("data_gov_au_package_show_nsw-local-government-areas.json").records
    assert record.licence == "CC-BY-4.0"
    assert record.temporal_start == dt.date(2016, 8, 24) and record.temporal_end is None
    assert record.languages == ("en",)
    assert record.contact_email == "data@industry.gov.au"
    assert record.spatial_label == "Commonwealth of Australia"
    assert dict(record.extras)["spatial"].startswith('{"type": "Polygon"')
    assert [d.format for d in record.distributions][:1] == ["SHP"]
    assert record.distributions[0].byte_size == 18918924
    assert "REGI" in record.themes  # geospatial_topic "Boundaries"


def test_opendata_swiss_multilingual_fields() -> None:
    (record,) = page_of("opendata_swiss_package_show_reisen-2019.json").records
    assert record.title == "Voyages de la population résidante suisse en 2019"  # en is empty
    assert record.identifier == (
        "https://ckan.opendata.swiss/perma/14816740@bundesamt-fur-statistik-bfs"
    )
    assert (record.temporal_start, record.temporal_end) == (
        dt.date(2018, 1, 1),
        dt.date(2019, 12, 31),
    )
    assert record.publisher is not None
    assert record.publisher.name == "Federal Statistical Office FSO"
    assert record.contact_email == "auskunftsdienst@bfs.admin.ch"
    assert record.licence == ""  # no licence at package level
    assert record.distributions[0].format == "PDF"


def test_transportdata_be_unknown_licence_is_reported_and_kept() -> None:
    (record,) = page_of("transportdata_be_package_show_cambio-belgium.json").records
    assert record.licence == ""
    assert any("other-open" in warning for warning in record.warnings)
    assert dict(record.extras)["licence"] == "other-open"
    assert record.themes == ("TRAN",)
    assert record.countries == ("BE",)
    assert record.languages == ("en",)
    assert record.frequency == "IRREG"  # "On occurence"
    assert record.contact_email == "belgium@cambio.be"
    assert record.distributions[0].format == "JSON"


def test_wa_resources_with_spaces_in_urls_and_service_formats() -> None:
    (record,) = page_of("wa_gov_au_package_show_bush-fire-prone-areas-2025.json").records
    assert record.licence == "CC-BY-4.0"  # license_id "cc-by"
    assert len(record.distributions) == 7
    fgdb = next(d for d in record.distributions if d.format == "FGDB")
    assert fgdb.access_url == "https://data-downloads.slip.wa.gov.au/OBRM-024/File%20Geodatabase"
    assert {"GEOJSON", "SHP", "GPKG", "WFS", "WMS", "ESRI REST"} <= {
        d.format for d in record.distributions
    }
    assert record.frequency == "NEVER"  # "static"


def test_datasud_ckan_facade() -> None:
    page = page_of("datasud_package_search.json")
    assert len(page.records) == 7
    assert {r.licence for r in page.records} == {"etalab-2.0"}  # "lov2"
    formats = {d.format for r in page.records for d in r.distributions}
    assert {"SHP", "WMS", "WFS"} <= formats


def test_organisation_lists() -> None:
    organisations = map_organisation_list(
        load("open_canada_registry_organization_list_all_fields.json")
    )
    assert len(organisations) > 100
    assert all(o.name and o.remote_id for o in organisations)
    assert map_organisation_list(load("transportdata_be_organization_list.json")) == ()


@pytest.mark.parametrize(
    "payload",
    [
        {"success": False, "error": {"message": "Access denied"}},
        "not json object",
        {"result": {"nothing": 1}},
        None,
    ],
)
def test_unreadable_pages_fail_the_page(payload: Any) -> None:
    with pytest.raises(PayloadError):
        map_search_page(payload)


def test_bad_packages_fail_only_themselves() -> None:
    good = load("datasud_package_show_parkings-ville-de-gap.json")["result"]
    payload = {
        "result": {
            "count": 5,
            "results": [
                good,
                "a string",
                {"title": "no id"},
                {"id": "no-title", "title": None, "name": None},
                {"id": "gone", "title": "Deleted", "state": "deleted"},
            ],
        }
    }
    page = map_search_page(payload)
    assert [r.remote_id for r in page.records] == [good["id"]]
    assert [(e.remote_id, e.field) for e in page.errors] == [
        ("#1", ""),
        ("#2", "id"),
        ("no-title", "title"),
    ]


def test_invalid_dates_and_junk_values_become_warnings() -> None:
    record = map_package(
        {
            "id": "x",
            "title": 12345,  # a number where a string is expected
            "metadata_modified": "2021-02-30T25:00:00",
            "license_id": {"nested": ["junk"]},
            "tags": [{"name": None}, "loose", 3],
            "resources": [{"url": "javascript:alert(1)"}, {"url": "https://a.org/f.csv"}, None],
        }
    )
    assert isinstance(record, EntryRecord)
    assert record.title == "12345"
    assert record.modified is None
    assert any("metadata_modified" in w for w in record.warnings)
    assert [d.format for d in record.distributions] == ["CSV"]


PACKAGE_KEYS = sorted(
    {
        key
        for name in ["birmingham_package_search.json"]
        for key in load(name)["result"]["results"][0]
    }
    | {
        "extras",
        "temporals",
        "title_translated",
        "notes_translated",
        "contact_points",
        "countries_covered",
        "language",
        "access_level",
        "key",
        "value",
        "url_type",
        "format",
        "mimetype",
        "size",
        "hash",
        "download_url",
    }
)


@settings(max_examples=150, deadline=None)
@given(objects(PACKAGE_KEYS))
def test_any_package_gives_a_record_or_an_error(package: dict[str, Any]) -> None:
    result = map_package(package)
    assert result is None or isinstance(result, EntryRecord | RecordError)


@settings(max_examples=100, deadline=None)
@given(json_values(["result", "results", "count", "success", "id", "title", "resources"]))
def test_any_payload_gives_a_page_or_a_payload_error(payload: Any) -> None:
    try:
        page = map_search_page(
            payload, page_url="http://127.0.0.1/api/3/action/package_search?rows=1"
        )
    except PayloadError:
        return
    assert isinstance(page, Page)


@settings(max_examples=100, deadline=None)
@given(st.lists(objects(PACKAGE_KEYS), max_size=5))
def test_any_list_of_packages_in_a_valid_envelope(packages: list[dict[str, Any]]) -> None:
    page = map_search_page({"success": True, "result": {"count": 9, "results": packages}})
    assert len(page.records) + len(page.errors) <= len(packages)
