"""Threads of questions and answers on any subject, their posts, and reports of bad posts.

A thread hangs on a generic subject (content type + id): every catalogue entry, and any other
model that declares itself discussable (a data request). Who may post, answer, close and
moderate is decided in :mod:`.rules`; only :mod:`.services` writes these tables.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

BODY_MAX_LENGTH = 5000
TITLE_MAX_LENGTH = 200
FLAG_NOTE_MAX_LENGTH = 1000


class Thread(models.Model):
    subject_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="discussion_threads",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("discussion thread")
        verbose_name_plural = _("discussion threads")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["subject_type", "subject_id", "-created_at"], name="thread_subject_idx"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("discussions:thread", args=[self.pk])

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None


class PostStatus(models.TextChoices):
    VISIBLE = "visible", _("Visible")
    HELD = "held", _("Waiting for a moderator")
    HIDDEN = "hidden", _("Hidden by a moderator")


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="discussion_posts",
    )
    body = models.TextField(_("text"), max_length=BODY_MAX_LENGTH)  # as written (Markdown)
    body_html = models.TextField(editable=False)  # rendered once and sanitised (.markdown)
    status = models.CharField(
        _("status"), max_length=8, choices=PostStatus.choices, default=PostStatus.VISIBLE
    )
    is_publisher_answer = models.BooleanField(_("the publisher's answer"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["thread", "created_at"], name="post_thread_idx"),
            models.Index(fields=["status", "created_at"], name="post_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.thread_id} · {self.pk}"

    def get_absolute_url(self) -> str:
        return f"{self.thread.get_absolute_url()}#post-{self.pk}"


class FlagReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    PERSONAL_DATA = "personal_data", _("Personal data")
    OFFENSIVE = "offensive", _("Offensive or abusive")
    ILLEGAL = "illegal", _("Illegal content")


class PostFlag(models.Model):
    """Someone reports a post to the moderators; one open report per person and post."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="flags")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="discussion_flags",
    )
    reason = models.CharField(_("reason"), max_length=16, choices=FlagReason.choices)
    note = models.CharField(_("note"), max_length=FLAG_NOTE_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("reported post")
        verbose_name_plural = _("reported posts")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"],
                condition=models.Q(resolved_at__isnull=True),
                name="one_open_flag_per_reporter",
            )
        ]
        indexes = [models.Index(fields=["resolved_at", "created_at"], name="flag_open_idx")]

    def __str__(self) -> str:
        return f"{self.post_id} · {self.reason}"
