"""Follows, saved searches and the alert queue.

A :class:`Follow` points at exactly one thing (an entry, an organisation, a theme or a saved
search: a database check says so); an :class:`Alert` is one line waiting to be mailed, written
in bulk when something a person follows changes and marked sent when its mail is queued.
Nothing else about a person is stored: no opens, no clicks.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AlertFrequency(models.TextChoices):
    IMMEDIATE = "immediate", _("At once")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")


class SavedSearch(models.Model):
    """A search someone wants to hear about: the search page's GET parameters, normalised."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(_("name"), max_length=120)
    # Sorted ``key=value`` pairs without ``page``/``page_size``/``sort`` (search_params.py).
    query = models.CharField(_("search parameters"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_checked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "query"], name="alerts_one_saved_search")
        ]

    def __str__(self) -> str:
        return self.name


TARGETS = ("entry", "organisation", "theme", "saved_search")


def _exactly_one_target() -> models.Q:
    options = []
    for chosen in TARGETS:
        condition = models.Q(**{f"{chosen}__isnull": False})
        for other in TARGETS:
            if other != chosen:
                condition &= models.Q(**{f"{other}__isnull": True})
        options.append(condition)
    one = options[0]
    for option in options[1:]:
        one |= option
    return one


class Follow(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    entry = models.ForeignKey(
        "catalogue.Entry", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    organisation = models.ForeignKey(
        "catalogue.Organisation", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    theme = models.ForeignKey(
        "catalogue.Theme", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    saved_search = models.ForeignKey(
        SavedSearch, null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    frequency = models.CharField(
        _("how often"),
        max_length=10,
        choices=AlertFrequency.choices,
        default=AlertFrequency.IMMEDIATE,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=_exactly_one_target(), name="alerts_follow_one_target"
            ),
            *(
                models.UniqueConstraint(
                    fields=["user", target],
                    condition=models.Q(**{f"{target}__isnull": False}),
                    name=f"alerts_follow_once_{target}",
                )
                for target in TARGETS
            ),
        ]
        indexes = [
            models.Index(fields=["entry", "user"], name="alerts_follow_entry_idx"),
            models.Index(fields=["organisation", "user"], name="alerts_follow_org_idx"),
            models.Index(fields=["theme", "user"], name="alerts_follow_theme_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.target_type} {self.target_id}"

    @property
    def target_type(self) -> str:
        return next(t for t in TARGETS if getattr(self, f"{t}_id") is not None)

    @property
    def target_id(self) -> int:
        return int(getattr(self, f"{self.target_type}_id"))

    @property
    def target(self) -> models.Model:
        return getattr(self, self.target_type)  # type: ignore[no-any-return]


class Alert(models.Model):
    """One thing to tell one person; ``sent_at`` is set when its mail is queued."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alerts"
    )
    follow = models.ForeignKey(  # null: told directly (a reporter, a request's voters)
        Follow, null=True, blank=True, on_delete=models.CASCADE, related_name="alerts"
    )
    frequency = models.CharField(max_length=10, choices=AlertFrequency.choices)
    kind = models.CharField(max_length=32)
    summary = models.CharField(max_length=300)
    url = models.CharField(max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        indexes = [models.Index(fields=["sent_at", "user"], name="alerts_pending_idx")]

    def __str__(self) -> str:
        return self.summary


class MailOptOut(models.Model):
    """Someone who used "unsubscribe from everything": not told directly either, until they
    follow something again."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alert_opt_out"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("alert opt-out")

    def __str__(self) -> str:
        return f"{self.user_id} opted out"


class AlertClock(models.Model):
    """When a time-driven check last ran, so the next run announces only what happened since
    (a challenge opening or closing happens by the clock, with no save to notice)."""

    key = models.CharField(max_length=50, unique=True)
    checked_at = models.DateTimeField()

    class Meta:
        verbose_name = _("alert clock")

    def __str__(self) -> str:
        return f"{self.key} at {self.checked_at:%Y-%m-%d %H:%M}"
