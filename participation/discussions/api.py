"""The discussions API: read a subject's threads, and post with a personal API token.

``GET /api/v1/discussions/?subject=<app_label.model>:<id>`` (``catalogue.entry:42``) lists the
subject's threads with their visible posts; authors appear by public name only.
``POST /api/v1/discussions/`` with JSON (or a form) ``{"subject", "title", "body"}`` starts a
thread; ``{"thread": <id>, "body"}`` replies. Writes pass :func:`participation.tokens.api_view`
and the posting rule; every error is JSON with a 4xx status.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from participation.numbers import is_decimal
from participation.posting import posting_refusal
from participation.tokens import allow_methods, api_view, json_error, json_refusal

from . import rules, selectors, services
from .forms import ReplyForm, ThreadForm
from .models import Post, Thread


def _post_json(post: Post) -> dict[str, Any]:
    return {
        "id": post.pk,
        "author": selectors.public_name(post.author),
        "body": post.body,
        "body_html": post.body_html,
        "publisher_answer": post.is_publisher_answer,
        "created_at": post.created_at.isoformat(),
        "edited_at": post.edited_at.isoformat() if post.edited_at else None,
    }


def _thread_json(request: HttpRequest, thread: Thread, posts: list[Post]) -> dict[str, Any]:
    return {
        "id": thread.pk,
        "title": thread.title,
        "url": request.build_absolute_uri(thread.get_absolute_url()),
        "author": selectors.public_name(thread.author),
        "created_at": thread.created_at.isoformat(),
        "closed": thread.is_closed,
        "posts": [_post_json(post) for post in posts],
    }


def _public_viewer(subject: Any) -> rules.Viewer:
    """The API reads what everyone may read, whoever calls."""
    return rules.Viewer(
        user=AnonymousUser(),
        moderator=False,
        answers_for_subject=False,
        read_only=rules.is_read_only(subject),
    )


@allow_methods("GET", "POST")
@api_view
def discussions(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _list(request)
    if request.method == "POST":
        return _create(request)
    return json_error(_("Use GET to read or POST to write."), 405)


def _list(request: HttpRequest) -> HttpResponse:
    key = request.GET.get("subject", "")
    subject = selectors.resolve_subject(key)
    if subject is None:
        return json_error(
            _("Give ?subject=<app_label.model>:<id> of a published entry or request."), 404
        )
    threads = selectors.threads_on(subject, _public_viewer(subject))
    data = []
    for thread in threads:
        visible = [post for post in selectors.shown_posts(thread) if post.status == "visible"]
        if visible:
            data.append(_thread_json(request, thread, visible))
    return JsonResponse(
        {"subject": key, "read_only": rules.is_read_only(subject), "threads": data},
        json_dumps_params={"ensure_ascii": False},
    )


def _payload(request: HttpRequest) -> dict[str, Any] | None:
    if request.content_type == "application/json":
        try:
            data = json.loads(request.body or b"{}")
        except (ValueError, UnicodeDecodeError):
            return None
        if not isinstance(data, dict):
            return None
        return {k: v for k, v in data.items() if isinstance(v, str | int | bool)}
    return request.POST.dict()


def _create(request: HttpRequest) -> HttpResponse:
    data = _payload(request)
    if data is None:
        return json_error(_("The request body must be a JSON object."), 400)
    thread_id = data.get("thread")
    thread, subject = None, None
    if thread_id is not None:
        thread = selectors.thread_get(int(thread_id)) if is_decimal(str(thread_id)) else None
        subject = thread.subject if thread is not None else None
    else:
        subject = selectors.resolve_subject(str(data.get("subject", "")))
    if subject is None or not rules.is_public(subject):
        return json_error(_("No such subject or thread."), 404)
    try:
        rules.check_can_post(subject, thread)
    except rules.DiscussionRefused as refused:
        return json_error(refused.message, refused.status)
    refusal = posting_refusal(request, action="discussion")
    if refusal is not None:
        return json_refusal(refusal)
    form = ReplyForm(data) if thread is not None else ThreadForm(data)
    if not form.is_valid():
        message = " ".join(str(e) for errors in form.errors.values() for e in errors)
        response = json_error(message, 400)
        return response
    return _created(request, form.cleaned_data, subject, thread)


def _created(
    request: HttpRequest, cleaned: dict[str, Any], subject: Any, thread: Thread | None
) -> HttpResponse:
    if thread is None:
        thread = services.start_thread(
            user=request.user,
            subject=subject,
            title=cleaned["title"],
            body=cleaned["body"],
            as_answer=cleaned["as_answer"],
        )
        post = thread.posts.get()
    else:
        post = services.add_reply(
            user=request.user, thread=thread, body=cleaned["body"], as_answer=cleaned["as_answer"]
        )
    body = {
        "thread": thread.pk,
        "post": post.pk,
        "status": post.status,
        "url": request.build_absolute_uri(thread.get_absolute_url()),
    }
    return JsonResponse(body, status=201)
