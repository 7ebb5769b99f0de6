"""The loader's bookkeeping: one HarvestRecord per remote record a source has listed.

A HarvestRecord links a remote id to the entry it feeds and remembers what the record said
last time (content hash, fingerprint), when it was last seen, and why it last failed.
Writes go in bulk: a harvest touches every record of a source each time it runs.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

from catalogue.services.bulk import rows_bulk_insert

from ..models import HarvestJob, HarvestRecord, HarvestSource
from .batch import PreparedRecord, RecordFailure

logger = logging.getLogger(__name__)

SQLITE_VARIABLE_LIMIT = 900  # ids per IN (...) query
WRITTEN_FIELDS = [
    "remote_url",
    "content_hash",
    "fingerprint",
    "entry",
    "last_seen_job",
    "last_seen_at",
    "gone",
    "last_error",
    "error_field",
    "warnings",
]
FAILURE_FIELDS = [
    "last_error",
    "error_field",
    "content_hash",
    "fingerprint",
    "remote_url",
    "last_seen_job",
    "last_seen_at",
    "gone",
]


def known_fingerprints(source: HarvestSource, tag: str) -> dict[str, str]:
    """remote id → fingerprint of the healthy records stored under the fingerprint ``tag``."""
    rows = (
        HarvestRecord.objects.filter(
            source=source, entry__isnull=False, last_error="", fingerprint__startswith=tag
        )
        .exclude(content_hash="")
        .values_list("remote_id", "fingerprint")
    )
    return {remote_id: mark[len(tag) :] for remote_id, mark in rows.iterator(chunk_size=5000)}


def stored_records(source: HarvestSource, remote_ids: list[str]) -> dict[str, HarvestRecord]:
    """remote id → the source's HarvestRecord, with only the fields a batch compares."""
    return {
        hr.remote_id: hr
        for hr in HarvestRecord.objects.filter(source=source, remote_id__in=remote_ids).only(
            "id",
            "remote_id",
            "content_hash",
            "entry_id",
            "gone",
            "last_error",
            "remote_url",
            "fingerprint",
        )
    }


def healthy_rows(source: HarvestSource, remote_ids: list[str]) -> list[tuple[int, int, bool]]:
    """(pk, entry id, gone) of records skipped by fingerprint that are still healthy.

    A record that turned unhealthy since the fingerprints were read (it cannot, within
    one job, but the check is cheap) is left out: it is not counted as seen either way.
    """
    rows: list[tuple[int, int, bool]] = []
    for start in range(0, len(remote_ids), SQLITE_VARIABLE_LIMIT):
        chunk = remote_ids[start : start + SQLITE_VARIABLE_LIMIT]
        for pk, entry_id, gone in HarvestRecord.objects.filter(
            source=source, remote_id__in=chunk, entry__isnull=False, last_error=""
        ).values_list("id", "entry_id", "gone"):
            if entry_id is not None:  # always, by the filter: this tells the type checker
                rows.append((pk, entry_id, gone))
    return rows


def save_prepared(
    *,
    source: HarvestSource,
    job: HarvestJob,
    prepared: Sequence[PreparedRecord],
    fingerprints: dict[str, str],
    now: dt.datetime,
) -> None:
    """Store what each written record said and which entry it feeds; clear its last error."""
    new_rows, changed = [], []
    for item in prepared:
        record = item.record
        values = {
            "remote_url": record.remote_url[:1000],
            "content_hash": item.content_hash,
            "fingerprint": fingerprints.get(record.remote_id, ""),
            "entry_id": item.target_entry_id,
            "last_seen_job_id": job.pk,
            "last_seen_at": now,
            "gone": False,
            "last_error": "",
            "error_field": "",
            "warnings": item.warnings[:50],
        }
        if item.stored is None:
            new_rows.append({"source_id": source.pk, "remote_id": record.remote_id, **values})
        else:
            for name, value in values.items():
                setattr(item.stored, name, value)
            changed.append(item.stored)
    rows_bulk_insert(model=HarvestRecord, rows=new_rows)
    HarvestRecord.objects.bulk_update(changed, WRITTEN_FIELDS, batch_size=500)


def mark_seen(pks: list[int], *, job: HarvestJob, now: dt.datetime) -> None:
    """Unchanged records: seen by this job, and no longer gone if they were."""
    if pks:
        HarvestRecord.objects.filter(pk__in=pks).update(
            last_seen_job=job, last_seen_at=now, gone=False
        )


def save_failures(
    *,
    source: HarvestSource,
    job: HarvestJob,
    failures: Sequence[RecordFailure],
    now: dt.datetime,
) -> None:
    """Store each failure on its record; the entry it fed (if any) stays as it was."""
    if not failures:
        return
    ids = [f.remote_id for f in failures if f.remote_id]
    existing = {
        hr.remote_id: hr for hr in HarvestRecord.objects.filter(source=source, remote_id__in=ids)
    }
    new, changed = [], []
    for failure in failures:
        if not failure.remote_id:
            continue
        hr = existing.get(failure.remote_id)
        if hr is None:
            hr = HarvestRecord(source=source, remote_id=failure.remote_id[:500])
            new.append(hr)
        else:
            changed.append(hr)
        # An empty hash retries the record next time, whatever its content.
        hr.last_error, hr.error_field = failure.message[:2000], failure.field[:100]
        hr.content_hash, hr.remote_url = "", (failure.remote_url or hr.remote_url)[:1000]
        hr.fingerprint = ""
        hr.last_seen_job_id, hr.last_seen_at, hr.gone = job.pk, now, False
    HarvestRecord.objects.bulk_create(new, batch_size=500)
    HarvestRecord.objects.bulk_update(changed, FAILURE_FIELDS, batch_size=500)
    for failure in failures[:20]:
        logger.info(
            "record %s failed (%s): %s", failure.remote_id, failure.field or "-", failure.message
        )
