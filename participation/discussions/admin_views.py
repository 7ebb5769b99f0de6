"""The moderators' queue in the Wagtail admin: held posts and reported posts, and what a
moderator does with them (approve, hide, restore, resolve the reports, block the author).

Only moderators (:func:`participation.selectors.is_moderator`) reach it; anyone else who can
enter the admin gets a 403.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from participation.selectors import is_moderator

from . import selectors, services

ACTIONS = {
    "approve": (services.approve_post, gettext_lazy("Approved: the post is public.")),
    "hide": (services.hide_post, gettext_lazy("Hidden from the public.")),
    "restore": (services.restore_post, gettext_lazy("Restored: the post is public again.")),
}


def moderators_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A 403 page for anyone else (Wagtail would turn PermissionDenied into a redirect)."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_moderator(request.user):
            return render(request, "discussions/admin/forbidden.html", status=403)
        return view(request, *args, **kwargs)

    return wrapped


@moderators_only
def queue(request: HttpRequest) -> HttpResponse:
    context = {
        "held_posts": selectors.held_posts(),
        "flagged_posts": selectors.flagged_posts(),
        "counts": selectors.queue_counts(),
    }
    return render(request, "discussions/admin/queue.html", context)


@require_POST
@moderators_only
def post_action(request: HttpRequest, post_id: int, action: str) -> HttpResponse:
    post = selectors.post_get(post_id)
    if post is None:
        raise Http404(_("No such post."))
    if action in ACTIONS:
        service, done = ACTIONS[action]
        service(moderator=request.user, post=post)
        if request.POST.get("resolve") == "1":
            services.resolve_flags(moderator=request.user, post=post)
        messages.success(request, str(done))
    elif action == "resolve":
        services.resolve_flags(moderator=request.user, post=post)
        messages.success(request, _("Reports resolved; the post stays as it is."))
    elif action in {"block", "unblock"} and post.author is not None:
        if action == "block":
            services.block_author(moderator=request.user, user=post.author)
            messages.success(request, _("The author is blocked: they can no longer post."))
        else:
            services.unblock_author(moderator=request.user, user=post.author)
            messages.success(request, _("The author can post again."))
    else:
        raise Http404(_("Unknown moderation action."))
    return redirect("discussions_moderation")
