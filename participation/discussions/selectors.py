"""Reading discussions: a subject's threads with their posts, a thread, the moderators' queue.

Every reader fetches a fixed number of queries whatever the number of posts: threads with
their authors' profiles, then all their posts with theirs (one ``prefetch_related``), so an
entry page with hundreds of comments costs the same few queries as one with two.
"""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from catalogue.models import Entry
from participation.numbers import is_decimal

from . import rules
from .models import Post, PostFlag, PostStatus, Thread


def subject_key(subject: Any) -> str:
    """``app_label.model:pk``: how forms and the API name a subject."""
    content_type = ContentType.objects.get_for_model(subject)
    return f"{content_type.app_label}.{content_type.model}:{subject.pk}"


def resolve_subject(key: str) -> Any | None:
    """The discussable, public subject a key names, or ``None`` (bad input is not an error)."""
    label, _sep, raw_pk = (key or "").partition(":")
    app_label, _dot, model_name = label.partition(".")
    if not is_decimal(raw_pk) or not app_label or not model_name:
        return None
    try:
        content_type = ContentType.objects.get_by_natural_key(app_label, model_name.lower())
    except ContentType.DoesNotExist:
        return None
    model = content_type.model_class()
    if model is None or not rules.is_discussable(model):
        return None
    subject: Any
    if issubclass(model, Entry):
        subject = Entry.objects.select_related("publisher").filter(pk=int(raw_pk)).first()
    else:
        subject = model._default_manager.filter(pk=int(raw_pk)).first()
    return subject if subject is not None and rules.is_public(subject) else None


def _posts_shown_to(viewer: rules.Viewer) -> QuerySet[Post]:
    shown = Q(status__in=[PostStatus.VISIBLE, PostStatus.HIDDEN])
    if viewer.moderator:
        shown = Q()
    elif viewer.user.is_authenticated:
        shown |= Q(status=PostStatus.HELD, author_id=viewer.user.pk)
    return Post.objects.filter(shown).select_related("author__profile").order_by("created_at", "id")


def _threads(queryset: QuerySet[Thread], viewer: rules.Viewer) -> list[Thread]:
    """Threads with ``shown_posts``; a thread whose every post is held for someone else is
    not shown (its title is not public yet)."""
    threads = queryset.select_related("author__profile", "closed_by__profile").prefetch_related(
        Prefetch("posts", queryset=_posts_shown_to(viewer), to_attr="shown_posts")
    )
    return [thread for thread in threads if thread.shown_posts]


def shown_posts(thread: Thread) -> list[Post]:
    """The posts of a thread read through :func:`threads_on` or :func:`thread_for_viewer`."""
    posts: list[Post] = getattr(thread, "shown_posts", [])
    return posts


def threads_on(subject: Any, viewer: rules.Viewer) -> list[Thread]:
    """A subject's threads, newest first, each with the posts ``viewer`` may see."""
    content_type = ContentType.objects.get_for_model(subject)
    return _threads(Thread.objects.filter(subject_type=content_type, subject_id=subject.pk), viewer)


def thread_get(thread_id: int) -> Thread | None:
    return Thread.objects.select_related("subject_type").filter(pk=thread_id).first()


def thread_for_viewer(thread: Thread, viewer: rules.Viewer) -> Thread | None:
    threads = _threads(Thread.objects.filter(pk=thread.pk), viewer)
    return threads[0] if threads else None


def post_get(post_id: int) -> Post | None:
    return Post.objects.select_related("thread", "author").filter(pk=post_id).first()


def public_name(user: Any) -> str:
    """The name shown for an author: the profile's public name, never the e-mail address."""
    if user is None:
        return _("Deleted account")
    profile = getattr(user, "profile", None)
    return profile.public_name if profile is not None else _("Anonymous participant")


# --- moderation ------------------------------------------------------------------------------

QUEUE_LIMIT = 100


def held_posts() -> list[Post]:
    """Posts waiting for a moderator, oldest first."""
    return list(
        Post.objects.filter(status=PostStatus.HELD)
        .select_related("thread", "author__profile")
        .order_by("created_at", "id")[:QUEUE_LIMIT]
    )


def flagged_posts() -> list[Post]:
    """Posts with open reports, most reported first, each with ``open_flags``."""
    open_flags = PostFlag.objects.filter(resolved_at=None).select_related("reporter__profile")
    return list(
        Post.objects.annotate(open_count=Count("flags", filter=Q(flags__resolved_at=None)))
        .filter(open_count__gt=0)
        .select_related("thread", "author__profile")
        .prefetch_related(Prefetch("flags", queryset=open_flags, to_attr="open_flags"))
        .order_by("-open_count", "created_at")[:QUEUE_LIMIT]
    )


def queue_counts() -> dict[str, int]:
    return {
        "held": Post.objects.filter(status=PostStatus.HELD).count(),
        "flagged": Post.objects.filter(flags__resolved_at=None).distinct().count(),
    }


# --- personal data ---------------------------------------------------------------------------


def export_person(user: Any) -> dict[str, Any]:
    """Everything discussions hold about ``user``: their threads, posts and reports."""
    return {
        "threads": [
            {"id": t.pk, "title": t.title, "created_at": t.created_at.isoformat()}
            for t in Thread.objects.filter(author=user).order_by("id")
        ],
        "posts": [
            {
                "id": p.pk,
                "thread": p.thread_id,
                "body": p.body,
                "status": p.status,
                "created_at": p.created_at.isoformat(),
            }
            for p in Post.objects.filter(author=user).order_by("id")
        ],
        "reports": [
            {
                "post": f.post_id,
                "reason": f.reason,
                "note": f.note,
                "created_at": f.created_at.isoformat(),
                "resolved": f.resolved_at is not None,
            }
            for f in PostFlag.objects.filter(reporter=user).order_by("id")
        ],
    }
