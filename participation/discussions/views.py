"""The public pages and forms of discussions; they work without JavaScript.

Every form posts here and comes back to the page it was on. A refused post (not signed in,
blocked, too fast, too long, a closed thread) shows the form again with its text and the
reason, with the status that says it (400, 401, 403, 429): nothing typed is lost.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from participation.posting import PostingRefused, posting_refusal

from . import rules, selectors, services
from .forms import FlagForm, ReplyForm, ThreadForm
from .models import FlagReason, Post, Thread


def _back_to(subject: Any, fallback: str, anchor: str = "") -> str:
    url = subject.get_absolute_url() if hasattr(subject, "get_absolute_url") else fallback
    return f"{url}#{anchor}" if anchor else url


def _form_page(
    request: HttpRequest,
    *,
    kind: str,
    form: Any,
    message: str = "",
    status: int = 400,
    **extra: Any,
) -> HttpResponse:
    """The form again, with what was typed and why it was not accepted."""
    context = {"kind": kind, "form": form, "message": message, "status": status, **extra}
    if extra.get("subject") is not None:
        context["viewer"] = rules.viewer_for(request.user, extra["subject"])
    response = render(request, "discussions/form_page.html", context, status=status)
    if extra.get("retry_after"):
        response["Retry-After"] = str(extra["retry_after"])
    return response


def _refused(request: HttpRequest, refusal: PostingRefused, **context: Any) -> HttpResponse:
    return _form_page(
        request,
        message=refusal.message,
        status=refusal.status,
        retry_after=refusal.retry_after,
        **context,
    )


def _thread_and_subject(thread_id: int) -> tuple[Thread, Any]:
    thread = selectors.thread_get(thread_id)
    subject = thread.subject if thread is not None else None
    if thread is None or subject is None or not rules.is_public(subject):
        raise Http404(_("No discussion here."))
    return thread, subject


@require_GET
def thread_page(request: HttpRequest, thread_id: int) -> HttpResponse:
    """One thread on its own page: the link alerts send, readable after a withdrawal."""
    thread, subject = _thread_and_subject(thread_id)
    viewer = rules.viewer_for(request.user, subject)
    shown = selectors.thread_for_viewer(thread, viewer)
    if shown is None:
        raise Http404(_("No discussion here."))
    context = {
        "thread": shown,
        "subject": subject,
        "viewer": viewer,
        "read_only_message": rules.read_only_message(subject),
        "reply_form": ReplyForm(),
        "flag_reasons": FlagReason.choices,
    }
    return render(request, "discussions/thread_page.html", context)


@require_POST
def start_thread(request: HttpRequest) -> HttpResponse:
    subject = selectors.resolve_subject(request.POST.get("subject", ""))
    if subject is None:
        raise Http404(_("There is nothing to discuss here."))
    form = ThreadForm(request.POST)
    page = {
        "kind": "thread",
        "form": form,
        "subject": subject,
        "subject_key": selectors.subject_key(subject),
    }
    try:
        rules.check_can_post(subject)
    except rules.DiscussionRefused as refused:
        return _form_page(request, message=refused.message, status=refused.status, **page)
    refusal = posting_refusal(request, action="discussion")
    if refusal is not None:
        return _refused(request, refusal, **page)
    if not form.is_valid():
        return _form_page(request, **page)
    thread = services.start_thread(
        user=request.user,
        subject=subject,
        title=form.cleaned_data["title"],
        body=form.cleaned_data["body"],
        as_answer=form.cleaned_data["as_answer"],
    )
    return _posted(request, thread.posts.get(), subject)


def _posted(request: HttpRequest, post: Post, subject: Any) -> HttpResponse:
    if post.status == "held":
        messages.info(
            request,
            _("Thank you. Your post waits for a moderator, as the first posts of new accounts do."),
        )
    else:
        messages.success(request, _("Your post is published."))
    return HttpResponseRedirect(
        _back_to(subject, post.thread.get_absolute_url(), anchor=f"post-{post.pk}")
    )


@require_POST
def reply(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread, subject = _thread_and_subject(thread_id)
    form = ReplyForm(request.POST)
    page = {"kind": "reply", "form": form, "subject": subject, "thread": thread}
    try:
        rules.check_can_post(subject, thread)
    except rules.DiscussionRefused as refused:
        return _form_page(request, message=refused.message, status=refused.status, **page)
    refusal = posting_refusal(request, action="discussion")
    if refusal is not None:
        return _refused(request, refusal, **page)
    if not form.is_valid():
        return _form_page(request, **page)
    post = services.add_reply(
        user=request.user,
        thread=thread,
        body=form.cleaned_data["body"],
        as_answer=form.cleaned_data["as_answer"],
    )
    return _posted(request, post, subject)


def _post_and_subject(request: HttpRequest, post_id: int) -> tuple[Post, Any, rules.Viewer]:
    post = selectors.post_get(post_id)
    subject = post.thread.subject if post is not None else None
    if post is None or subject is None or not rules.is_public(subject):
        raise Http404(_("No such post."))
    viewer = rules.viewer_for(request.user, subject)
    if not viewer.sees(post):
        raise Http404(_("No such post."))
    return post, subject, viewer


@require_POST
def report_post(request: HttpRequest, post_id: int) -> HttpResponse:
    """Anyone signed in reports a post to the moderators (a reason, and a note)."""
    post, subject, _viewer = _post_and_subject(request, post_id)
    form = FlagForm(request.POST)
    page = {"kind": "flag", "form": form, "subject": subject, "post": post}
    refusal = posting_refusal(request, action="flag")
    if refusal is not None:
        return _refused(request, refusal, **page)
    if not form.is_valid():
        return _form_page(request, **page)
    _flag, created = services.flag_post(
        user=request.user,
        post=post,
        reason=form.cleaned_data["reason"],
        note=form.cleaned_data["note"],
    )
    messages.success(
        request,
        _("Thank you: the moderators will look at this post.")
        if created
        else _("You had already reported this post; the moderators have it."),
    )
    return HttpResponseRedirect(
        _back_to(subject, post.thread.get_absolute_url(), f"post-{post.pk}")
    )


@require_POST
def close_thread(request: HttpRequest, thread_id: int) -> HttpResponse:
    """The publisher or a moderator closes a thread (or opens it again)."""
    thread, subject = _thread_and_subject(thread_id)
    reopen = request.POST.get("action") == "reopen"
    try:
        if reopen:
            services.reopen_thread(user=request.user, thread=thread)
        else:
            services.close_thread(user=request.user, thread=thread)
    except rules.DiscussionRefused as refused:
        return _form_page(
            request,
            kind="notice",
            form=None,
            message=refused.message,
            status=refused.status,
            subject=subject,
        )
    messages.success(
        request, _("The thread is open again.") if reopen else _("The thread is closed.")
    )
    return HttpResponseRedirect(_back_to(subject, thread.get_absolute_url(), f"thread-{thread.pk}"))


@require_POST
def mark_answer(request: HttpRequest, post_id: int) -> HttpResponse:
    """The publisher marks (or unmarks) its own post as its answer."""
    post, subject, _viewer = _post_and_subject(request, post_id)
    value = request.POST.get("value", "1") != "0"
    try:
        services.set_publisher_answer(user=request.user, post=post, value=value)
    except rules.DiscussionRefused as refused:
        return _form_page(
            request,
            kind="notice",
            form=None,
            message=refused.message,
            status=refused.status,
            subject=subject,
        )
    messages.success(
        request, _("Marked as the publisher's answer.") if value else _("No longer marked.")
    )
    return HttpResponseRedirect(
        _back_to(subject, post.thread.get_absolute_url(), f"post-{post.pk}")
    )
