"""Accounts' own data: a profile beside Django's user, and membership of organisations.

Django's ``auth.User`` stays the account (Wagtail's admin and allauth both use it); what a
person tells the catalogue about themselves lives in :class:`Profile`, kept minimal: a display
name, an optional organisation and interests. Nothing else about a person is stored here.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    display_name = models.CharField(_("display name"), max_length=80, blank=True)
    organisation_name = models.CharField(
        _("organisation (optional)"),
        max_length=200,
        blank=True,
        help_text=_("Shown next to your name on what you post, if you give one."),
    )
    interest_themes = models.ManyToManyField(
        "catalogue.Theme", blank=True, related_name="+", verbose_name=_("themes of interest")
    )
    interest_countries = models.ManyToManyField(
        "catalogue.Country", blank=True, related_name="+", verbose_name=_("countries of interest")
    )
    # Moderation (participation.discussions): a new account's first posts wait for a moderator
    # until it is trusted; a blocked account cannot post at all.
    trusted = models.BooleanField(_("trusted"), default=False)
    blocked_at = models.DateTimeField(_("blocked at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return self.public_name

    @property
    def public_name(self) -> str:
        """The name shown on posts: never the e-mail address."""
        return self.display_name or str(_("Anonymous participant"))

    @property
    def is_blocked(self) -> bool:
        return self.blocked_at is not None


class MembershipRole(models.TextChoices):
    MEMBER = "member", _("Member")
    EDITOR = "editor", _("Editor")  # edits the organisation's entries in the admin
    ADMIN = "admin", _("Administrator")  # approves members, answers for the organisation


class MembershipStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


class Membership(models.Model):
    """A person's role in an organisation: requested by them, decided by its administrators."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        "catalogue.Organisation", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        _("role"), max_length=16, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=MembershipStatus.choices,
        default=MembershipStatus.REQUESTED,
        db_index=True,
    )
    message = models.CharField(_("message to the administrators"), max_length=500, blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.organisation_id} · {self.role} ({self.status})"


class ApiToken(models.Model):
    """A personal API token: lets a script post, vote and follow as its owner.

    Only a SHA-256 hash of the token is stored (the token itself is shown once, when made), so a
    leaked database does not leak working tokens; the prefix lets its owner tell tokens apart.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="personal_api_tokens"
    )
    name = models.CharField(_("name"), max_length=80)
    prefix = models.CharField(max_length=12)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
