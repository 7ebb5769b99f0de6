"""The only writers of discussions: threads, posts, reports of posts, and moderation.

Callers (the views, the API, the demo) check the posting rule first
(:func:`participation.posting.posting_refusal`); these functions check what is particular to
discussions (a read-only subject, a closed thread, who may answer, close or moderate) through
:mod:`.rules` and raise :class:`.rules.DiscussionRefused`.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from catalogue.sanitise import sanitise_plain_text
from participation.events import announce
from participation.posting import held_for_moderation
from participation.selectors import can_answer_for, profile_of

from . import rules
from .markdown import render_markdown
from .models import TITLE_MAX_LENGTH, FlagReason, Post, PostFlag, PostStatus, Thread


@transaction.atomic
def start_thread(
    *, user: Any, subject: Any, title: str, body: str, as_answer: bool = False
) -> Thread:
    """A new thread on ``subject`` with its first post (held when the account is new)."""
    rules.check_can_post(subject)
    thread = Thread.objects.create(
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=subject.pk,
        title=sanitise_plain_text(title, max_length=TITLE_MAX_LENGTH),
        author=user,
    )
    _add_post(user=user, thread=thread, subject=subject, body=body, as_answer=as_answer)
    return thread


@transaction.atomic
def add_reply(*, user: Any, thread: Thread, body: str, as_answer: bool = False) -> Post:
    subject = thread.subject
    rules.check_can_post(subject, thread)
    return _add_post(user=user, thread=thread, subject=subject, body=body, as_answer=as_answer)


def _add_post(*, user: Any, thread: Thread, subject: Any, body: str, as_answer: bool) -> Post:
    held = held_for_moderation(user)
    post = Post.objects.create(
        thread=thread,
        author=user,
        body=body,
        body_html=render_markdown(body),
        status=PostStatus.HELD if held else PostStatus.VISIBLE,
        is_publisher_answer=bool(
            as_answer and can_answer_for(user, rules.organisation_id_of(subject))
        ),
    )
    if not held:
        _announce_new_post(post)
    return post


def _announce_new_post(post: Post) -> None:
    """Tell the thread's participants (not the author) that a post became visible."""
    thread = post.thread
    participant_ids = set(
        Post.objects.filter(thread=thread, status=PostStatus.VISIBLE, author__isnull=False)
        .values_list("author_id", flat=True)
        .distinct()
    )
    if thread.author_id:
        participant_ids.add(thread.author_id)
    if post.author_id is not None:
        participant_ids.discard(post.author_id)
    from django.contrib.auth import get_user_model

    participants = tuple(get_user_model().objects.filter(pk__in=participant_ids, is_active=True))
    announce(
        sender="discussions",
        subject=thread,
        kind="new_post",
        summary=_("New post in the discussion “%(title)s”") % {"title": thread.title},
        url=post.get_absolute_url(),
        notify=participants,
        exclude=(post.author,) if post.author else (),
    )


def set_publisher_answer(*, user: Any, post: Post, value: bool = True) -> Post:
    rules.check_can_mark_answer(user, post, post.thread.subject)
    Post.objects.filter(pk=post.pk).update(is_publisher_answer=value)
    post.is_publisher_answer = value
    return post


def close_thread(*, user: Any, thread: Thread) -> Thread:
    rules.check_can_close(user, thread.subject)
    if thread.closed_at is None:
        thread.closed_at, thread.closed_by = timezone.now(), user
        thread.save(update_fields=["closed_at", "closed_by"])
    return thread


def reopen_thread(*, user: Any, thread: Thread) -> Thread:
    rules.check_can_close(user, thread.subject)
    rules.check_can_post(thread.subject)
    thread.closed_at, thread.closed_by = None, None
    thread.save(update_fields=["closed_at", "closed_by"])
    return thread


def flag_post(*, user: Any, post: Post, reason: str, note: str = "") -> tuple[PostFlag, bool]:
    """Report a post; a second open report by the same person counts once (``False``)."""
    if reason not in FlagReason.values:
        raise rules.DiscussionRefused(_("Choose a reason from the list."), status=400)
    with transaction.atomic():
        existing = PostFlag.objects.filter(post=post, reporter=user, resolved_at=None).first()
        if existing is not None:
            return existing, False
        flag = PostFlag.objects.create(
            post=post, reporter=user, reason=reason, note=sanitise_plain_text(note)[:1000]
        )
    return flag, True


# --- moderation ------------------------------------------------------------------------------


@transaction.atomic
def approve_post(*, moderator: Any, post: Post) -> Post:
    """A held post becomes visible; its author is trusted after enough approved posts."""
    rules.check_moderator(moderator)
    if post.status != PostStatus.HELD:
        return post
    _moderate(post, moderator, PostStatus.VISIBLE)
    if post.author is not None:
        _trust_when_proven(post.author)
    _announce_new_post(post)
    return post


def hide_post(*, moderator: Any, post: Post) -> Post:
    rules.check_moderator(moderator)
    _moderate(post, moderator, PostStatus.HIDDEN)
    return post


def restore_post(*, moderator: Any, post: Post) -> Post:
    """A hidden post is shown again (a held one goes through :func:`approve_post`)."""
    rules.check_moderator(moderator)
    if post.status == PostStatus.HIDDEN:
        _moderate(post, moderator, PostStatus.VISIBLE)
    return post


def _moderate(post: Post, moderator: Any, status: str) -> None:
    post.status, post.moderated_at, post.moderated_by = status, timezone.now(), moderator
    post.save(update_fields=["status", "moderated_at", "moderated_by"])


def resolve_flags(*, moderator: Any, post: Post) -> int:
    """Close every open report of ``post`` (after hiding it, or deciding it is fine)."""
    rules.check_moderator(moderator)
    return PostFlag.objects.filter(post=post, resolved_at=None).update(
        resolved_at=timezone.now(), resolved_by=moderator
    )


def _trust_when_proven(author: Any) -> None:
    needed = getattr(settings, "PARTICIPATION_TRUST_AFTER_APPROVED", 3)
    profile = profile_of(author)
    if profile.trusted:
        return
    approved = Post.objects.filter(
        author=author, status=PostStatus.VISIBLE, moderated_at__isnull=False
    ).count()
    if approved >= needed:
        profile.trusted = True
        profile.save(update_fields=["trusted"])


def block_author(*, moderator: Any, user: Any) -> None:
    """A blocked account cannot post (``posting_refusal``); what it wrote is kept."""
    rules.check_moderator(moderator)
    profile = profile_of(user)
    if profile.blocked_at is None:
        profile.blocked_at = timezone.now()
        profile.save(update_fields=["blocked_at"])


def unblock_author(*, moderator: Any, user: Any) -> None:
    rules.check_moderator(moderator)
    profile = profile_of(user)
    profile.blocked_at = None
    profile.save(update_fields=["blocked_at"])


# --- personal data ---------------------------------------------------------------------------


def erase_person(user: Any) -> None:
    """Before an account is deleted: its threads, posts and reports stay, without it."""
    Thread.objects.filter(author=user).update(author=None)
    Post.objects.filter(author=user).update(author=None)
    PostFlag.objects.filter(reporter=user).update(reporter=None)


# --- bulk ------------------------------------------------------------------------------------


def bulk_posts(
    *, subject: Any, authors: list[Any], threads: int, posts_per_thread: int, body: str = ""
) -> list[Thread]:
    """Many visible threads and posts at once (benchmarks, large demos): two bulk inserts.

    Written as visible and trusted content, with no event announced: nobody is waiting for it.
    """
    content_type = ContentType.objects.get_for_model(subject)
    made = Thread.objects.bulk_create(
        Thread(
            subject_type=content_type,
            subject_id=subject.pk,
            title=f"Question {n + 1} about {subject}"[:TITLE_MAX_LENGTH],
            author=authors[n % len(authors)],
        )
        for n in range(threads)
    )
    text = body or "Is the **2024** file complete? See [the notes](https://example.org/notes)."
    html = render_markdown(text)
    Post.objects.bulk_create(
        Post(thread=thread, author=authors[(t + n) % len(authors)], body=text, body_html=html)
        for t, thread in enumerate(made)
        for n in range(posts_per_thread)
    )
    return made
