"""Background indexing for Elasticsearch: after commit, with retries, nothing lost.

Each task carries entry ids only and re-reads their state when it runs, so a retry an hour
later writes what is true then, and tasks may run in any order. When the cluster is down the
task re-enqueues itself with a growing delay (up to ``MAX_DELAY``) and keeps trying: the
queue is the database (django-tasks-db), so pending work survives restarts. A task that fails
for another reason (a bug) fails loudly in the task results instead of looping.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable

from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

TASK_CHUNK = 1000
FIRST_DELAY = dt.timedelta(seconds=10)
MAX_DELAY = dt.timedelta(minutes=10)


def retry_delay(attempt: int) -> dt.timedelta:
    """10 s, 20 s, 40 s ... capped at 10 minutes."""
    delay: dt.timedelta = FIRST_DELAY * (2 ** max(0, attempt - 1))
    return min(delay, MAX_DELAY)


def enqueue_sync(entry_ids: Iterable[int], *, attempt: int = 0) -> None:
    """Queue the index update of these entries (in chunks a worker handles in seconds)."""
    ids = sorted(set(entry_ids))
    for start in range(0, len(ids), TASK_CHUNK):
        chunk = ids[start : start + TASK_CHUNK]
        if attempt and sync_entries_task.get_backend().supports_defer:
            sync_entries_task.using(run_after=timezone.now() + retry_delay(attempt)).enqueue(
                chunk, attempt
            )
        elif attempt:
            # A backend that cannot defer (the immediate one) would retry in a tight loop:
            # the drift check (`search_index check --fix`) recovers instead.
            logger.error(
                "Elasticsearch indexing of %d entries not retried: the task "
                "backend cannot defer; run `manage.py search_index check --fix`",
                len(chunk),
            )
        else:
            sync_entries_task.enqueue(chunk, 0)


@task()
def sync_entries_task(entry_ids: list[int], attempt: int = 0) -> int:
    """Write these entries' current state to the configured index; retry later if it is down.

    Whatever backend is configured when the task runs writes (one switched to the database
    since writes its own index, which is harmless: the writes are idempotent).
    """
    from .backends.base import IndexUnavailable
    from .service import get_backend

    try:
        return get_backend().resync(entry_ids)
    except IndexUnavailable as error:
        delay = retry_delay(attempt + 1)
        logger.warning(
            "Elasticsearch unavailable (%s): %d entries retried in %ss",
            error,
            len(entry_ids),
            int(delay.total_seconds()),
        )
        enqueue_sync(entry_ids, attempt=attempt + 1)
        return 0
