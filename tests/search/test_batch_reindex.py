"""Re-indexing a harvest-sized batch on the database backend.

A harvest writes its changes in bulk (no per-save indexing), then re-indexes the batch in one
``index_entries`` call, which writes only the index rows that differ from the database. These
tests change entries behind the index's back, as the loader's bulk writes do, and check that
one batch call leaves the index exactly as a full rebuild would.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from django.db import connection
from django.http import QueryDict

from catalogue.models.entries import Entry
from catalogue.models.organisations import Organisation
from catalogue.models.vocabularies import Licence, Theme
from search.backends.database import DatabaseBackend
from search.bitmaps import current_token
from search.params import parse_search_params
from search.query import Facet
from tests.factories import make_entry, make_organisation

pytestmark = pytest.mark.django_db


def found(backend: DatabaseBackend, qs: str) -> set[int]:
    return set(backend.search_ids(parse_search_params(QueryDict(qs))))


def facet_counts(backend: DatabaseBackend, facet: Facet) -> dict[str, int]:
    results = backend.search(parse_search_params(QueryDict("")))
    return {fv.value: fv.count for fv in results.facets[facet] if fv.count}


def fts_rows() -> list[tuple[int, str, str]]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid, title, body FROM wagtailsearch_indexentry_fts WHERE rowid < 0 "
            "ORDER BY rowid"
        )
        return [(int(rowid), str(title), str(body)) for rowid, title, body in cursor.fetchall()]


def assert_fts_intact() -> None:
    """FTS5's own check that its index agrees with the text it stores."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO wagtailsearch_indexentry_fts(wagtailsearch_indexentry_fts) "
            "VALUES ('integrity-check')"
        )


@pytest.fixture
def backend(settings: Any) -> DatabaseBackend:
    settings.ELASTICSEARCH_URL = ""
    return DatabaseBackend()


@pytest.fixture
def batch(backend: DatabaseBackend) -> dict[str, Entry]:
    org = make_organisation(name="Harbour Authority", slug="harbour", kind="government")
    tran = Theme.objects.get(code="TRAN")
    cc0 = Licence.objects.get(spdx_id="CC0-1.0")
    entries = {
        name: make_entry(
            "dataset",
            title=f"Harbour {name} soundings",
            publisher=org,
            themes=[tran],
            licence=cc0,
            summary="Depth of the old harbour basin.",
        )
        for name in ("retitled", "relicensed", "unchanged", "unpublished", "unindexed")
    }
    entries["api"] = make_entry(
        "api",
        title="Harbour tides API",
        publisher=org,
        themes=[tran],
        licence=cc0,
        api_type="rest",
        authentication="none",
        endpoint_url="https://api.x.test/tides",
    )
    backend.rebuild()
    backend.remove_entries([entries["unindexed"].pk])
    return entries


def test_one_batch_call_brings_changed_text_and_facets_in_line(backend: Any, batch: Any) -> None:
    cc_by = Licence.objects.get(spdx_id="CC-BY-4.0")
    envi = Theme.objects.get(code="ENVI")
    # Bulk writes, as the harvest loader makes them: no per-entry indexing.
    Entry.objects.filter(pk=batch["retitled"].pk).update(
        title="Lighthouse soundings", summary="Depth near the lighthouse reef."
    )
    Entry.objects.filter(pk=batch["relicensed"].pk).update(licence=cc_by)
    Entry.themes.through.objects.filter(entry_id=batch["relicensed"].pk).delete()
    Entry.themes.through.objects.create(entry_id=batch["relicensed"].pk, theme=envi)
    Entry.objects.filter(pk=batch["unpublished"].pk).update(live=False)

    backend.index_entries([e.pk for e in batch.values()])

    assert found(backend, "q=lighthouse") == {batch["retitled"].pk}
    assert batch["retitled"].pk not in found(backend, "q=harbour+basin")
    assert found(backend, "q=basin") == {
        batch[name].pk for name in ("relicensed", "unchanged", "unindexed")
    }
    assert batch["unpublished"].pk not in found(backend, "q=soundings")
    assert found(backend, "licence=CC-BY-4.0") == {batch["relicensed"].pk}
    assert found(backend, "theme=environment") == {batch["relicensed"].pk}

    published = Entry.objects.published()
    assert facet_counts(backend, Facet.LICENCE) == dict(
        Counter(published.exclude(licence=None).values_list("licence__spdx_id", flat=True))
    )
    assert facet_counts(backend, Facet.THEME) == dict(
        Counter(published.values_list("themes__slug", flat=True))
    )
    assert facet_counts(backend, Facet.TYPE) == {"dataset": 4, "api": 1}


def test_a_batch_leaves_the_index_as_a_rebuild_would(backend: Any, batch: Any) -> None:
    Entry.objects.filter(pk=batch["retitled"].pk).update(title="Lighthouse soundings")
    Entry.objects.filter(pk=batch["unpublished"].pk).update(live=False)
    backend.index_entries([e.pk for e in batch.values()])
    after_batch = fts_rows()
    with connection.cursor() as cursor:
        cursor.execute("SELECT entry_id, facet, value FROM search_facet_value")
        facets_after_batch = Counter(cursor.fetchall())
    assert_fts_intact()

    backend.rebuild()
    with connection.cursor() as cursor:
        cursor.execute("SELECT entry_id, facet, value FROM search_facet_value")
        assert Counter(cursor.fetchall()) == facets_after_batch
    assert fts_rows() == after_batch
    assert_fts_intact()

    backend.remove_entries([batch["retitled"].pk])
    assert found(backend, "q=lighthouse") == set()
    assert -batch["retitled"].pk not in [row[0] for row in fts_rows()]
    assert_fts_intact()


def test_wagtails_own_index_rows_are_still_mirrored_by_its_triggers(
    backend: Any, batch: Any
) -> None:
    """Migration 0003 narrows Wagtail's triggers to rows with positive ids (not entries')."""
    from wagtail.search.backends import get_search_backend

    org = Organisation.objects.get(slug="harbour")
    get_search_backend().add(org)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT e.title, e.body, f.title, f.body FROM wagtailsearch_indexentry e "
            "LEFT JOIN wagtailsearch_indexentry_fts f ON f.rowid = e.id "
            "WHERE e.object_id = %s AND e.id > 0",
            [str(org.pk)],
        )
        [(title, body, fts_title, fts_body)] = cursor.fetchall()
        assert "Harbour Authority" in f"{title} {body}"
        assert (fts_title, fts_body) == (title, body)
    assert_fts_intact()


def test_reindexing_unchanged_entries_keeps_their_rows_and_renews_the_token(
    backend: Any, batch: Any
) -> None:
    ids = [e.pk for e in batch.values()]
    backend.index_entries(ids)  # brings the unindexed entry in
    rows, token = fts_rows(), current_token()
    assert len(rows) == len(batch)
    backend.index_entries(ids)
    assert fts_rows() == rows
    # Searches must still rebuild their snapshot: "newest" order and dates live there.
    assert current_token() != token
