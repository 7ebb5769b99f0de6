"""Dataset series against the complete DCAT-US 3.0 schema (GSA/dcat-us, vendored).

A ``Dataset``'s ``inSeries`` is a ``DatasetSeries`` object or an IRI; until the series
definition (and what it reaches) was vendored, any dataset in a series failed to validate.
The Catalog schema names no ``datasetSeries`` list, so series there are checked against the
DatasetSeries definition itself.
"""

from __future__ import annotations

import copy
import json

import pytest

from tests.factories import make_entry, make_organisation
from tests.standards.test_dcat_us3 import FIXTURES, errors_of, get_json, harvest_data_json

pytestmark = pytest.mark.django_db

SERIES = "definitions/datasetseries"


def series_fixture() -> dict:
    name = "datagov-harvester_dcatus3_0_series_with_members.json"
    return json.loads((FIXTURES / "dcat_us" / name).read_text())


def test_data_gov_series_with_members_validates_and_a_bad_member_does_not():
    (series,) = series_fixture()["datasetSeries"]
    assert errors_of(series, SERIES) == []
    # inline in a dataset's inSeries, through the Catalog schema
    member = copy.deepcopy(series["seriesMember"][0])
    member["inSeries"] = [series]
    assert errors_of({"dataset": [member]}) == []

    bad = copy.deepcopy(series)
    del bad["seriesMember"][1]["contactPoint"]  # a Dataset requires one
    bad["last"]["publisher"] = "Test Agency"  # an Agent object, not a name
    found = errors_of(bad, SERIES)
    assert any(e.startswith("['seriesMember', 1]") and "contactPoint" in e for e in found)
    assert any(e.startswith("['last']") for e in found)
    member["inSeries"] = [{"@type": "DatasetSeries", "title": "No description"}]
    assert errors_of({"dataset": [member]}) != []


def test_our_series_and_members_are_valid(client, settings):
    settings.PUBLIC_BASE_URL = "http://catalogue.test"
    office = make_organisation(name="Statistics office", slug="stats", email="data@stats.example")
    series = make_entry(
        "dataset", title="Census", publisher=office, identifier="https://stats.example/census"
    )
    for year in (2011, 2021):
        make_entry("dataset", title=f"Census {year}", publisher=office, in_series=series)
    data = get_json(client)
    assert errors_of(data) == []
    members = [d for d in data["dataset"] if d.get("inSeries")]
    assert sorted(d["title"] for d in members) == ["Census 2011", "Census 2021"]
    assert {s for d in members for s in d["inSeries"]} == {"https://stats.example/census"}

    members[0]["inSeries"] = [{"@type": "DatasetSeries", "title": "Census"}]  # no description
    assert any("inSeries" in e for e in errors_of(data))


def test_harvested_series_exports_valid(client, settings):
    settings.PUBLIC_BASE_URL = "http://catalogue.test"
    assert harvest_data_json(series_fixture()) == 3
    data = get_json(client)
    assert errors_of(data) == []
    members = {d["title"]: d["inSeries"] for d in data["dataset"] if d.get("inSeries")}
    assert members == {
        "Annual Report 2023": ["https://example.gov/series/annual-report"],
        "Annual Report 2024": ["https://example.gov/series/annual-report"],
    }
