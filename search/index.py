"""Keeping the index true: the only way catalogue code asks for (re)indexing.

Changes are indexed after the transaction commits, so a rolled-back save never reaches the
index and a search never shows an entry the database does not have.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction

from .backends import get_backend

logger = logging.getLogger(__name__)


def sync_entries_now(entry_ids: Iterable[int]) -> None:
    ids = sorted(set(entry_ids))
    if ids:
        get_backend().index_entries(ids)


def _immediately() -> bool:
    # Tests run inside a transaction that never commits (pytest-django), so they index at
    # once; everywhere else indexing waits for the commit.
    return bool(getattr(settings, "SEARCH_SYNC_IMMEDIATELY", False))


def sync_entries_on_commit(entry_ids: Iterable[int]) -> None:
    ids = sorted(set(entry_ids))
    if not ids:
        return
    if _immediately():
        sync_entries_now(ids)
    else:
        transaction.on_commit(lambda: _after_commit(ids, remove=False))


def remove_entries_on_commit(entry_ids: Iterable[int]) -> None:
    ids = sorted(set(entry_ids))
    if not ids:
        return
    if _immediately():
        get_backend().remove_entries(ids)
    else:
        transaction.on_commit(lambda: _after_commit(ids, remove=True))


def _after_commit(ids: list[int], *, remove: bool) -> None:
    """A backend that indexes in the background (Elasticsearch) queues a task here."""
    backend = get_backend()
    name = "remove_entries" if remove else "index_entries"
    getattr(backend, f"{name}_later", getattr(backend, name))(ids)


def rebuild_index() -> int:
    return get_backend().rebuild()
