"""make test reruns the postgresql-marked tests with DATABASE_URL pointing at a real server:
a misconfigured run (DATABASE_URL ignored, SQLite used) must fail, not pass silently."""

from __future__ import annotations

import os

import pytest
from django.db import connection

pytestmark = [pytest.mark.django_db, pytest.mark.postgresql]


def test_the_run_is_on_the_database_database_url_names() -> None:
    url = os.environ.get("DATABASE_URL", "sqlite:")
    expected = "postgresql" if url.startswith(("postgres:", "postgresql:")) else "sqlite"
    assert connection.vendor == expected
