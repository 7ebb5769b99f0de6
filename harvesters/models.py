"""Harvest sources, jobs and per-record provenance.

``HarvestSource`` (approved by an admin before it runs) → ``HarvestJob`` (one run: status,
counts, duration, log, resume cursor) → ``HarvestRecord`` (one remote record of a source: its
content hash, the entry it feeds and its last error). An entry reached through two sources has
two records: the provenance links.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Schedule(models.TextChoices):
    MANUAL = "manual", _("Only when run by hand")
    HOURLY = "hourly", _("Every hour")
    EVERY_6_HOURS = "6h", _("Every 6 hours")
    DAILY = "daily", _("Every day")
    WEEKLY = "weekly", _("Every week")


SCHEDULE_INTERVALS: dict[str, dt.timedelta] = {
    Schedule.HOURLY: dt.timedelta(hours=1),
    Schedule.EVERY_6_HOURS: dt.timedelta(hours=6),
    Schedule.DAILY: dt.timedelta(days=1),
    Schedule.WEEKLY: dt.timedelta(days=7),
}


class HarvestSource(models.Model):
    """A remote catalogue the harvester reads. It runs only once an admin approved it.

    ``options`` (JSON): ``filters`` (protocol-specific, e.g. ``{"fq": "organization:x"}``),
    ``default_licence`` (SPDX id for records without one), ``default_themes`` (theme codes
    added to every entry), ``protected_fields`` (entry fields a harvest never overwrites).
    """

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    protocol = models.CharField(
        _("protocol"),
        max_length=32,
        help_text=_("How the catalogue is read (harvesters.registry)."),
    )
    url = models.URLField(_("URL"), max_length=1000)
    organisation = models.ForeignKey(
        "catalogue.Organisation",
        on_delete=models.PROTECT,
        related_name="harvest_sources",
        verbose_name=_("owning organisation"),
        help_text=_("Publisher of records that do not name one."),
    )
    schedule = models.CharField(
        _("schedule"), max_length=16, choices=Schedule.choices, default=Schedule.DAILY
    )
    active = models.BooleanField(_("active"), default=True)
    approved = models.BooleanField(_("approved"), default=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    options = models.JSONField(_("options"), default=dict, blank=True)
    last_run_at = models.DateTimeField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("harvest source")
        verbose_name_plural = _("harvest sources")
        permissions = [("approve_harvestsource", _("Can approve harvest sources to run"))]

    def __str__(self) -> str:
        return self.name

    @property
    def protected_fields(self) -> list[str]:
        return [str(f) for f in (self.options or {}).get("protected_fields", []) or []]

    @property
    def can_run(self) -> bool:
        return self.active and self.approved

    def is_due(self, now: dt.datetime | None = None) -> bool:
        interval = SCHEDULE_INTERVALS.get(self.schedule)
        if not interval or not self.can_run:
            return False
        now = now or timezone.now()
        return self.last_run_at is None or self.last_run_at + interval <= now


class JobStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    RUNNING = "running", _("Running")
    SUCCEEDED = "succeeded", _("Succeeded")
    PARTIAL = "partial", _("Finished with record errors")
    FAILED = "failed", _("Failed")


ACTIVE_STATUSES = (JobStatus.PENDING, JobStatus.RUNNING)


class HarvestJob(models.Model):
    """One run of a source. Counts say what it did (or, for a dry run, would do)."""

    source = models.ForeignKey(HarvestSource, on_delete=models.CASCADE, related_name="jobs")
    status = models.CharField(
        max_length=16, choices=JobStatus.choices, default=JobStatus.PENDING, db_index=True
    )
    dry_run = models.BooleanField(_("dry run"), default=False)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    withdrawn = models.PositiveIntegerField(default=0)
    restored = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    pages = models.PositiveIntegerField(default=0)
    queued_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    log = models.TextField(blank=True)
    cursor = models.CharField(
        max_length=2000, blank=True, help_text=_("Next page to fetch: where a resumed job starts.")
    )
    resumed_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    attempt = models.PositiveSmallIntegerField(
        _("attempt"), default=1, help_text=_("1, or the retry of a job its worker lost.")
    )
    plan = models.JSONField(
        default=dict, blank=True, help_text=_("Dry run: a sample of what would change.")
    )

    class Meta:
        ordering = ["-queued_at", "-id"]
        verbose_name = _("harvest job")
        verbose_name_plural = _("harvest jobs")
        constraints = [
            # The lock: at most one active (pending or running) real job per source.
            models.UniqueConstraint(
                fields=["source"],
                condition=models.Q(status__in=["pending", "running"], dry_run=False),
                name="harvest_one_active_job_per_source",
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} #{self.pk} ({self.get_status_display()})"

    @property
    def duration(self) -> dt.timedelta | None:
        if self.started_at and self.finished_at:
            return self.finished_at - self.started_at
        return None

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged + self.failed

    def counts(self) -> dict[str, Any]:
        return {
            name: getattr(self, name)
            for name in ("created", "updated", "unchanged", "withdrawn", "restored", "failed")
        }


class HarvestRecord(models.Model):
    """One remote record of a source, and the entry it feeds (its provenance link)."""

    source = models.ForeignKey(HarvestSource, on_delete=models.CASCADE, related_name="records")
    remote_id = models.CharField(max_length=500)
    remote_url = models.URLField(max_length=1000, blank=True)
    content_hash = models.CharField(max_length=64, blank=True)
    #: The protocol's cheap change marker of the raw item (CKAN: id + metadata_modified),
    #: prefixed by a tag of the source options; matching it lets a re-harvest skip mapping.
    fingerprint = models.CharField(max_length=200, blank=True)
    entry = models.ForeignKey(
        "catalogue.Entry",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="harvest_records",
    )
    last_seen_job = models.ForeignKey(
        HarvestJob, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    first_seen_at = models.DateTimeField(auto_now_add=True)
    last_seen_at = models.DateTimeField(null=True, blank=True)
    gone = models.BooleanField(default=False, help_text=_("No longer listed by the source."))
    last_error = models.TextField(blank=True)
    error_field = models.CharField(max_length=100, blank=True)
    warnings = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["source", "remote_id"]
        verbose_name = _("harvest record")
        verbose_name_plural = _("harvest records")
        constraints = [
            models.UniqueConstraint(fields=["source", "remote_id"], name="uniq_record_per_source")
        ]
        indexes = [models.Index(fields=["source", "last_error"], name="harvest_record_error_idx")]

    def __str__(self) -> str:
        return f"{self.source}: {self.remote_id}"
