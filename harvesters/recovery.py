"""Recovering from a killed task worker: its job and task row would stay running forever.

``harvest_jobs_recover`` (run by ``enqueue_due_sources``; a foreground ``manage.py harvest``
only closes a stuck job of the source it is about to run) closes every job without a sign
of life for ``HARVEST_STUCK_MINUTES`` as failed, with an error saying so, which unblocks
its source; marks the task row the worker left RUNNING as failed; and queues the job
again, at most ``HARVEST_TASK_RETRIES`` times in a row.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from .exceptions import HarvestFailed
from .models import HarvestJob, JobStatus
from .services import harvest_jobs_close_stuck, stuck_after

logger = logging.getLogger(__name__)

HARVEST_TASK = "harvesters.tasks.harvest_source_task"


def task_retries() -> int:
    return int(getattr(settings, "HARVEST_TASK_RETRIES", 2))


def harvest_jobs_recover(*, now: dt.datetime | None = None) -> list[HarvestJob]:
    """Close the stuck jobs and queue their retries; returns the retries queued."""
    now = now or timezone.now()
    running = list(HarvestJob.objects.filter(status=JobStatus.RUNNING).values_list("pk", flat=True))
    harvest_jobs_close_stuck(now=now)
    closed = HarvestJob.objects.filter(
        pk__in=running, status=JobStatus.FAILED, finished_at=now
    ).select_related("source")
    _fail_task_rows({job.pk for job in closed}, now)
    retries = []
    for job in closed:
        retry = _retry(job)
        if retry is not None:
            retries.append(retry)
    return retries


def _retry(job: HarvestJob) -> HarvestJob | None:
    from .tasks import harvest_source_enqueue

    limit = task_retries()
    if job.dry_run or job.attempt > limit or not job.source.can_run:
        note = _("Not retried: %(n)d of %(limit)d retries used.") % {
            "n": job.attempt - 1,
            "limit": limit,
        }
        HarvestJob.objects.filter(pk=job.pk).update(error=f"{job.error} {note}")
        return None
    try:
        retry = harvest_source_enqueue(source=job.source, attempt=job.attempt + 1)
    except HarvestFailed as exc:  # another run started meanwhile: nothing to retry
        logger.info("no retry of job %s: %s", job.pk, exc)
        return None
    note = _("Retry %(n)d of %(limit)d queued as job %(job)d.") % {
        "n": job.attempt,
        "limit": limit,
        "job": retry.pk,
    }
    HarvestJob.objects.filter(pk=job.pk).update(error=f"{job.error} {note}")
    return retry


def _fail_task_rows(job_ids: set[int], now: dt.datetime) -> int:
    """Mark failed the task rows a killed worker left RUNNING (django_tasks_db backend)."""
    try:
        from django_tasks_db.models import DBTaskResult
    except (ImportError, RuntimeError):  # another task backend: it keeps no such rows
        return 0
    try:
        rows = list(DBTaskResult.objects.filter(status="RUNNING", task_path=HARVEST_TASK))
    except Exception:  # noqa: BLE001 - the backend's table is not installed here
        return 0
    failed = 0
    for row in rows:
        args = (row.args_kwargs or {}).get("args") or [None, None]
        started = row.started_at or row.enqueued_at
        if (len(args) > 1 and args[1] in job_ids) or started < now - 4 * stuck_after():
            failed += DBTaskResult.objects.filter(pk=row.pk, status="RUNNING").update(
                status="FAILED",
                finished_at=now,
                exception_class_path="harvesters.exceptions.HarvestFailed",
                traceback=_("The worker running this task stopped without finishing it."),
            )
    return failed
