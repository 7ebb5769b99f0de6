"""The loader: the only code that writes harvested records into the catalogue.

It takes records batch by batch (``Loader.load``), classifies them with read-only queries
(unchanged by content hash, new, changed, matching an entry another source already feeds),
and, unless the run is a dry run, writes the batch in ONE transaction through the catalogue's
bulk services, with the resume cursor and the job's counts in the same transaction. So a job
that dies keeps every finished batch and loses none half-way, and a dry run is the same
classification with the writing left out. ``finish`` withdraws what vanished, only after a
complete listing, and links APIs, series and distributions across batches.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from catalogue.models import (
    AccessRights,
    ApiType,
    Authentication,
    Country,
    Entry,
    Frequency,
    Language,
    Licence,
    Lifecycle,
    Organisation,
    Origin,
    Theme,
)
from catalogue.registry import entry_types
from catalogue.services import entry_restore, entry_withdraw
from catalogue.services.bulk import (
    EntryWrite,
    distributions_bulk_link_service,
    entries_bulk_add_m2m,
    entries_bulk_create,
    entries_bulk_set_series,
    entries_bulk_update,
    organisation_match_or_create,
    rows_bulk_insert,
)

from .exceptions import SkipRecord
from .models import HarvestJob, HarvestRecord, HarvestSource
from .records import DistributionRecord, EntryRecord, OrganisationRecord, RecordError

logger = logging.getLogger(__name__)


def harvestable_types() -> list[str]:
    return [spec.key for spec in entry_types if spec.harvestable]


FINGERPRINT_SCHEME = "1"  # bump when a mapper changes, so no stored fingerprint matches
PLAN_SAMPLE = 50  # titles kept per kind of change in a dry run's plan
_url_validator = URLValidator(schemes=["http", "https"])


def record_hash(record: EntryRecord, salt: str = "") -> str:
    """A stable hash of everything a record says (and the source options that shape it).

    The dataclass ``repr`` lists every field in declaration order, nested records included,
    and is several times faster than ``asdict`` + JSON: this runs for every record of every
    harvest, changed or not.
    """
    return hashlib.sha256((salt + repr(record)).encode()).hexdigest()


@dataclass
class BatchOutcome:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    restored: int = 0
    failed: int = 0


@dataclass
class _Pending:
    """Links that may point at records of a later batch: resolved when the job finishes."""

    serves: list[tuple[int, str]] = field(default_factory=list)  # (api entry id, dataset ref)
    series: list[tuple[int, str]] = field(default_factory=list)  # (dataset id, series ref)
    access: list[tuple[int, str, str]] = field(default_factory=list)  # (entry, dist id, ref)


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
        self.pending = _Pending()
        self.plan: dict[str, list[str]] = {"create": [], "update": [], "withdraw": []}
        self._orgs: dict[tuple[str, str], int | None] = {}
        self.licences = dict(Licence.objects.values_list("spdx_id", "id"))
        self.licences_lower = {k.lower(): v for k, v in self.licences.items()}
        self.themes = dict(Theme.objects.values_list("code", "id"))
        self.countries = dict(Country.objects.values_list("code", "id"))
        self.languages = dict(Language.objects.values_list("code", "id"))

    # --- one batch ----------------------------------------------------------------------
    def known_fingerprints(self) -> dict[str, str]:
        """remote id → fingerprint of the records a protocol may skip without mapping.

        Only healthy records (linked to an entry, no error, hashed) stored under the current
        options; anything else is mapped and hash-compared as usual.
        """
        tag = self.fingerprint_tag
        rows = (
            HarvestRecord.objects.filter(
                source=self.source, entry__isnull=False, last_error="", fingerprint__startswith=tag
            )
            .exclude(content_hash="")
            .values_list("remote_id", "fingerprint")
        )
        return {remote_id: mark[len(tag) :] for remote_id, mark in rows.iterator(chunk_size=5000)}

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
        by_id: dict[str, EntryRecord] = {}
        for record in records:
            by_id[record.remote_id] = record  # a record listed twice counts once
        marks = {k: self.fingerprint_tag + v for k, v in (fingerprints or {}).items() if v}
        error_list = [e for e in errors if e.remote_id not in by_id]
        same_ids = [i for i in dict.fromkeys(unchanged_ids) if i not in by_id]
        self.seen.update(by_id)
        self.seen.update(e.remote_id for e in error_list if e.remote_id)
        self.seen.update(same_ids)
        existing = {
            hr.remote_id: hr
            for hr in HarvestRecord.objects.filter(
                source=self.source, remote_id__in=list(by_id)
            ).only(
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
        outcome = BatchOutcome()
        unchanged_pks: list[int] = []
        restore_entries: list[int] = []
        for pk, entry_id, gone in self._unchanged_rows(same_ids):
            unchanged_pks.append(pk)
            outcome.unchanged += 1
            if gone:
                restore_entries.append(entry_id)
        remarked: list[HarvestRecord] = []  # unchanged content, new fingerprint
        todo: list[tuple[EntryRecord, str, HarvestRecord | None]] = []
        for remote_id, record in by_id.items():
            digest = record_hash(record, self.salt)
            hr = existing.get(remote_id)
            if hr and hr.entry_id and hr.content_hash == digest and not hr.last_error:
                unchanged_pks.append(hr.pk)
                outcome.unchanged += 1
                if hr.gone:
                    restore_entries.append(hr.entry_id)
                if hr.fingerprint != marks.get(remote_id, ""):
                    hr.fingerprint = marks.get(remote_id, "")
                    remarked.append(hr)
            else:
                todo.append((record, digest, hr))

        # Prepare writes; a record that cannot be written fails alone.
        failures: list[tuple[str, str, str, str]] = [
            (e.remote_id, e.message, e.field, "") for e in error_list
        ]
        prepared: list[tuple[EntryRecord, str, HarvestRecord | None, EntryWrite, list[str]]] = []
        for record, digest, hr in todo:
            try:
                write, warnings = self.to_write(record)
            except SkipRecord as exc:
                failures.append((record.remote_id, exc.message, exc.field, record.remote_url))
                continue
            prepared.append((record, digest, hr, write, warnings))
        outcome.failed = len(failures)

        # Which entry does each record feed? Its own link, else the same dataset reached
        # through another source (identifier URI or landing page), else a new entry.
        targets = self._match_entries([(r, hr) for r, _d, hr, _w, _ws in prepared])
        creates: list[int] = []  # indexes into prepared
        updates: list[int] = []
        for index, (record, _digest, hr, _write, _warnings) in enumerate(prepared):
            entry_id = (hr.entry_id if hr else None) or targets.get(record.remote_id)
            if entry_id:
                updates.append(index)
                if hr and hr.gone:
                    restore_entries.append(entry_id)
            else:
                creates.append(index)
        outcome.created = len(creates)
        outcome.updated = len(updates)
        outcome.restored = len(set(restore_entries))

        if self.dry_run:
            self._plan("create", [prepared[i][0].title for i in creates])
            self._plan("update", [prepared[i][0].title for i in updates])
            self._count(outcome, pages=pages)
            return outcome

        now = timezone.now()
        with transaction.atomic():
            for index in creates + updates:
                self._resolve_publisher(prepared[index][3], prepared[index][0].publisher)
            created_ids = entries_bulk_create(writes=[prepared[i][3] for i in creates])
            entry_of: dict[int, int] = dict(zip(creates, created_ids, strict=True))
            update_pairs = []
            for index in updates:
                record, _digest, hr, write, _warnings = prepared[index]
                entry_id = (hr.entry_id if hr else None) or targets[record.remote_id]
                entry_of[index] = entry_id
                update_pairs.append((entry_id, write))
            entries_bulk_update(updates=update_pairs, protected=self.protected)
            self._remember_links(prepared, entry_of)

            new_records, changed_records = [], []
            for index, (record, digest, hr, _write, warnings) in enumerate(prepared):
                values = {
                    "remote_url": record.remote_url[:1000],
                    "content_hash": digest,
                    "fingerprint": marks.get(record.remote_id, ""),
                    "entry_id": entry_of[index],
                    "last_seen_job_id": self.job.pk,
                    "last_seen_at": now,
                    "gone": False,
                    "last_error": "",
                    "error_field": "",
                    "warnings": warnings[:50],
                }
                if hr is None:
                    new_records.append(
                        {"source_id": self.source.pk, "remote_id": record.remote_id, **values}
                    )
                else:
                    for name, value in values.items():
                        setattr(hr, name, value)
                    changed_records.append(hr)
            rows_bulk_insert(model=HarvestRecord, rows=new_records)
            HarvestRecord.objects.bulk_update(
                changed_records,
                [
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
                ],
                batch_size=500,
            )
            HarvestRecord.objects.bulk_update(remarked, ["fingerprint"], batch_size=500)
            if unchanged_pks:
                HarvestRecord.objects.filter(pk__in=unchanged_pks).update(
                    last_seen_job=self.job, last_seen_at=now, gone=False
                )
            self._store_failures(failures, now)
            if restore_entries:
                entry_restore(entry_ids=restore_entries)
            if cursor is not None:
                self.job.cursor = cursor[:2000]
            self._count(outcome, pages=pages)
        return outcome

    def _unchanged_rows(self, remote_ids: list[str]) -> list[tuple[int, int, bool]]:
        """(pk, entry id, gone) of records skipped by fingerprint that are still healthy.

        A record that turned unhealthy since the fingerprints were read (it cannot, within
        one job, but the check is cheap) is left out: it is not counted as seen either way.
        """
        rows: list[tuple[int, int, bool]] = []
        for start in range(0, len(remote_ids), 900):  # SQLite's variable limit
            rows.extend(
                HarvestRecord.objects.filter(
                    source=self.source,
                    remote_id__in=remote_ids[start : start + 900],
                    entry__isnull=False,
                    last_error="",
                ).values_list("id", "entry_id", "gone")
            )
        return rows

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

    def _store_failures(self, failures: list[tuple[str, str, str, str]], now: dt.datetime) -> None:
        if not failures:
            return
        ids = [f[0] for f in failures if f[0]]
        existing = {
            hr.remote_id: hr
            for hr in HarvestRecord.objects.filter(source=self.source, remote_id__in=ids)
        }
        new, changed = [], []
        for remote_id, message, field_name, remote_url in failures:
            if not remote_id:
                continue
            hr = existing.get(remote_id)
            if hr is None:
                hr = HarvestRecord(source=self.source, remote_id=remote_id[:500])
                new.append(hr)
            else:
                changed.append(hr)
            # The entry it fed (if any) stays as it was; an empty hash retries it next time.
            hr.last_error, hr.error_field = message[:2000], field_name[:100]
            hr.content_hash, hr.remote_url = "", (remote_url or hr.remote_url)[:1000]
            hr.fingerprint = ""
            hr.last_seen_job_id, hr.last_seen_at, hr.gone = self.job.pk, now, False
        HarvestRecord.objects.bulk_create(new, batch_size=500)
        HarvestRecord.objects.bulk_update(
            changed,
            [
                "last_error",
                "error_field",
                "content_hash",
                "fingerprint",
                "remote_url",
                "last_seen_job",
                "last_seen_at",
                "gone",
            ],
            batch_size=500,
        )
        for remote_id, message, field_name, _url in failures[:20]:
            logger.info("record %s failed (%s): %s", remote_id, field_name or "-", message)

    # --- matching -------------------------------------------------------------------------
    def _match_entries(
        self, items: list[tuple[EntryRecord, HarvestRecord | None]]
    ) -> dict[str, int]:
        """remote id → the entry ANOTHER source feeds with the same identifier or landing page.

        Within one source the remote id is the identity: two records sharing a landing page
        (many portals give one generic page to many datasets) stay two entries. A landing page
        matches only when exactly one entry of that type has it.
        """
        wanted = [(r, hr) for r, hr in items if not (hr and hr.entry_id)]
        identifiers = {r.identifier[:500] for r, _ in wanted if r.identifier}
        pages = {r.landing_page[:1000] for r, _ in wanted if r.landing_page}
        if not identifiers and not pages:
            return {}
        rows = list(
            Entry.objects.filter(
                Q(identifier__in=identifiers) | Q(landing_page__in=pages),
                entry_type__in=harvestable_types(),
            )
            .exclude(harvest_records__source=self.source)
            .order_by("id")
            .values_list("id", "entry_type", "identifier", "landing_page")
        )
        by_identifier: dict[tuple[str, str], int] = {}
        by_page: dict[tuple[str, str], list[int]] = {}
        for pk, entry_type, identifier, page in rows:
            if identifier in identifiers:
                by_identifier.setdefault((entry_type, identifier), pk)
            if page in pages:
                by_page.setdefault((entry_type, page), []).append(pk)
        if by_page:  # a page shared by entries this batch cannot see still counts as shared
            shared = set(
                Entry.objects.filter(landing_page__in={p for _t, p in by_page})
                .order_by()
                .values_list("landing_page")
                .annotate(n=Count("id"))
                .filter(n__gt=1)
                .values_list("landing_page", flat=True)
            )
            by_page = {k: v for k, v in by_page.items() if len(v) == 1 and k[1] not in shared}
        found: dict[str, int] = {}
        for record, _hr in wanted:
            pk = by_identifier.get((record.entry_type, record.identifier[:500]))
            if pk is None:
                page_match = by_page.get((record.entry_type, record.landing_page[:1000]))
                pk = page_match[0] if page_match else None
            if pk:
                found[record.remote_id] = pk
        return found

    def _resolve_publisher(self, write: EntryWrite, publisher: OrganisationRecord | None) -> None:
        org_id: int | None = None
        if publisher and publisher.name.strip():
            key = (publisher.identifier or publisher.remote_id, publisher.name.strip().lower())
            if key not in self._orgs:
                org = organisation_match_or_create(
                    name=publisher.name,
                    identifier=publisher.identifier,
                    kind=publisher.kind if publisher.kind in _org_kinds() else "government",
                    website=_valid_url(publisher.website),
                    email=_valid_email(publisher.email),
                )
                self._orgs[key] = org.pk if org else None
            org_id = self._orgs[key]
        write.fields["publisher_id"] = org_id or self.source.organisation_id

    def _remember_links(self, prepared: list[Any], entry_of: Mapping[int, int]) -> None:
        for index, (record, _d, _hr, _w, _ws) in enumerate(prepared):
            entry_id = entry_of[index]
            self.pending.serves.extend((entry_id, ref) for ref in record.serves_refs if ref)
            if record.series_ref:
                self.pending.series.append((entry_id, record.series_ref))
            for dist in record.distributions:
                if dist.access_service_ref and dist.remote_id:
                    self.pending.access.append((entry_id, dist.remote_id, dist.access_service_ref))

    # --- end of job -----------------------------------------------------------------------
    def finish(self, *, complete_listing: bool, seen_in_jobs: Iterable[int] = ()) -> int:
        """Link across batches; withdraw what vanished (only after a complete listing)."""
        withdrawn = 0
        if not self.dry_run:
            with transaction.atomic():
                self._link()
        if complete_listing:
            withdrawn = self._withdraw_vanished(set(seen_in_jobs))
        self.job.withdrawn = withdrawn
        if self.dry_run:
            self.job.plan = self.plan
        self.job.save(update_fields=["withdrawn", "plan"])
        return withdrawn

    def _refs_to_entries(self, refs: set[str]) -> dict[str, int]:
        if not refs:
            return {}
        found: dict[str, int] = {}
        for remote_id, entry_id in HarvestRecord.objects.filter(
            source=self.source, remote_id__in=refs, entry__isnull=False
        ).values_list("remote_id", "entry_id"):
            found[remote_id] = entry_id
        missing = refs - set(found)
        if missing:
            for identifier, entry_id in Entry.objects.filter(identifier__in=missing).values_list(
                "identifier", "id"
            ):
                found.setdefault(identifier, entry_id)
        return found

    def _link(self) -> None:
        pending = self.pending
        refs = {r for _e, r in pending.serves} | {r for _e, r in pending.series}
        refs |= {r for _e, _d, r in pending.access}
        entries = self._refs_to_entries(refs)
        pairs = [(api, entries[ref]) for api, ref in pending.serves if ref in entries]
        if pairs:
            entries_bulk_add_m2m(field="serves_datasets", pairs=pairs)
        series = {ds: entries[ref] for ds, ref in pending.series if ref in entries}
        if series:
            entries_bulk_set_series(values=series)
        access = {(e, d): entries[r] for e, d, r in pending.access if r in entries}
        if access:
            distributions_bulk_link_service(links=access)

    def _withdraw_vanished(self, seen_jobs: set[int]) -> int:
        """Records the listing no longer has: mark gone, withdraw entries no source still has."""
        seen_jobs.add(self.job.pk)
        vanished = HarvestRecord.objects.filter(source=self.source, gone=False)
        if self.dry_run:
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
            would = Entry.objects.filter(
                pk__in=gone_ids - listed_elsewhere, withdrawn_at__isnull=True
            )
            self._plan("withdraw", list(would.values_list("title", flat=True)[:PLAN_SAMPLE]))
            return would.count()
        vanished = vanished.exclude(last_seen_job__in=seen_jobs)
        entry_ids = set(vanished.exclude(entry=None).values_list("entry_id", flat=True))
        with transaction.atomic():
            vanished.update(gone=True)
            still_listed = set(
                HarvestRecord.objects.filter(entry_id__in=entry_ids, gone=False).values_list(
                    "entry_id", flat=True
                )
            )
            to_withdraw = sorted(entry_ids - still_listed)
            count = entry_withdraw(entry_ids=to_withdraw) if to_withdraw else 0
        return count

    # --- record → entry values -----------------------------------------------------------
    def to_write(self, record: EntryRecord) -> tuple[EntryWrite, list[str]]:
        """Map a record onto entry fields; ``SkipRecord`` names the field that cannot be."""
        warnings = list(record.warnings)
        if record.entry_type not in harvestable_types():
            raise SkipRecord(
                _("Unknown entry type %r.") % record.entry_type,
                remote_id=record.remote_id,
                field="entry_type",
            )
        if not record.remote_id.strip():
            raise SkipRecord(_("The record has no identifier."), field="remote_id")
        if len(record.remote_id) > 500:
            raise SkipRecord(
                _("The record's identifier is longer than 500 characters."),
                remote_id=record.remote_id[:500],
                field="remote_id",
            )
        if not (record.title or "").strip():
            raise SkipRecord(
                _("The record has no title."), remote_id=record.remote_id, field="title"
            )
        fields: dict[str, Any] = {
            "title": record.title,
            "summary": record.summary,
            "description": record.description,
            "identifier": record.identifier[:500],
            "contact_name": record.contact_name,
            "keywords": list(dict.fromkeys(k for k in record.keywords if k))[:100],
            "spatial_label": record.spatial_label,
            "version": record.version,
            "contains_personal_data": bool(record.contains_personal_data),
            "conforms_to": [c for c in record.conforms_to if c][:50],
            "access_instructions": record.access_instructions,
            "rate_limits": record.rate_limits,
            "availability": record.availability,
            "origin": Origin.HARVESTED,
            "last_harvested_at": timezone.now(),
        }
        for name in (
            "landing_page",
            "remote_url",
            "contact_url",
            "endpoint_url",
            "endpoint_description_url",
            "sandbox_url",
        ):
            value = getattr(record, name)
            fields[name] = _valid_url(value)
            if value and not fields[name]:
                warnings.append(
                    _("%(field)s is not a usable URL: %(value)s")
                    % {"field": name, "value": value[:200]}
                )
        fields["contact_email"] = _valid_email(record.contact_email)
        if record.contact_email and not fields["contact_email"]:
            warnings.append(
                _("contact_email is not an email address: %s") % record.contact_email[:200]
            )
        # licence: the record's, else the source's default
        spdx = record.licence or str(self.options.get("default_licence") or "")
        licence_id = self.licences.get(spdx) or self.licences_lower.get(spdx.lower())
        if spdx and not licence_id:
            warnings.append(_("Unknown licence %s: left empty.") % spdx[:200])
        fields["licence_id"] = licence_id
        fields["access_rights"] = _choice(record.access_rights, AccessRights, AccessRights.PUBLIC)
        fields["frequency"] = _choice(record.frequency, Frequency, "", warnings, "frequency")
        fields["api_type"] = _choice(record.api_type, ApiType, "", warnings, "api_type")
        fields["authentication"] = _choice(
            record.authentication, Authentication, "", warnings, "authentication"
        )
        fields["lifecycle"] = _choice(record.lifecycle, Lifecycle, "", warnings, "lifecycle")
        for name in ("temporal_start", "temporal_end", "sunset_date"):
            fields[name] = _date(getattr(record, name), name, warnings)
        for name in ("issued", "modified"):
            fields[name] = _datetime(getattr(record, name), name, warnings)
        if (
            fields["temporal_start"]
            and fields["temporal_end"]
            and fields["temporal_start"] > fields["temporal_end"]
        ):
            warnings.append(_("temporal coverage ends before it starts: swapped."))
            fields["temporal_start"], fields["temporal_end"] = (
                fields["temporal_end"],
                fields["temporal_start"],
            )
        theme_codes = list(record.themes) + list(self.options.get("default_themes") or [])
        m2m = {
            "themes": self._ids(theme_codes, self.themes, "themes", warnings),
            "countries": self._ids(record.countries, self.countries, "countries", warnings),
            "languages": self._ids(record.languages, self.languages, "languages", warnings),
        }
        distributions = [self._distribution(d, warnings) for d in record.distributions[:500]]
        write = EntryWrite(
            entry_type=record.entry_type,
            fields=fields,
            m2m=m2m,
            distributions=distributions
            if entry_types.get(record.entry_type).has_distributions
            else (distributions or None),
            slug_hint=f"{self.source.slug}:{record.remote_id}",
        )
        return write, [str(w) for w in warnings]

    def _ids(
        self, codes: Iterable[str], table: Mapping[str, int], name: str, warnings: list[str]
    ) -> list[int]:
        ids = []
        for code in codes:
            key = (code or "").strip()
            found = table.get(key) or table.get(key.upper()) or table.get(key.lower())
            if found:
                ids.append(found)
            elif key:
                warnings.append(
                    _("Unknown %(field)s code %(code)s: ignored.")
                    % {"field": name, "code": key[:50]}
                )
        return list(dict.fromkeys(ids))

    def _distribution(self, dist: DistributionRecord, warnings: list[str]) -> dict[str, Any]:
        licence_id = None
        if dist.licence:
            licence_id = self.licences.get(dist.licence) or self.licences_lower.get(
                dist.licence.lower()
            )
        byte_size = dist.byte_size if isinstance(dist.byte_size, int) else None
        if byte_size is not None and not 0 <= byte_size < 2**63:
            warnings.append(_("Distribution size %s out of range: ignored.") % byte_size)
            byte_size = None
        return {
            "title": dist.title,
            "description": dist.description,
            "access_url": _valid_url(dist.access_url),
            "download_url": _valid_url(dist.download_url),
            "media_type": dist.media_type,
            "format": (dist.format or "").upper()[:40],
            "byte_size": byte_size,
            "licence_id": licence_id,
            "checksum": dist.checksum,
            "remote_id": dist.remote_id[:300],
        }


# --- value checks -----------------------------------------------------------------------
def _valid_url(value: str) -> str:
    value = (value or "").strip()
    if not value or len(value) > 1000:
        return ""
    try:
        _url_validator(value)
    except ValidationError:
        return ""
    return value


def _valid_email(value: str) -> str:
    value = (value or "").strip().removeprefix("mailto:")
    if not value or len(value) > 254:
        return ""
    try:
        validate_email(value)
    except ValidationError:
        return ""
    return value


def _choice(
    value: str, choices: Any, default: str, warnings: list[str] | None = None, name: str = ""
) -> str:
    if value in choices.values:
        return str(value)
    if value and warnings is not None:
        warnings.append(
            _("Unknown %(field)s %(value)s: left empty.")
            % {"field": name, "value": str(value)[:50]}
        )
    return default


def _date(value: Any, name: str, warnings: list[str]) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date) and 1 <= value.year <= 9999:
        return value
    warnings.append(_("%s is not a date: ignored.") % name)
    return None


def _datetime(value: Any, name: str, warnings: list[str]) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    if not isinstance(value, dt.datetime):
        warnings.append(_("%s is not a date: ignored.") % name)
        return None
    if timezone.is_naive(value):
        value = value.replace(tzinfo=dt.UTC)
    return value


def _org_kinds() -> set[str]:
    from catalogue.models import OrganisationKind

    return set(OrganisationKind.values)


__all__ = ["BatchOutcome", "Loader", "Organisation", "record_hash"]
