"""Who may post, how often, and whether a post waits for a moderator: one rule for every form
that writes something public (a comment, a report, a request, a vote) and for the API.

No third-party service is involved: an account must have a verified e-mail address and not be
blocked; a honeypot field catches form-filling robots; rate limits count per account and per
address (a hash of it, kept only in the cache for the window) and answer 429 with a message;
a new account's posts wait for a moderator until the account is trusted.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from interop.api.ratelimit import client_key, parse_rate_limit

from .selectors import profile_of

HONEYPOT_FIELD = "website"  # hidden from people (CSS and aria-hidden), filled by robots


@dataclass
class PostingRefused(Exception):
    """Why a post was refused, as the person should read it, and the HTTP status to answer."""

    message: str
    status: int = 403
    retry_after: int = 0


def posting_refusal(request: HttpRequest, *, action: str = "post") -> PostingRefused | None:
    """``None`` when ``request.user`` may post now; else the refusal. Spends one rate token."""
    user = request.user
    if not user.is_authenticated:
        return PostingRefused(_("Sign in to take part."), status=401)
    if not EmailAddress.objects.filter(user=user, verified=True).exists():
        return PostingRefused(_("Verify your e-mail address before you post."))
    if profile_of(user).is_blocked:
        return PostingRefused(_("This account has been blocked by the moderators."))
    if request.method == "POST" and request.POST.get(HONEYPOT_FIELD):
        return PostingRefused(_("This form was filled in by a robot."), status=400)
    return _rate_refusal(request, action=action)


def _rate_refusal(request: HttpRequest, *, action: str) -> PostingRefused | None:
    rule = parse_rate_limit(getattr(settings, "PARTICIPATION_RATE_LIMIT", "10/minute"))
    if rule is None:
        return None
    window = int(time.time() // rule.period_seconds)
    address = hashlib.sha256(client_key(request).encode()).hexdigest()[:32]
    keys = [
        f"post-rate:{action}:u{request.user.pk}:{window}",
        f"post-rate:{action}:a{address}:{window}",
    ]
    for key in keys:
        cache.add(key, 0, timeout=rule.period_seconds)
        if cache.incr(key) > rule.limit:
            wait = rule.period_seconds - int(time.time()) % rule.period_seconds
            return PostingRefused(
                _("You are posting too fast. Nothing was saved; try again in %(n)s seconds.")
                % {"n": wait},
                status=429,
                retry_after=wait,
            )
    return None


def held_for_moderation(user: Any) -> bool:
    """A new account's posts wait for a moderator until the account is trusted."""
    return not (user.is_superuser or profile_of(user).trusted)


def refusal_response(request: HttpRequest, refusal: PostingRefused) -> HttpResponse:
    """The refusal as a page (the form's own data is kept by the browser's back button)."""
    response = render(
        request, "participation/refused.html", {"refusal": refusal}, status=refusal.status
    )
    if refusal.retry_after:
        response["Retry-After"] = str(refusal.retry_after)
    return response
