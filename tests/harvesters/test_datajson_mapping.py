"""data.json catalogues (POD 1.1, DCAT-US 3, Socrata, ArcGIS Hub) → records (golden), hostile."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from harvesters.datajson.mapping import map_catalog, map_dataset, map_service
from harvesters.exceptions import PayloadError
from harvesters.records import EntryRecord, Page, RecordError

from .jsonish import json_values, objects

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def catalog(relpath: str) -> Page:
    return map_catalog(json.loads((FIXTURES / relpath).read_text(encoding="utf-8")))


def by_id(page: Page) -> dict[str, EntryRecord]:
    return {record.remote_id: record for record in page.records}


def test_gsa_full_catalogue() -> None:
    page = catalog("dcat_us/gsa_gov_data.json")
    assert (len(page.records), len(page.errors)) == (343, 0)
    networx = by_id(page)["GSA-2015-02-26-1"]
    assert networx.title == "Networx Business Volume FY2013, 3rd Qtr"
    assert networx.licence == "CC0-1.0"
    assert networx.frequency == "QUARTERLY"  # R/P3M
    assert networx.modified == dt.datetime(2019, 6, 12, tzinfo=dt.UTC)
    assert networx.issued == dt.datetime(2015, 2, 27, tzinfo=dt.UTC)
    assert networx.publisher is not None
    assert networx.publisher.name == "General Services Administration"
    assert (networx.contact_name, networx.contact_email) == (
        "Toni L. Holloway",
        "toni.holloway@gsa.gov",
    )
    assert networx.series_ref == "GSA-2015-08-27"
    assert networx.themes == ("ECON",)  # "Procurement"
    assert dict(networx.extras)["bureauCode"] == '["023:00"]'
    (xlsx,) = networx.distributions
    assert xlsx.format == "XLSX" and xlsx.download_url.endswith("TotRevFY13_3rdQtr.xlsx")
    # isPartOf parents become series
    assert sum(r.is_series for r in page.records) == 11
    assert by_id(page)["GSA-2015-08-27"].is_series
    licences = {r.licence for r in page.records}
    assert {"CC0-1.0", "US-PD"} <= licences
    unknown = [r for r in page.records if any("gsa.inl.gov" in w for w in r.warnings)]
    assert len(unknown) == 1 and unknown[0].licence == ""


def test_collection_parent_and_children() -> None:
    records = by_id(catalog("dcat_us/ckanext-datajson_collection-1-parent-2-children.data.json"))
    assert records["OPM-ERround-0001"].is_series
    assert records["OPM-ERround-0001-AWOL"].series_ref == "OPM-ERround-0001"
    assert records["OPM-ERround-0001-Retire"].series_ref == "OPM-ERround-0001"
    assert records["OPM-ERround-0001-AWOL"].licence == "US-PD"
    assert records["OPM-ERround-0001-AWOL"].languages == ("en",)  # "en-US"


def test_invalid_datasets_are_errors_not_crashes() -> None:
    page = catalog("dcat_us/ckanext-datajson_missing-identifier-title.data.json")
    assert [r.remote_id for r in page.records] == ["Test-0001"]
    assert sorted((e.field, e.message) for e in page.errors) == [
        ("identifier", "dataset has no identifier"),
        ("title", "dataset has no title"),
    ]
    page = catalog("dcat_us/ckanext-datajson_missing-dataset-fields.data.json")
    assert len(page.records) == 1 and page.errors[0].field == "identifier"


def test_numerical_title_and_null_spatial() -> None:
    (record,) = catalog("dcat_us/ckanext-datajson_numerical-title.data.json").records
    assert record.title == "707"
    (record,) = catalog("dcat_us/ckanext-datajson_null-spatial.data.json").records
    assert record.spatial_label == "" and record.countries == ()


def test_dcat_us_3_services_become_apis() -> None:
    page = catalog("dcat_us/datagov-harvester_dcatus3_0_with_services.json")
    assert [r.entry_type for r in page.records] == ["dataset", "api", "api"]
    service = by_id(page)["https://example.gov/services/one"]
    assert service.title == "Test Data Service One"
    assert service.endpoint_url == "https://api.example.gov/climate/v1"
    assert service.contact_email == "svc-one@example.gov"
    assert service.identifier == "https://example.gov/services/one"


def test_dcat_us_3_series_with_members() -> None:
    page = catalog("dcat_us/datagov-harvester_dcatus3_0_series_with_members.json")
    assert len(page.records) == 3 and page.errors == ()  # first/last repeat members
    records = by_id(page)
    assert records["https://example.gov/series/annual-report"].is_series
    for year in (2023, 2024):
        member = records[f"https://example.gov/datasets/annual-report-{year}"]
        assert member.series_ref == "https://example.gov/series/annual-report"


def test_dcat_us_3_complete_dataset_object() -> None:
    (record,) = catalog("dcat_us/dcat-us-3.0_schema_complete_example.json").records
    assert record.remote_id == "NCDC-CLIMATE-OBS-2024"  # identifier object's notation
    assert record.identifier == "https://example.gov/datasets/national-climate-observations-2024"
    assert record.landing_page == "https://example.gov/datasets/climate-2024"
    assert (record.temporal_start, record.temporal_end) == (
        dt.date(2024, 1, 1),
        dt.date(2024, 12, 31),
    )
    assert record.frequency == "DAILY" and record.version == "2024.1"
    assert record.series_ref == "https://example.gov/series/annual-climate-observations"
    assert [(d.format, d.byte_size) for d in record.distributions] == [
        ("CSV", 524288000),
        ("JSON", 785432000),
    ]
    assert record.publisher is not None
    assert record.publisher.identifier == "https://example.gov/organizations/ncdc"
    assert "ENVI" in record.themes


def test_invalid_dcat_us_3_dataset_is_still_harvested() -> None:
    """A missing contactPoint is a quality problem, not a reason to drop the dataset."""
    page = catalog("dcat_us/datagov-harvester_dcatus3_0_invalid.json")
    assert len(page.records) == 2
    assert by_id(page)["https://example.gov/datasets/invalid"].contact_email == ""


def test_arcgis_hub_feed() -> None:
    page = catalog("arcgis/evian_hub_dcat-us_data.json")
    assert len(page.records) == 8 and page.errors == ()
    record = page.records[0]
    assert record.identifier.startswith("https://www.arcgis.com/home/item.html?id=")
    assert record.licence == "etalab-2.0"  # a URL inside HTML text
    assert record.description.startswith("<DIV")  # the loader sanitises, not the mapper
    assert dict(record.extras)["spatial"] == "6.5735,46.3912,6.6069,46.4028"
    assert [d.format for d in record.distributions] == [
        "HTML",
        "ESRI REST",
        "CSV",
        "GEOJSON",
        "ZIP",
        "KML",
    ]


def test_socrata_generated_data_json() -> None:
    page = catalog("socrata/opendata_fcc_gov_data.json")
    assert len(page.records) == 59
    assert all(r.identifier.startswith("https://opendata.fcc.gov/api/views/") for r in page.records)
    (ny,) = catalog("socrata/data_ny_gov_data_excerpt.json").records
    assert ny.landing_page == "https://data.ny.gov/d/22ew-dxez"
    assert [d.format for d in ny.distributions] == ["CSV", "RDF", "JSON", "XML"]


def test_other_agency_catalogues() -> None:
    assert len(catalog("dcat_us/fda_gov_data.json").records) == 86  # no @type anywhere
    assert len(catalog("dcat_us/consumerfinance_gov_data.json").records) == 11
    cftc = catalog("dcat_us/cftc_gov_data_excerpt.json")
    assert len(cftc.records) == 7 and cftc.records[0].frequency == "WEEKLY"


def test_duplicate_identifiers_are_reported() -> None:
    dataset = {"identifier": "a", "title": "A"}
    page = map_catalog({"dataset": [dataset, dict(dataset, title="B")]})
    assert [r.title for r in page.records] == ["A"]
    assert page.errors[0].message.startswith("the identifier is used")


def test_modified_as_a_repeating_interval_is_a_frequency() -> None:
    record = map_dataset({"identifier": "x", "title": "X", "modified": "R/P1D"})
    assert isinstance(record, EntryRecord)
    assert record.modified is None and record.frequency == "DAILY" and record.warnings == ()


@pytest.mark.parametrize("payload", [None, 3, "x", {"title": "no datasets"}])
def test_not_a_catalogue(payload: Any) -> None:
    with pytest.raises(PayloadError):
        map_catalog(payload)


DATASET_KEYS = sorted(
    {
        key
        for d in json.loads((FIXTURES / "dcat_us/gsa_gov_data.json").read_text())["dataset"][:20]
        for key in d
    }
    | {
        "@id",
        "@type",
        "inSeries",
        "landingPage",
        "temporal",
        "accessURL",
        "downloadURL",
        "mediaType",
        "format",
        "byteSize",
        "hasEmail",
        "fn",
        "name",
        "notation",
        "endpointURL",
        "servesDataset",
        "endpointDescription",
        "prefLabel",
        "seriesMember",
    }
)


@settings(max_examples=150, deadline=None)
@given(objects(DATASET_KEYS))
def test_any_dataset_or_service_gives_a_record_or_an_error(item: dict[str, Any]) -> None:
    assert isinstance(map_dataset(item), EntryRecord | RecordError)
    assert isinstance(map_service(item), EntryRecord | RecordError)


@settings(max_examples=100, deadline=None)
@given(json_values(["dataset", "service", "datasetSeries", "@type", *DATASET_KEYS]))
def test_any_document_gives_a_page_or_a_payload_error(payload: Any) -> None:
    with contextlib.suppress(PayloadError):
        assert isinstance(map_catalog(payload), Page)
