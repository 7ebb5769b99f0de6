"""Pages: follow and unfollow, save a search, the following page, unsubscribe, feeds.

Every write is a POST with a CSRF token through the one posting rule
(``participation.posting``), except the signed unsubscribe link: its signature is the
authorisation, so mail clients' RFC 8058 one-click POST (no cookie, no token) works.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from catalogue.models import Entry, Organisation, Theme
from participation.numbers import is_decimal
from participation.posting import posting_refusal, refusal_response
from search.query import SearchInputError

from . import services
from .models import AlertFrequency, Follow
from .selectors import follows_of
from .signing import BadSignature, feed_token, read_unsubscribe_token


def _back(request: HttpRequest, default: str) -> HttpResponseRedirect:
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = default
    return HttpResponseRedirect(target)


def resolve_target(target_type: str, key: str) -> Any:
    """The thing to follow, by id (entries, organisations) or slug (themes); 404 if none."""
    if target_type == "entry" and is_decimal(key):
        return get_object_or_404(Entry.objects.published(), pk=int(key))
    if target_type == "organisation" and is_decimal(key):
        return get_object_or_404(Organisation, pk=int(key))
    if target_type == "theme":
        return get_object_or_404(Theme, slug=key)
    raise Http404(_("Nothing to follow here."))


def _bad(request: HttpRequest, message: str, status: int = 400) -> HttpResponse:
    return render(request, "alerts/message.html", {"message": message}, status=status)


@require_POST
def follow(request: HttpRequest, target_type: str, key: str) -> HttpResponse:
    target = resolve_target(target_type, key)
    frequency = request.POST.get("frequency", AlertFrequency.IMMEDIATE)
    if frequency not in AlertFrequency.values:
        return _bad(request, _("Choose how often: at once, daily or weekly."))
    refusal = posting_refusal(request, action="follow")
    if refusal is not None:
        return refusal_response(request, refusal)
    services.follow_create(
        user=request.user, target_type=target_type, target=target, frequency=frequency
    )
    messages.success(request, _("You now follow %(name)s.") % {"name": target})
    return _back(request, target.get_absolute_url())


@login_required
@require_POST
def unfollow(request: HttpRequest, follow_id: int) -> HttpResponse:
    if not services.follow_delete(user=request.user, follow_id=follow_id):
        raise Http404(_("You do not follow this."))
    messages.success(request, _("You no longer follow it."))
    return _back(request, reverse("alerts:following"))


@login_required
@require_POST
def change_frequency(request: HttpRequest, follow_id: int) -> HttpResponse:
    frequency = request.POST.get("frequency", "")
    if frequency not in AlertFrequency.values:
        return _bad(request, _("Choose how often: at once, daily or weekly."))
    if not services.follow_set_frequency(
        user=request.user, follow_id=follow_id, frequency=frequency
    ):
        raise Http404(_("You do not follow this."))
    messages.success(request, _("Saved."))
    return _back(request, reverse("alerts:following"))


@require_POST
def save_search(request: HttpRequest) -> HttpResponse:
    """Save the search whose parameters are this URL's query string (the search page's)."""
    frequency = request.POST.get("frequency", AlertFrequency.DAILY)
    if frequency not in AlertFrequency.values:
        return _bad(request, _("Choose how often: at once, daily or weekly."))
    name = request.POST.get("name", "")
    if len(name) > 120:
        return _bad(request, _("The name is too long: at most 120 characters."))
    refusal = posting_refusal(request, action="follow")
    if refusal is not None:
        return refusal_response(request, refusal)
    try:
        saved, _follow, _created = services.saved_search_create(
            user=request.user, params=request.GET, name=name, frequency=frequency
        )
    except SearchInputError as error:
        return _bad(request, error.message)
    messages.success(request, _("Search saved: %(name)s.") % {"name": saved.name})
    return HttpResponseRedirect(reverse("alerts:following"))


@login_required
def following(request: HttpRequest) -> HttpResponse:
    follows = follows_of(request.user)
    for item in follows:
        if item.saved_search_id:
            item.feed_url = reverse(  # type: ignore[attr-defined]
                "alerts:saved_search_feed", args=[feed_token(item.saved_search_id)]
            )
    return render(
        request,
        "alerts/following.html",
        {"follows": follows, "frequencies": AlertFrequency.choices},
    )


@csrf_exempt  # the signature is the authorisation; RFC 8058 clients send no token or cookie
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        user_id, follow_id = read_unsubscribe_token(token)
    except BadSignature:
        return _bad(
            request,
            _("This unsubscribe link is damaged or has expired. Sign in to change your alerts."),
        )
    follow = Follow.objects.filter(pk=follow_id, user_id=user_id).first() if follow_id else None
    if request.method == "GET":
        gone = follow_id is not None and follow is None
        context = {"follow": follow, "everything": follow_id is None, "gone": gone}
        return render(request, "alerts/unsubscribe.html", context)
    services.unsubscribe(user_id=user_id, follow_id=follow_id)
    return render(request, "alerts/unsubscribed.html", {"everything": follow_id is None})
