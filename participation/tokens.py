"""Personal API tokens, and the one way an API view learns who is calling.

A script sends ``Authorization: Bearer <token>``; a browser sends its session cookie. Token
calls carry no cookie, so they cannot be forged cross-site and skip the CSRF check; session
calls keep it. Every write still goes through :func:`participation.posting.posting_refusal`.
"""

from __future__ import annotations

import functools
import hashlib
import secrets
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ApiToken
from .posting import PostingRefused

TOKEN_PREFIX = "eco_"  # noqa: S105 (a visible marker, not a secret)


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def create_token(user: Any, name: str) -> tuple[ApiToken, str]:
    """Make a token for ``user``; the raw token is returned once and never stored."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name[:80], prefix=raw[: len(TOKEN_PREFIX) + 6], key_hash=_hash(raw)
    )
    return token, raw


def revoke_token(user: Any, token_id: int) -> bool:
    """Revoke one of ``user``'s own tokens; ``False`` when it is not theirs or already revoked."""
    return bool(
        ApiToken.objects.filter(pk=token_id, user=user, revoked_at=None).update(
            revoked_at=timezone.now()
        )
    )


def user_for_token(raw: str) -> Any | None:
    """The active owner of a live token, or ``None``."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=_hash(raw), revoked_at=None, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


def json_error(message: str, status: int, retry_after: int = 0) -> JsonResponse:
    response = JsonResponse({"error": {"status": status, "message": message}}, status=status)
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


def json_refusal(refusal: PostingRefused) -> JsonResponse:
    return json_error(refusal.message, refusal.status, refusal.retry_after)


def allow_methods(
    *methods: str,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Answer any other method with a JSON 405 and its ``Allow`` header (RFC 9110), before the
    CSRF check of :func:`api_view` could turn a PUT into a misleading 403. Put it outside."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method not in methods:
                response = json_error(_("Use %(methods)s.") % {"methods": ", ".join(methods)}, 405)
                response["Allow"] = ", ".join(methods)
                return response
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


def _bearer(request: HttpRequest) -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _sep, value = header.partition(" ")
    return value.strip() if scheme.lower() in {"bearer", "token"} and value.strip() else None


def _no_response(request: HttpRequest) -> HttpResponse:
    return HttpResponse()


def api_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Authenticate an API view by token or session; a bad token is a 401, never anonymous.

    A write with neither is a 401 too (what a script without its token must be told); a
    signed-in session's write must carry its CSRF token, or it is a 403."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        raw = _bearer(request)
        if raw is not None:
            user = user_for_token(raw)
            if user is None:
                return json_error(_("This API token is unknown or revoked."), 401)
            request.user = user
        elif request.method not in {"GET", "HEAD", "OPTIONS"}:
            if not request.user.is_authenticated:
                # Neither token nor session: nobody to write as, so no forgery to stop.
                return json_error(_("Send a personal API token or sign in."), 401)
            reason = CsrfViewMiddleware(_no_response).process_view(request, view, args, kwargs)
            if reason is not None:
                return json_error(_("Missing or wrong CSRF token for a signed-in session."), 403)
        return view(request, *args, **kwargs)

    wrapped.csrf_exempt = True  # type: ignore[attr-defined]
    return wrapped
