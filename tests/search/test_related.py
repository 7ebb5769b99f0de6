"""Related entries on the embedded backend: shown on detail pages, never the entry itself."""

from __future__ import annotations

from typing import Any

import pytest

from search.service import related_entries
from tests.factories import make_entry, make_organisation

pytestmark = pytest.mark.django_db


def test_entries_sharing_words_are_related_and_shown_on_the_page(client: Any) -> None:
    org = make_organisation()
    air = make_entry(
        "dataset",
        title="Urban air pollution sensors",
        publisher=org,
        keywords=["pollution", "sensors"],
    )
    api = make_entry("api", title="Air pollution readings API", publisher=org)
    make_entry("dataset", title="School holidays calendar", publisher=org)
    draft = make_entry("dataset", title="Pollution draft", publisher=org, publish=False)
    ids = [hit.entry_id for hit in related_entries(air.pk)]
    assert api.pk in ids
    assert air.pk not in ids and draft.pk not in ids
    page = client.get(air.get_absolute_url()).content.decode()
    assert "Similar entries" in page and api.get_absolute_url() in page


def test_an_unknown_entry_has_no_related_entries() -> None:
    assert related_entries(999_999) == []
