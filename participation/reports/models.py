"""Reports of a problem with an entry, and the history of how each was answered.

A report is about the entry, not about its reporter: when the reporter's account is deleted
the report stays, without them. The entry's organisation is always read through the entry
(``entry.publisher``), never copied, so a change of publisher moves its open reports with it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

DESCRIPTION_MAX_LENGTH = 3000
REPLY_MAX_LENGTH = 3000


class ReportKind(models.TextChoices):
    BROKEN_LINK = "broken_link", _("A link or download is broken")
    WRONG_OR_OUTDATED = "wrong_or_outdated", _("The data is wrong or out of date")
    PERSONAL_DATA = "personal_data", _("Personal data is exposed")
    LICENCE = "licence", _("A licence problem")
    OTHER = "other", _("Something else")


# Personal-data reports are seen only by their reporter, the entry's publisher and moderators:
# making one public would spread what it reports.
PRIVATE_KINDS = frozenset({ReportKind.PERSONAL_DATA})


class ReportStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    FIXED = "fixed", _("Fixed")
    WONT_FIX = "wont_fix", _("Won't fix")


class IssueReport(models.Model):
    entry = models.ForeignKey(
        "catalogue.Entry",
        on_delete=models.CASCADE,
        related_name="issue_reports",
        verbose_name=_("entry"),
    )
    kind = models.CharField(_("kind of problem"), max_length=20, choices=ReportKind.choices)
    description = models.TextField(_("what is wrong"), max_length=DESCRIPTION_MAX_LENGTH)
    url = models.URLField(_("address of the broken link or resource"), max_length=1000, blank=True)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="issue_reports",
    )
    # A new account's report reaches the publisher at once but waits for the publisher or a
    # moderator before it is shown to the public (ADR 0026).
    held = models.BooleanField(_("waiting before it is shown publicly"), default=False)
    status = models.CharField(
        _("status"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.OPEN
    )
    reply = models.TextField(_("publisher's reply"), max_length=REPLY_MAX_LENGTH, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    replied_at = models.DateTimeField(null=True, blank=True)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    # The first status change away from open, or the first reply: response times come from it.
    first_response_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("issue report")
        verbose_name_plural = _("issue reports")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["entry", "status"], name="report_entry_status"),
            models.Index(fields=["status", "created_at"], name="report_queue"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.entry_id}"

    def get_absolute_url(self) -> str:
        return reverse("reports:detail", args=[self.pk])

    @property
    def reporter_name(self) -> str | None:
        """The reporter's public name (never the e-mail); ``None`` once the account is gone."""
        if self.reporter is None:
            return None
        profile = getattr(self.reporter, "profile", None)
        return profile.public_name if profile is not None else str(_("Anonymous participant"))

    @property
    def is_private(self) -> bool:
        return self.kind in PRIVATE_KINDS

    @property
    def is_public(self) -> bool:
        return not self.is_private and not self.held


class ReportEvent(models.Model):
    """One answer to a report: who changed its status or replied, and when."""

    report = models.ForeignKey(IssueReport, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status_from = models.CharField(max_length=16, choices=ReportStatus.choices)
    status_to = models.CharField(max_length=16, choices=ReportStatus.choices)
    replied = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("report event")
        verbose_name_plural = _("report events")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.report_id}: {self.status_from} → {self.status_to}"
