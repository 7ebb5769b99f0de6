"""Digits ``int()`` refuses ("²", "١") in ids and page numbers are a clear 4xx, never a 500."""

from __future__ import annotations

from typing import Any

import pytest

from tests.factories import make_entry

pytestmark = pytest.mark.django_db

HOSTILE = ("²", "①", "١٢")


@pytest.mark.parametrize("digits", HOSTILE)
def test_hostile_digits_in_participation_addresses(client: Any, digits: str) -> None:
    entry = make_entry("dataset")
    for url in (
        f"/api/v1/reports/?entry={digits}",
        f"/api/v1/reports/?entry={entry.pk}&page={digits}",
        f"/api/v1/discussions/?subject=catalogue.entry:{digits}",
        f"/api/v1/requests?page={digits}",
        f"/api/v1/requests/{digits}",
        f"/requests/?page={digits}",
        f"/admin/demand/?days={digits}",
    ):
        response = client.get(url)
        assert response.status_code < 500, url
