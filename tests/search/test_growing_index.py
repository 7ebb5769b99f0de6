"""Searching while entries are being created never fails (issue 10): a bitmap built before an
entry existed simply does not contain it."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from django.db import connection

from search.bitmaps import Membership, bitmap_from_ids
from search.query import SearchQuery
from search.service import get_backend, reset_backend_cache
from tests.factories import make_entry


def test_an_id_beyond_the_bitmap_is_not_a_member() -> None:
    members = Membership(bitmap_from_ids([3, 7], 1), 1)
    assert 3 in members and 7 in members
    assert 8 not in members
    assert 10_000 not in members
    assert -1 not in members


@pytest.mark.django_db(transaction=True)
def test_searches_succeed_while_a_writer_adds_entries(settings: Any) -> None:
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_BACKEND = "search.backends.database.DatabaseBackend"
    reset_backend_cache()
    make_entry(title="Growing catalogue entry 0")
    errors: list[BaseException] = []
    done = threading.Event()

    def writer() -> None:
        try:
            for n in range(1, 25):
                make_entry(title=f"Growing catalogue entry {n}")
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)
        finally:
            done.set()
            connection.close()

    def searcher() -> None:
        backend = get_backend()
        try:
            while not done.is_set():
                for text in ("growing", "growing catalogue", ""):
                    backend.search(SearchQuery(text=text))
                time.sleep(0)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=writer)] + [
        threading.Thread(target=searcher) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    reset_backend_cache()
    assert not errors, errors
    assert get_backend().search(SearchQuery(text="growing")).count == 25
