"""Requests for data and APIs that do not exist yet, the votes that show who else needs them,
and how the likely holder answered.

A request belongs to the public, not to its author: when the author's account goes the request
stays, without them. ``vote_count`` is denormalised so the list sorts by need without counting
on every page; :mod:`.services` is the only code that moves it, and it recounts from the votes.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

TITLE_MAX_LENGTH = 200
TEXT_MAX_LENGTH = 4000
HOLDER_NAME_MAX_LENGTH = 200
NOTE_MAX_LENGTH = 2000


class RequestKind(models.TextChoices):
    DATASET = "dataset", _("A dataset")
    API = "api", _("An API")
    OTHER = "other", _("Something else")


class RequestStatus(models.TextChoices):
    OPEN = "open", _("Open")
    UNDER_REVIEW = "under_review", _("Under review")
    PLANNED = "planned", _("Planned")
    PUBLISHED = "published", _("Published")
    DECLINED = "declined", _("Declined")


class DataRequest(models.Model):
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    description = models.TextField(_("what is needed"), max_length=TEXT_MAX_LENGTH)
    reason = models.TextField(_("why it is needed"), max_length=TEXT_MAX_LENGTH, blank=True)
    kind = models.CharField(
        _("kind"), max_length=10, choices=RequestKind.choices, default=RequestKind.DATASET
    )
    likely_holder_name = models.CharField(
        _("who probably holds it"), max_length=HOLDER_NAME_MAX_LENGTH, blank=True
    )
    likely_holder = models.ForeignKey(
        "catalogue.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="data_requests",
        verbose_name=_("likely holder"),
    )
    theme = models.ForeignKey(
        "catalogue.Theme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="data_requests",
        verbose_name=_("theme"),
    )
    # The catalogue's own ISO 3166-1 list (catalogue.Country), so facets share its codes.
    country = models.ForeignKey(
        "catalogue.Country",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("country"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="data_requests",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=RequestStatus.choices, default=RequestStatus.OPEN
    )
    decline_reason = models.TextField(
        _("why it was declined"), max_length=NOTE_MAX_LENGTH, blank=True
    )
    answered_by = models.ForeignKey(
        "catalogue.Entry",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="answered_requests",
        verbose_name=_("the entry that answers it"),
    )
    vote_count = models.PositiveIntegerField(_("votes"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    status_changed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("data request")
        verbose_name_plural = _("data requests")
        ordering = ["-vote_count", "-created_at", "-id"]
        indexes = [
            models.Index(fields=["-vote_count", "-created_at"], name="request_by_votes"),
            models.Index(fields=["-created_at"], name="request_newest"),
            models.Index(fields=["status", "-vote_count"], name="request_status_votes"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("data_requests:detail", args=[self.pk])

    # What {% discussion_panel %} asks of a subject: comments are open on every request, and
    # whoever answers for the likely holder answers in its name.
    discussions_enabled = True
    discussion_read_only = False

    @property
    def discussion_organisation_id(self) -> int | None:
        return self.likely_holder_id

    @property
    def holder_label(self) -> str:
        if self.likely_holder_id is not None and self.likely_holder is not None:
            return self.likely_holder.name
        return self.likely_holder_name


class Vote(models.Model):
    """ "I need this too": one per account and request, whatever the number of clicks."""

    request = models.ForeignKey(DataRequest, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_request_votes"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(fields=["request", "user"], name="data_request_one_vote")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.request_id}"


class OrganisationResponse(models.Model):
    """An organisation's public answer, written by one of its editors or administrators."""

    request = models.ForeignKey(DataRequest, on_delete=models.CASCADE, related_name="responses")
    organisation = models.ForeignKey(
        "catalogue.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    body = models.TextField(_("response"), max_length=TEXT_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("organisation response")
        verbose_name_plural = _("organisation responses")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.organisation_id} on {self.request_id}"


class RequestStatusChange(models.Model):
    """One step of a request's history: who moved it, from what, to what, and why."""

    request = models.ForeignKey(
        DataRequest, on_delete=models.CASCADE, related_name="status_changes"
    )
    status_from = models.CharField(max_length=16, choices=RequestStatus.choices)
    status_to = models.CharField(max_length=16, choices=RequestStatus.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(max_length=NOTE_MAX_LENGTH, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.request_id}: {self.status_from} → {self.status_to}"
