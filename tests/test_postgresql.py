"""make test reruns the postgresql-marked tests with DATABASE_URL pointing at a real server:
a misconfigured run (DATABASE_URL ignored, SQLite used) must fail, not pass silently."""

from __future__ import annotations

import os
from typing import Any

import pytest
from django.db import connection

from tests.factories import make_entry

pytestmark = [pytest.mark.django_db, pytest.mark.postgresql]


def test_the_run_is_on_the_database_database_url_names() -> None:
    url = os.environ.get("DATABASE_URL", "sqlite:")
    expected = "postgresql" if url.startswith(("postgres:", "postgresql:")) else "sqlite"
    assert connection.vendor == expected


def test_an_entry_is_written_and_read_back_through_every_reader(client: Any) -> None:
    """The smoke path on either database: a service writes, the page, the REST API, the
    CKAN API and the search (the database backend) read it back."""
    entry = make_entry("dataset", title="Bus stops of Ghent", slug="bus-stops-ghent")
    page = client.get(entry.get_absolute_url())
    assert page.status_code == 200
    assert "Bus stops of Ghent" in page.content.decode()
    api = client.get("/api/v1/datasets/bus-stops-ghent")
    assert api.status_code == 200
    assert api.json()["title"] == "Bus stops of Ghent"
    ckan = client.get("/api/3/action/package_show?id=bus-stops-ghent")
    assert ckan.json()["result"]["title"] == "Bus stops of Ghent"
    found = client.get("/api/v1/search?q=ghent")
    assert found.status_code == 200
    assert [hit["title"] for hit in found.json()["results"]] == ["Bus stops of Ghent"]
