"""Searching while entries are being created never fails (issue 10): a bitmap built before an
entry existed simply does not contain it."""

from __future__ import annotations

from typing import Any

import pytest

from search.backends.bitmap_run import BitmapRun, match_text
from search.backends.facet_cache import current_snapshot
from search.bitmaps import Membership, bitmap_from_ids
from search.query import SearchQuery
from search.service import get_backend, reset_backend_cache
from search.text_query import parse_text_query
from tests.factories import make_entry


def test_an_id_beyond_the_bitmap_is_not_a_member() -> None:
    members = Membership(bitmap_from_ids([3, 7], 1), 1)
    assert 3 in members and 7 in members
    assert 8 not in members
    assert 10_000 not in members
    assert -1 not in members


@pytest.mark.django_db
def test_a_search_on_a_snapshot_older_than_the_text_index_succeeds(settings: Any) -> None:
    """A harvest commits an entry between the facet snapshot and the text match of a search:
    the match beyond the snapshot's bitmaps is left out instead of raising IndexError."""
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_BACKEND = "search.backends.database.DatabaseBackend"
    reset_backend_cache()
    entry = make_entry(title="Growing catalogue entry")
    while entry.pk % 8 != 7:  # the next entry lands in a byte the snapshot does not have
        entry = make_entry(title="Growing catalogue entry")
    snap = current_snapshot()
    late = make_entry(title="Growing catalogue entry, harvested meanwhile")
    assert late.pk >= snap.size_bytes * 8
    query = SearchQuery(text="growing")
    text = parse_text_query(query.text)
    matches = match_text(text, ranked=True)
    assert late.pk in {entry_id for entry_id, _score in matches}
    run = BitmapRun(query, text, snap, matches, snap.universe, snap.universe, snap.postings, {})
    found = {entry_id for entry_id, _score in run.ordered(limit=None)}
    assert entry.pk in found and late.pk not in found
    assert late.pk in set(get_backend().search_ids(query))  # the next search has it
    reset_backend_cache()
