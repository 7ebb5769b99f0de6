"""Running harvests: approve a source, start a job under the lock, run it, close stuck jobs.

Commands, tasks and admin views call these; they stay thin. ``harvest_source_run`` joins a
protocol's pages to the loader in batches and decides the job's end: succeeded, partial (some
records failed), or failed (the listing broke off: nothing withdrawn, cursor kept so the
next run resumes there).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from catalogue.services.overrides import entry_release_override

from .base import HarvestContext, Harvester
from .exceptions import HarvestFailed, SourceBusy, SourceNotApproved
from .http import HttpClient
from .loader import Loader
from .models import ACTIVE_STATUSES, HarvestJob, HarvestRecord, HarvestSource, JobStatus
from .records import EntryRecord, Page, RecordError
from .registry import get_harvester_class

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
RESUME_WINDOW = dt.timedelta(hours=24)
MAX_LOG_CHARS = 20_000


def stuck_after() -> dt.timedelta:
    return dt.timedelta(minutes=float(getattr(settings, "HARVEST_STUCK_MINUTES", 15)))


def harvest_source_approve(*, source: HarvestSource, user: Any = None) -> HarvestSource:
    source.approved, source.approved_by, source.approved_at = True, user, timezone.now()
    source.save(update_fields=["approved", "approved_by", "approved_at", "updated_at"])
    return source


def harvest_jobs_close_stuck(
    *, source: HarvestSource | None = None, now: dt.datetime | None = None
) -> int:
    """Close as failed the jobs whose heartbeat stopped (a killed worker, a dead machine)."""
    now = now or timezone.now()
    limit = now - stuck_after()
    jobs = HarvestJob.objects.filter(status__in=ACTIVE_STATUSES)
    if source is not None:
        jobs = jobs.filter(source=source)
    closed = 0
    for job in jobs:
        last_sign = job.heartbeat_at or job.started_at or job.queued_at
        pending_too_long = job.status == JobStatus.PENDING and last_sign < now - dt.timedelta(
            days=1
        )
        if (job.status == JobStatus.RUNNING and last_sign < limit) or pending_too_long:
            closed += HarvestJob.objects.filter(pk=job.pk, status=job.status).update(
                status=JobStatus.FAILED,
                finished_at=now,
                error=_("No sign of life since %s: closed as failed; the next run resumes.")
                % last_sign.isoformat(timespec="seconds"),
            )
    return closed


def harvest_job_create(
    *,
    source: HarvestSource,
    dry_run: bool = False,
    status: str = JobStatus.PENDING,
    attempt: int = 1,
) -> HarvestJob:
    """A new job, under the lock: a second active real job of a source is refused."""
    if not dry_run and not source.can_run:
        raise SourceNotApproved(
            _("The source %s is not approved or not active: an admin must approve it first.")
            % source
        )
    harvest_jobs_close_stuck(source=source)
    try:
        with transaction.atomic():
            return HarvestJob.objects.create(
                source=source, dry_run=dry_run, status=status, attempt=attempt
            )
    except IntegrityError as exc:
        raise SourceBusy(_("A harvest of %s is already running.") % source) from exc


def _resume_point(source: HarvestSource, job: HarvestJob) -> tuple[str | None, list[int]]:
    """Where a job starts: the cursor of a recently failed job, and the jobs it continues."""
    previous = (
        HarvestJob.objects.filter(source=source, dry_run=False)
        .exclude(pk=job.pk)
        .order_by("-queued_at", "-id")
        .first()
    )
    if (
        previous is None
        or previous.status != JobStatus.FAILED
        or not previous.cursor
        or (previous.finished_at or previous.queued_at) < timezone.now() - RESUME_WINDOW
    ):
        return None, []
    chain: list[int] = []
    cursor_job: HarvestJob | None = previous
    while cursor_job is not None and len(chain) < 100:
        chain.append(cursor_job.pk)
        cursor_job = cursor_job.resumed_from
    return previous.cursor, chain


def harvest_source_run(
    *,
    source: HarvestSource,
    dry_run: bool = False,
    job: HarvestJob | None = None,
    http: HttpClient | None = None,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[HarvestJob], None] | None = None,
) -> HarvestJob:
    """Run one harvest of ``source`` (or a dry run) and return its finished job."""
    if job is None:
        job = harvest_job_create(source=source, dry_run=dry_run, status=JobStatus.RUNNING)
    elif not job.dry_run and not source.can_run:
        raise SourceNotApproved(_("The source %s is not approved or not active.") % source)
    cursor, chain = _start(source, job)
    log: list[str] = []
    if cursor:
        log.append(_("Resuming from %s") % cursor)
    try:
        harvester_class = get_harvester_class(source.protocol)
    except (KeyError, ImportError, AttributeError):
        return _finish(
            job, source, JobStatus.FAILED, _("Unknown protocol %r.") % source.protocol, log
        )
    loader = Loader(source=source, job=job)
    context = HarvestContext(
        source_url=source.url,
        options=source.options or {},
        cursor=cursor,
        since=_last_success(source),
        fingerprints=loader.known_fingerprints(),
    )
    harvester = harvester_class(context, http=http or HttpClient())
    try:
        _load_pages(harvester, loader, job, batch_size=batch_size, progress=progress)
        loader.finish(complete_listing=harvester.lists_everything, seen_in_jobs=chain)
    except HarvestFailed as exc:
        return _finish(job, source, JobStatus.FAILED, str(exc), log)
    except Exception as exc:  # a bug or an unforeseen payload: fail the job, keep the worker
        logger.exception("harvest of %s failed", source)
        return _finish(
            job,
            source,
            JobStatus.FAILED,
            _("Unexpected error: %(kind)s: %(error)s")
            % {"kind": type(exc).__name__, "error": str(exc)[:500]},
            log,
        )
    if not harvester.lists_everything:
        log.append(_("Incremental run: nothing withdrawn."))
    status = JobStatus.PARTIAL if job.failed else JobStatus.SUCCEEDED
    job.cursor = ""
    return _finish(job, source, status, "", log)


def _start(source: HarvestSource, job: HarvestJob) -> tuple[str | None, list[int]]:
    """Mark the job running; (cursor to resume from, failed jobs it resumes) if any."""
    cursor, chain = (None, []) if job.dry_run else _resume_point(source, job)
    now = timezone.now()
    job.status, job.started_at, job.heartbeat_at = JobStatus.RUNNING, now, now
    job.resumed_from_id = chain[0] if chain else None
    job.save(update_fields=["status", "started_at", "heartbeat_at", "resumed_from"])
    return cursor, chain


def _last_success(source: HarvestSource) -> dt.datetime | None:
    """When the last successful real run started: an incremental run asks for changes since."""
    started: dt.datetime | None = (
        HarvestJob.objects.filter(source=source, dry_run=False, status=JobStatus.SUCCEEDED)
        .order_by("-finished_at")
        .values_list("started_at", flat=True)
        .first()
    )
    return started


@dataclass
class _PendingBatch:
    """Pages read since the last batch was loaded, gathered until they make a batch."""

    records: list[EntryRecord] = field(default_factory=list)
    errors: list[RecordError] = field(default_factory=list)
    unchanged_ids: list[str] = field(default_factory=list)
    fingerprints: dict[str, str] = field(default_factory=dict)
    pages: int = 0

    def add(self, page: Page) -> None:
        self.records.extend(page.records)
        self.errors.extend(page.errors)
        self.unchanged_ids.extend(page.unchanged_ids)
        self.fingerprints.update(page.fingerprints)
        self.pages += 1

    @property
    def size(self) -> int:
        return len(self.records) + len(self.errors) + len(self.unchanged_ids)

    def load_into(self, loader: Loader, *, cursor: str) -> None:
        loader.load(
            self.records,
            self.errors,
            cursor=cursor,
            pages=self.pages,
            unchanged_ids=self.unchanged_ids,
            fingerprints=self.fingerprints,
        )


def _load_pages(
    harvester: Harvester,
    loader: Loader,
    job: HarvestJob,
    *,
    batch_size: int,
    progress: Callable[[HarvestJob], None] | None,
) -> None:
    """Hand the protocol's pages to the loader in batches of about ``batch_size`` records.

    Each batch carries the cursor of the page after it, so a job that dies resumes there.
    """
    pending = _PendingBatch()
    for _url, page in harvester.pages():
        pending.add(page)
        _beat(job)
        if pending.size >= batch_size:
            pending.load_into(loader, cursor=page.next_url or "")
            pending = _PendingBatch()
            if progress:
                progress(job)
    if pending.size or pending.pages:
        pending.load_into(loader, cursor="")
        if progress:
            progress(job)


def _beat(job: HarvestJob, every: dt.timedelta = dt.timedelta(seconds=60)) -> None:
    """Keep the heartbeat fresh between batches too (many small pages, a slow source)."""
    now = timezone.now()
    if job.heartbeat_at is None or now - job.heartbeat_at > every:
        job.heartbeat_at = now
        HarvestJob.objects.filter(pk=job.pk).update(heartbeat_at=now)


def _finish(
    job: HarvestJob, source: HarvestSource, status: str, error: str, log: list[str]
) -> HarvestJob:
    job.status, job.error = status, error[:5000]
    job.finished_at = timezone.now()
    job.log = "\n".join([*log, error] if error else log)[:MAX_LOG_CHARS]
    job.save(update_fields=["status", "error", "finished_at", "log", "cursor"])
    if not job.dry_run:
        HarvestSource.objects.filter(pk=source.pk).update(last_run_at=job.started_at)
    logger.info("harvest %s: %s %s", source.slug, status, job.counts())
    return job


def harvest_sources_due(*, now: dt.datetime | None = None) -> list[HarvestSource]:
    sources = HarvestSource.objects.filter(active=True, approved=True).exclude(schedule="manual")
    return [s for s in sources if s.is_due(now)]


def harvest_entry_release_field(*, entry_id: int, field: str) -> bool:
    """Release an editor's kept field and forget the entry's record markers (content hash,
    fingerprint), so the next harvest maps the record again and writes the source's value."""
    with transaction.atomic():
        released = entry_release_override(entry_id=entry_id, field=field)
        if released:
            HarvestRecord.objects.filter(entry_id=entry_id).update(fingerprint="", content_hash="")
    return released
