"""Keeping the index true: the only way catalogue code asks for (re)indexing.

Changes are indexed after the transaction commits, so a rolled-back save never reaches the
index and a search never shows an entry the database does not have.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction

from .backends.base import Progress
from .service import get_backend

logger = logging.getLogger(__name__)


def sync_entries_now(entry_ids: Iterable[int]) -> None:
    ids = sorted(set(entry_ids))
    if ids:
        get_backend().index_entries(ids)


def _immediately() -> bool:
    # Tests run inside a transaction that never commits (pytest-django), so they index at
    # once; everywhere else indexing waits for the commit.
    return bool(getattr(settings, "SEARCH_SYNC_IMMEDIATELY", False))


class _Pending(threading.local):
    """Ids waiting for this thread's transaction to commit: one index call per transaction.

    A save, its revision and its publication each ask for a sync; collecting them means the
    entry is indexed once, after the commit, however many times it was written.
    """

    def __init__(self) -> None:
        self.sync: set[int] = set()
        self.remove: set[int] = set()


_pending = _Pending()


def _flush() -> None:
    sync, remove = _pending.sync, _pending.remove
    _pending.sync, _pending.remove = set(), set()
    if remove:
        _after_commit(sorted(remove), remove=True)
    if sync - remove:
        _after_commit(sorted(sync - remove), remove=False)


def _schedule(ids: Iterable[int], *, remove: bool) -> None:
    (_pending.remove if remove else _pending.sync).update(ids)
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _flush()
        return
    # Register the flush once per transaction (a rolled-back transaction drops it, and the
    # next one registers again: ids left over are re-indexed from the database, harmlessly).
    if not any(func is _flush for _, func, _ in connection.run_on_commit):
        transaction.on_commit(_flush)


def sync_entries_on_commit(entry_ids: Iterable[int]) -> None:
    ids = sorted(set(entry_ids))
    if not ids:
        return
    if _immediately():
        sync_entries_now(ids)
    else:
        _schedule(ids, remove=False)


def remove_entries_on_commit(entry_ids: Iterable[int]) -> None:
    ids = sorted(set(entry_ids))
    if not ids:
        return
    if _immediately():
        remove_entries_now(ids)
    else:
        _schedule(ids, remove=True)


def _after_commit(ids: list[int], *, remove: bool) -> None:
    """A backend that indexes in the background (Elasticsearch) queues a task here."""
    backend = get_backend()
    if remove:
        backend.remove_entries_later(ids)
    else:
        backend.index_entries_later(ids)


def remove_entries_now(entry_ids: Iterable[int]) -> None:
    ids = sorted(set(entry_ids))
    if ids:
        get_backend().remove_entries(ids)


def rebuild_index(progress: Progress | None = None) -> int:
    return get_backend().rebuild(progress)
