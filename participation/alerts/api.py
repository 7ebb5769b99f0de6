"""The follows API: list, follow and stop following with a personal API token (or a session).

``GET/POST /api/v1/follows/`` and ``DELETE /api/v1/follows/<id>``. Following is a write, so it
goes through the one posting rule; errors are JSON with a message and the right status.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from participation.posting import posting_refusal
from participation.tokens import allow_methods, api_view, json_error, json_refusal

from . import services
from .models import AlertFrequency, Follow
from .selectors import follows_of
from .views import resolve_target

MAX_BODY = 10_000


def follow_json(follow: Follow) -> dict[str, Any]:
    return {
        "id": follow.pk,
        "type": follow.target_type,
        "target": follow.target_id,
        "name": str(follow.target),
        "frequency": follow.frequency,
        "created_at": follow.created_at.isoformat(),
    }


def _body(request: HttpRequest) -> dict[str, Any]:
    if len(request.body) > MAX_BODY:
        raise ValueError(_("The request body is too large."))
    if request.content_type == "application/json":
        try:
            data = json.loads(request.body or b"{}")
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise ValueError(_("The body is not valid JSON.")) from None
        if not isinstance(data, dict):
            raise ValueError(_("The body must be a JSON object."))
        return data
    return request.POST.dict()


def _create(request: HttpRequest) -> HttpResponse:
    try:
        data = _body(request)
    except ValueError as error:
        return json_error(str(error), 400)
    target_type, key = str(data.get("type", "")), str(data.get("target", ""))
    frequency = str(data.get("frequency") or AlertFrequency.IMMEDIATE)
    if target_type not in services.FOLLOWABLE:
        return json_error(_("'type' must be one of: entry, organisation, theme."), 400)
    if frequency not in AlertFrequency.values:
        return json_error(_("'frequency' must be one of: immediate, daily, weekly."), 400)
    try:
        target = resolve_target(target_type, key)
    except Http404:
        return json_error(
            _("There is no %(type)s '%(key)s'.") % {"type": target_type, "key": key[:80]}, 404
        )
    refusal = posting_refusal(request, action="follow")
    if refusal is not None:
        return json_refusal(refusal)
    follow, created = services.follow_create(
        user=request.user, target_type=target_type, target=target, frequency=frequency
    )
    return JsonResponse(follow_json(follow), status=201 if created else 200)


@allow_methods("GET", "HEAD", "POST")
@api_view
def follows(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return json_error(_("Send a personal API token or sign in."), 401)
    if request.method == "POST":
        return _create(request)
    if request.method not in {"GET", "HEAD"}:
        return json_error(_("Use GET or POST."), 405)
    return JsonResponse({"results": [follow_json(f) for f in follows_of(request.user)]})


@allow_methods("GET", "DELETE")
@api_view
def follow_detail(request: HttpRequest, follow_id: str) -> HttpResponse:
    if not request.user.is_authenticated:
        return json_error(_("Send a personal API token or sign in."), 401)
    valid = follow_id.isascii() and follow_id.isdigit() and len(follow_id) <= 18
    follow = Follow.objects.filter(pk=int(follow_id), user=request.user).first() if valid else None
    if follow is None:
        return json_error(_("You have no follow with this id."), 404)
    if request.method == "GET":
        return JsonResponse(follow_json(follow))
    if request.method != "DELETE":
        return json_error(_("Use GET or DELETE."), 405)
    services.follow_delete(user=request.user, follow_id=follow.pk)
    return HttpResponse(status=204)
