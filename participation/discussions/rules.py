"""Who may do what in a discussion: the one place that decides it.

A subject is a catalogue entry or any model that declares itself discussable (see
:func:`is_discussable`). Its organisation answers for it (an entry's publisher, or the
subject's ``discussion_organisation_id``); it is read-only when withdrawn (an entry's
``withdrawn_at``, or the subject's ``discussion_read_only``): its discussions stay readable,
nobody adds to them. Posting itself (signed in, verified, not blocked, honeypot, rate limits,
held until trusted) is :mod:`participation.posting`'s rule, applied by the views.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from catalogue.models import Entry
from participation.selectors import can_answer_for, is_moderator

from .models import Post, PostStatus, Thread

DISCUSSABLE_MARKERS = ("discussions_enabled", "discussion_organisation_id", "discussion_read_only")


@dataclass
class DiscussionRefused(Exception):
    """Why an action on a discussion was refused, as the person should read it."""

    message: str
    status: int = 403


def is_discussable(model: type[Any]) -> bool:
    """Entries, and models that say so with one of :data:`DISCUSSABLE_MARKERS`."""
    return issubclass(model, Entry) or any(hasattr(model, name) for name in DISCUSSABLE_MARKERS)


def is_public(subject: Any) -> bool:
    """Only what the public can see is discussed (a draft entry is not; a withdrawn one was)."""
    if isinstance(subject, Entry):
        return bool(subject.live)
    return bool(getattr(subject, "discussion_visible", True))


def organisation_id_of(subject: Any) -> int | None:
    """The organisation that answers for ``subject``."""
    if isinstance(subject, Entry):
        return int(subject.publisher_id)
    value = getattr(subject, "discussion_organisation_id", None)
    return int(value) if value else None


def is_read_only(subject: Any) -> bool:
    if isinstance(subject, Entry):
        return subject.is_withdrawn
    return bool(getattr(subject, "discussion_read_only", False))


def read_only_message(subject: Any) -> str:
    return _("This was withdrawn: its discussions are kept and can be read, but not added to.")


@dataclass(frozen=True)
class Viewer:
    """What one person may do on one subject, worked out once per page (two queries at most)."""

    user: Any
    moderator: bool
    answers_for_subject: bool
    read_only: bool

    @property
    def can_close(self) -> bool:
        return self.moderator or self.answers_for_subject

    def can_post_in(self, thread: Thread | None = None) -> bool:
        """Whether to offer the form (the posting rule still decides on submit)."""
        return not self.read_only and not (thread is not None and thread.is_closed)

    def sees(self, post: Post) -> bool:
        """Hidden posts show as a placeholder to all; held ones only to their author and
        the moderators."""
        if post.status != PostStatus.HELD:
            return True
        return self.moderator or (self.user.is_authenticated and post.author_id == self.user.pk)


def viewer_for(user: Any, subject: Any) -> Viewer:
    return Viewer(
        user=user,
        moderator=is_moderator(user),
        answers_for_subject=can_answer_for(user, organisation_id_of(subject)),
        read_only=is_read_only(subject),
    )


def check_can_post(subject: Any, thread: Thread | None = None) -> None:
    """Raise :class:`DiscussionRefused` when nobody may add to this subject or thread."""
    if is_read_only(subject):
        raise DiscussionRefused(read_only_message(subject))
    if thread is not None and thread.is_closed:
        raise DiscussionRefused(_("This thread is closed: it can be read, not answered."))


def check_can_close(user: Any, subject: Any) -> None:
    if not (is_moderator(user) or can_answer_for(user, organisation_id_of(subject))):
        raise DiscussionRefused(_("Only the publisher or a moderator can close a thread."))


def check_can_mark_answer(user: Any, post: Post, subject: Any) -> None:
    """The publisher's people mark one of their own organisation's posts as its answer."""
    organisation_id = organisation_id_of(subject)
    if not can_answer_for(user, organisation_id):
        raise DiscussionRefused(_("Only the publisher can mark its answer."))
    if post.author is None or not can_answer_for(post.author, organisation_id):
        raise DiscussionRefused(_("Only a post written for the publisher can be its answer."))
    if post.status != PostStatus.VISIBLE:
        raise DiscussionRefused(_("Only a visible post can be marked as the answer."))


def check_moderator(user: Any) -> None:
    if not is_moderator(user):
        raise DiscussionRefused(_("Only moderators can do this."))
