"""``Loader``: one job's batches, through named steps, into the catalogue; then the job's end.

``load`` receives a batch, classifies each record (unchanged by fingerprint or content hash,
else mapped onto entry values), assigns the entry each one feeds (its own, one another source
feeds, or a new one), and writes it all in one transaction with the job's counts and cursor.
A dry run takes the same steps and writes only the plan.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone

from catalogue.models.entries import Entry
from catalogue.services.bulk import (
    EntryWrite,
    entries_bulk_create,
    entries_bulk_update,
    organisation_match_or_create,
)
from catalogue.services.entries import entry_restore, entry_withdraw

from ..exceptions import SkipRecord
from ..models import HarvestJob, HarvestRecord, HarvestSource
from ..records import EntryRecord, OrganisationRecord, RecordError
from . import harvest_records
from .batch import Batch, BatchOutcome, PreparedRecord, RecordFailure, record_hash
from .distributions import protect_distributions
from .entry_values import EntryValues, organisation_kind, valid_email, valid_url
from .links import PendingLinks
from .matching import match_entries

FINGERPRINT_SCHEME = "1"  # bump when a mapper changes, so no stored fingerprint matches
PLAN_SAMPLE = 50  # titles kept per kind of change in a dry run's plan


class Loader:
    """Writes one job's records. One instance per job; ``load`` per batch, then ``finish``."""

    def __init__(self, *, source: HarvestSource, job: HarvestJob) -> None:
        self.source = source
        self.job = job
        self.dry_run = job.dry_run
        self.options: Mapping[str, Any] = source.options or {}
        self.salt = json.dumps(self.options, sort_keys=True, default=str)
        #: Stored fingerprints carry a tag of the options (and of the fingerprint scheme), so
        #: a change of options maps every record again instead of skipping it.
        self.fingerprint_tag = (
            hashlib.sha256(f"{FINGERPRINT_SCHEME}{self.salt}".encode()).hexdigest()[:10] + ":"
        )
        self.protected = set(source.protected_fields)
        self.seen: set[str] = set()
        self.pending = PendingLinks()
        self.plan: dict[str, list[str]] = {"create": [], "update": [], "withdraw": []}
        self._orgs: dict[tuple[str, str], int | None] = {}
        self.entry_values = EntryValues(source_slug=source.slug, options=self.options)

    def known_fingerprints(self) -> dict[str, str]:
        """remote id → fingerprint of the records a protocol may skip without mapping.

        Only healthy records (linked to an entry, no error, hashed) stored under the current
        options; anything else is mapped and hash-compared as usual.
        """
        return harvest_records.known_fingerprints(self.source, self.fingerprint_tag)

    # --- one batch ----------------------------------------------------------------------
    def load(
        self,
        records: Iterable[EntryRecord],
        errors: Iterable[RecordError] = (),
        *,
        cursor: str | None = None,
        pages: int = 0,
        unchanged_ids: Iterable[str] = (),
        fingerprints: Mapping[str, str] | None = None,
    ) -> BatchOutcome:
        """Classify and write one batch.

        ``unchanged_ids`` are records the protocol did not map because their fingerprint
        matched (see ``known_fingerprints``): they count as unchanged and seen, like a record
        whose content hash matched. ``fingerprints`` are the mapped records' new markers.
        """
        batch = self._receive(records, errors, unchanged_ids, fingerprints or {})
        self._classify(batch)
        self._assign_entries(batch)
        outcome = batch.outcome()
        if self.dry_run:
            self._plan("create", [item.record.title for item in batch.creates])
            self._plan("update", [item.record.title for item in batch.updates])
            self._count(outcome, pages=pages)
            return outcome
        with transaction.atomic():
            self._write(batch)
            if cursor is not None:
                self.job.cursor = cursor[:2000]
            self._count(outcome, pages=pages)
        return outcome

    def _receive(
        self,
        records: Iterable[EntryRecord],
        errors: Iterable[RecordError],
        unchanged_ids: Iterable[str],
        fingerprints: Mapping[str, str],
    ) -> Batch:
        """Collect the batch (a mapped record wins over an error or a skip) and mark it seen."""
        by_id: dict[str, EntryRecord] = {}
        for record in records:
            by_id[record.remote_id] = record  # a record listed twice counts once
        tag = self.fingerprint_tag
        batch = Batch(
            records=by_id,
            fingerprints={k: tag + v for k, v in fingerprints.items() if v},
            failures=[
                RecordFailure(e.remote_id, e.message, e.field)
                for e in errors
                if e.remote_id not in by_id
            ],
            skipped_ids=[i for i in dict.fromkeys(unchanged_ids) if i not in by_id],
        )
        self.seen.update(by_id)
        self.seen.update(f.remote_id for f in batch.failures if f.remote_id)
        self.seen.update(batch.skipped_ids)
        return batch

    def _classify(self, batch: Batch) -> None:
        """Unchanged records are only marked seen; the others are mapped onto entry values."""
        for pk, entry_id, gone in harvest_records.healthy_rows(self.source, batch.skipped_ids):
            batch.unchanged_pks.append(pk)
            if gone:
                batch.restore_entries.append(entry_id)
        stored = harvest_records.stored_records(self.source, list(batch.records))
        for remote_id, record in batch.records.items():
            digest = record_hash(record, self.salt)
            hr = stored.get(remote_id)
            if hr and hr.entry_id and hr.content_hash == digest and not hr.last_error:
                self._keep_unchanged(batch, hr)
            else:
                self._prepare(batch, record, digest, hr)

    def _keep_unchanged(self, batch: Batch, hr: HarvestRecord) -> None:
        batch.unchanged_pks.append(hr.pk)
        if hr.gone and hr.entry_id:
            batch.restore_entries.append(hr.entry_id)
        fingerprint = batch.fingerprints.get(hr.remote_id, "")
        if hr.fingerprint != fingerprint:
            hr.fingerprint = fingerprint
            batch.refingerprinted.append(hr)

    def _prepare(
        self, batch: Batch, record: EntryRecord, digest: str, hr: HarvestRecord | None
    ) -> None:
        """Map one changed record; one that cannot be written fails alone."""
        try:
            write, warnings = self.entry_values.to_write(record)
        except SkipRecord as exc:
            batch.failures.append(
                RecordFailure(record.remote_id, exc.message, exc.field, record.remote_url)
            )
            return
        batch.prepared.append(PreparedRecord(record, digest, hr, write, warnings))

    def _assign_entries(self, batch: Batch) -> None:
        """Which entry does each record feed? Its own link, else the same dataset reached
        through another source (identifier URI or landing page), else a new entry."""
        unlinked = [p.record for p in batch.prepared if not (p.stored and p.stored.entry_id)]
        matches = match_entries(self.source, unlinked)
        for item in batch.prepared:
            own = item.stored.entry_id if item.stored else None
            item.entry_id = own or matches.get(item.record.remote_id)
            if item.entry_id:
                batch.updates.append(item)
                if item.stored and item.stored.gone:
                    batch.restore_entries.append(item.entry_id)
            else:
                batch.creates.append(item)

    def _write(self, batch: Batch) -> None:
        """Entries, then the records' bookkeeping; the caller holds the transaction."""
        now = timezone.now()
        for item in batch.creates + batch.updates:
            self._resolve_publisher(item.write, item.record.publisher)
        protect_distributions(self.source, batch.creates + batch.updates)
        created_ids = entries_bulk_create(writes=[item.write for item in batch.creates])
        for item, entry_id in zip(batch.creates, created_ids, strict=True):
            item.entry_id = entry_id
        entries_bulk_update(
            updates=[(item.target_entry_id, item.write) for item in batch.updates],
            protected=self.protected,
        )
        for item in batch.prepared:
            self.pending.remember(item.target_entry_id, item.record)
        harvest_records.save_prepared(
            source=self.source,
            job=self.job,
            prepared=batch.prepared,
            fingerprints=batch.fingerprints,
            now=now,
        )
        HarvestRecord.objects.bulk_update(batch.refingerprinted, ["fingerprint"], batch_size=500)
        harvest_records.mark_seen(batch.unchanged_pks, job=self.job, now=now)
        harvest_records.save_failures(
            source=self.source, job=self.job, failures=batch.failures, now=now
        )
        if batch.restore_entries:
            entry_restore(entry_ids=batch.restore_entries)

    def _resolve_publisher(self, write: EntryWrite, publisher: OrganisationRecord | None) -> None:
        """The publisher's organisation (matched or created once per job), else the source's
        owner as the cataloguing organisation, recorded as not stated (ADR 0023)."""
        org_id: int | None = None
        if publisher and publisher.name.strip():
            key = (publisher.identifier or publisher.remote_id, publisher.name.strip().lower())
            if key not in self._orgs:
                org = organisation_match_or_create(
                    name=publisher.name,
                    identifier=publisher.identifier,
                    kind=organisation_kind(publisher.kind),
                    website=valid_url(publisher.website),
                    email=valid_email(publisher.email),
                )
                self._orgs[key] = org.pk if org else None
            org_id = self._orgs[key]
        write.fields["publisher_id"] = org_id or self.source.organisation_id
        write.fields["publisher_stated"] = org_id is not None

    def _count(self, outcome: BatchOutcome, *, pages: int) -> None:
        job = self.job
        job.created += outcome.created
        job.updated += outcome.updated
        job.unchanged += outcome.unchanged
        job.restored += outcome.restored
        job.failed += outcome.failed
        job.pages += pages
        job.heartbeat_at = timezone.now()
        job.save(
            update_fields=[
                "created",
                "updated",
                "unchanged",
                "restored",
                "failed",
                "pages",
                "heartbeat_at",
                "cursor",
            ]
        )

    def _plan(self, kind: str, titles: list[str]) -> None:
        room = PLAN_SAMPLE - len(self.plan[kind])
        if room > 0:
            self.plan[kind].extend(titles[:room])

    # --- end of job -----------------------------------------------------------------------
    def finish(self, *, complete_listing: bool, seen_in_jobs: Iterable[int] = ()) -> int:
        """Link across batches; withdraw what vanished (only after a complete listing)."""
        withdrawn = 0
        if not self.dry_run:
            with transaction.atomic():
                self.pending.resolve(self.source)
        if complete_listing:
            if self.dry_run:
                withdrawn = self._plan_withdrawals()
            else:
                withdrawn = self._withdraw_vanished(set(seen_in_jobs))
        self.job.withdrawn = withdrawn
        if self.dry_run:
            self.job.plan = self.plan
        self.job.save(update_fields=["withdrawn", "plan"])
        return withdrawn

    def _plan_withdrawals(self) -> int:
        """Dry run: the entries a real run would withdraw, counted and sampled in the plan."""
        vanished = HarvestRecord.objects.filter(source=self.source, gone=False)
        gone_ids = {
            r.entry_id
            for r in vanished.only("remote_id", "entry_id").iterator(chunk_size=2000)
            if r.remote_id not in self.seen and r.entry_id
        }
        listed_elsewhere = set(
            HarvestRecord.objects.filter(entry_id__in=gone_ids, gone=False)
            .exclude(source=self.source)
            .values_list("entry_id", flat=True)
        )
        would = Entry.objects.filter(pk__in=gone_ids - listed_elsewhere, withdrawn_at__isnull=True)
        self._plan("withdraw", list(would.values_list("title", flat=True)[:PLAN_SAMPLE]))
        count: int = would.count()  # Entry is a Wagtail page, which ships no types
        return count

    def _withdraw_vanished(self, seen_jobs: set[int]) -> int:
        """Records the listing no longer has: mark gone, withdraw entries no source still has.

        ``seen_jobs`` are the failed jobs this one resumes: what they saw was listed too.
        """
        seen_jobs.add(self.job.pk)
        vanished = HarvestRecord.objects.filter(source=self.source, gone=False).exclude(
            last_seen_job__in=seen_jobs
        )
        entry_ids = set(vanished.exclude(entry=None).values_list("entry_id", flat=True))
        with transaction.atomic():
            vanished.update(gone=True)
            still_listed = set(
                HarvestRecord.objects.filter(entry_id__in=entry_ids, gone=False).values_list(
                    "entry_id", flat=True
                )
            )
            to_withdraw = sorted(entry_ids - still_listed)
            return entry_withdraw(entry_ids=to_withdraw) if to_withdraw else 0
