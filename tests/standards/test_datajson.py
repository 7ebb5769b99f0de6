"""/data.json validates against the Project Open Data 1.1 JSON schema (non-federal)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry, Resource

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "pod_schema"

pytestmark = pytest.mark.django_db


def validator() -> Draft4Validator:
    catalog = json.loads((SCHEMA_DIR / "catalog.json").read_text())
    dataset = json.loads((SCHEMA_DIR / "dataset-non-federal.json").read_text())
    registry = Registry().with_resources(
        [
            (catalog["id"].rstrip("#"), Resource.from_contents(catalog)),
            (dataset["id"].rstrip("#"), Resource.from_contents(dataset)),
        ]
    )
    return Draft4Validator(catalog, registry=registry, format_checker=FormatChecker())


def get_json(client):
    response = client.get("/data.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return json.loads(b"".join(response.streaming_content))


def test_data_json_is_valid_pod_1_1(client, demo_catalogue):
    data = get_json(client)
    errors = sorted(validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]
    titles = {d["title"] for d in data["dataset"]}
    assert "Public transport stops" in titles and "Lyon transit API" in titles
    assert "Tramway line T10 concession" not in titles  # PPP projects are not data
    assert "Unpublished draft" not in titles
    stops = next(d for d in data["dataset"] if d["title"] == "Public transport stops")
    assert stops["accrualPeriodicity"] == "R/P1D"
    assert stops["temporal"] == "2020-01-01/2024-12-31"
    assert stops["language"] == ["en", "fr"] or sorted(stops["language"]) == ["en", "fr"]
    csv = next(d for d in stops["distribution"] if d.get("format") == "CSV")
    assert csv["downloadURL"].endswith("stops.csv") and csv["mediaType"] == "text/csv"
    api = next(d for d in data["dataset"] if d["title"] == "Lyon transit API")
    assert api["describedBy"].endswith("openapi.json")
    assert api["distribution"][0]["format"] == "API"


def test_the_validator_catches_a_broken_dataset(client, demo_catalogue):
    """The schema really bites: a missing accessLevel or a bad periodicity fails."""
    data = get_json(client)
    del data["dataset"][0]["accessLevel"]
    data["dataset"][1]["accrualPeriodicity"] = "every tuesday"
    assert len(list(validator().iter_errors(data))) >= 2


def test_empty_catalogue_is_valid(client, db):
    data = get_json(client)
    assert data["dataset"] == []
    assert not list(validator().iter_errors(data))
