"""More matches than Elasticsearch pages to (10,000): exports and the CKAN API get them all.

A plain Elasticsearch search stops at ``index.max_result_window``; bulk readers go through
``search_ids`` (a point in time walked with ``search_after``). The database index is left
empty here, so a reader that fell back to it would find nothing: every id must come from
the cluster.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.utils import timezone

from catalogue.models.entries import Entry
from catalogue.models.organisations import Organisation
from catalogue.models.vocabularies import Licence
from search.query import MAX_RESULT_WINDOW, SearchQuery, Sort
from search.service import search_entries, search_entry_ids

pytestmark = [pytest.mark.django_db, pytest.mark.slow, pytest.mark.elasticsearch]

MATCHES = MAX_RESULT_WINDOW + 500
BATCH = 2000


def bulk_datasets(total: int) -> list[int]:
    """``total`` published datasets matching "reservoir", inserted in bulk (no indexing)."""
    publisher = Organisation.objects.create(name="Water Board", slug="water-board")
    licence = Licence.objects.get(spdx_id="CC-BY-4.0")
    now = timezone.now()
    for start in range(0, total, BATCH):
        batch = []
        for i in range(start, min(start + BATCH, total)):
            modified = now - dt.timedelta(minutes=i)
            batch.append(
                Entry(
                    entry_type="dataset",
                    title=f"Reservoir level station {i}",
                    slug=f"reservoir-level-station-{i}",
                    summary="Daily reservoir levels.",
                    publisher=publisher,
                    licence=licence,
                    keywords=["reservoir"],
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=modified,
                    last_published_at=modified,
                    issued=modified,
                    modified=modified,
                )
            )
        with transaction.atomic():
            Entry.objects.bulk_create(batch, batch_size=500)
    return list(Entry.objects.published().values_list("pk", flat=True))


@pytest.fixture
def many(es_backend: Any) -> list[int]:
    ids = bulk_datasets(MATCHES)
    assert es_backend.rebuild() == MATCHES
    assert es_backend.fallback().search(SearchQuery(text="reservoir")).count == 0
    return ids


def open_points_in_time(es_backend: Any) -> int:
    """Search contexts held open on the node: each open point in time holds one per shard."""
    stats = es_backend.client.nodes.stats(metric="indices", index_metric="search")
    return sum(n["indices"]["search"]["open_contexts"] for n in stats["nodes"].values())


def test_search_ids_return_every_match_in_order(es_backend: Any, many: list[int]) -> None:
    before = open_points_in_time(es_backend)
    newest = search_entry_ids(SearchQuery(text="reservoir", sort=Sort.NEWEST))
    assert open_points_in_time(es_backend) == before  # closed after the read
    assert len(newest) == MATCHES
    expected = list(
        Entry.objects.published().order_by("-modified", "-id").values_list("pk", flat=True)
    )
    assert newest == expected
    relevance = search_entry_ids(SearchQuery(text="reservoir"))
    assert len(relevance) == len(set(relevance)) == MATCHES
    assert (
        search_entry_ids(SearchQuery(text="reservoir"), limit=MAX_RESULT_WINDOW + 1)
        == (relevance[: MAX_RESULT_WINDOW + 1])
    )
    assert search_entries(SearchQuery(text="reservoir")).count == MATCHES


def test_the_bulk_export_has_every_match(client: Client, many: list[int]) -> None:
    response = client.get("/export.jsonl", {"q": "reservoir", "sort": "newest"})
    assert response.status_code == 200
    assert response["X-Result-Count"] == str(MATCHES)
    lines = b"".join(response.streaming_content).decode().splitlines()  # type: ignore[attr-defined]
    assert len(lines) == MATCHES
    assert {json.loads(line)["title"] for line in lines[-2:]} == {
        "Reservoir level station 10499",
        "Reservoir level station 10498",
    }


def test_package_search_pages_past_ten_thousand(client: Client, many: list[int]) -> None:
    order = search_entry_ids(SearchQuery(text="reservoir"))
    slugs = dict(Entry.objects.values_list("pk", "slug"))
    seen: list[str] = []
    for start in (MAX_RESULT_WINDOW - 100, MAX_RESULT_WINDOW, MAX_RESULT_WINDOW + 400):
        response = client.get(
            "/api/3/action/package_search", {"q": "reservoir", "rows": "100", "start": str(start)}
        )
        assert response.status_code == 200, response.content[:300]
        result = response.json()["result"]
        assert result["count"] == MATCHES
        names = [package["name"] for package in result["results"]]
        assert names == [slugs[pk] for pk in order[start : start + 100]]
        seen += names
    assert len(seen) == len(set(seen)) == 300
    odd = client.get(
        "/api/3/action/package_search", {"q": "reservoir", "rows": "37", "start": "10450"}
    ).json()["result"]
    assert [p["name"] for p in odd["results"]] == [slugs[pk] for pk in order[10_450:10_487]]
