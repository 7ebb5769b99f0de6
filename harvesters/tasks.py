"""Background harvests on django-tasks (database backend: any number of ``db_worker``s).

``harvest_source_task`` runs one source; ``enqueue_due_sources`` queues every source whose
schedule is due and recovers stuck jobs (harvesters/recovery.py: a killed worker's job is
closed as failed and queued again). Run the latter periodically (``manage.py harvest
--due`` from cron does the same in the foreground), e.g. every 15 minutes.
"""

from __future__ import annotations

from django_tasks import task

from .exceptions import HarvestFailed
from .models import HarvestJob, HarvestSource, JobStatus
from .services import (
    harvest_job_create,
    harvest_source_run,
    harvest_sources_due,
)


@task()
def harvest_source_task(source_id: int, job_id: int | None = None, dry_run: bool = False) -> str:
    source = HarvestSource.objects.get(pk=source_id)
    job = HarvestJob.objects.filter(pk=job_id).first() if job_id else None
    if job is not None and job.status != JobStatus.PENDING:
        return f"job {job.pk} is {job.status}: not run again"
    from .demo import demo_of, harvest_demo_source_run

    demo = demo_of(source)
    try:
        if demo is not None:
            job = harvest_demo_source_run(source=source, demo=demo, dry_run=dry_run, job=job)
        else:
            job = harvest_source_run(source=source, dry_run=dry_run, job=job)
    except HarvestFailed as exc:
        if job is not None:
            HarvestJob.objects.filter(pk=job.pk).update(status=JobStatus.FAILED, error=str(exc))
        return str(exc)
    return f"{source.slug}: {job.status} {job.counts()}"


def harvest_source_enqueue(
    *, source: HarvestSource, dry_run: bool = False, attempt: int = 1
) -> HarvestJob:
    """Queue a run: the pending job takes the source's lock at once, so it cannot queue twice."""
    job = harvest_job_create(source=source, dry_run=dry_run, attempt=attempt)
    harvest_source_task.enqueue(source.pk, job.pk, dry_run)
    return job


@task()
def enqueue_due_sources() -> int:
    from .recovery import harvest_jobs_recover

    queued = len(harvest_jobs_recover())
    for source in harvest_sources_due():
        try:
            harvest_source_enqueue(source=source)
            queued += 1
        except HarvestFailed:
            continue  # already queued or running
    return queued
