"""The requests API: read the list and one request; vote with a personal API token.

``GET /api/v1/requests`` (filters ``status``, ``theme``, ``country``, ``organisation``, ``sort``,
``page``), ``GET /api/v1/requests/<id>``, ``POST`` / ``DELETE /api/v1/requests/<id>/vote``.
Authors appear by public name only. Every error is JSON with a 4xx status, a wrong method
included (405 with ``Allow``), so a client never has to read an HTML page.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from participation.discussions.selectors import public_name
from participation.numbers import is_decimal
from participation.posting import posting_refusal
from participation.tokens import api_view, json_error, json_refusal

from . import selectors, services
from .models import DataRequest

API_PAGE_SIZE = 50
MAX_PAGE = 1000
MAX_ID_DIGITS = 18


def json_methods(
    *methods: str,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Answer any other method with a JSON 405 and ``Allow``, before authentication runs."""
    allowed = ", ".join(methods)

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method not in methods:
                response = json_error(_("Use %(methods)s here.") % {"methods": allowed}, 405)
                response["Allow"] = allowed
                return response
            return view(request, *args, **kwargs)

        wrapped.csrf_exempt = True  # type: ignore[attr-defined]
        return wrapped

    return decorate


def request_json(request: HttpRequest, item: DataRequest) -> dict[str, Any]:
    return {
        "id": item.pk,
        "title": item.title,
        "description": item.description,
        "reason": item.reason,
        "kind": item.kind,
        "status": item.status,
        "likely_holder": item.likely_holder.slug if item.likely_holder else None,
        "likely_holder_name": item.holder_label or None,
        "theme": item.theme.slug if item.theme else None,
        "country": item.country.code if item.country else None,
        "author": public_name(item.author) if item.author else None,
        "votes": item.vote_count,
        "decline_reason": item.decline_reason or None,
        "answered_by": (
            request.build_absolute_uri(item.answered_by.get_absolute_url())
            if item.answered_by
            else None
        ),
        "created_at": item.created_at.isoformat(),
        "status_changed_at": (
            item.status_changed_at.isoformat() if item.status_changed_at else None
        ),
        "url": request.build_absolute_uri(item.get_absolute_url()),
    }


def _page_number(raw: str) -> int | None:
    if not raw:
        return 1
    if not is_decimal(raw) or len(raw) > 6 or not 1 <= int(raw) <= MAX_PAGE:
        return None
    return int(raw)


@json_methods("GET", "HEAD")
def request_list(request: HttpRequest) -> HttpResponse:
    query = selectors.RequestQuery.from_params(request.GET)
    if query.errors:
        return json_error(
            _("These parameters have a value not listed: %(names)s.")
            % {"names": ", ".join(query.errors)},
            400,
        )
    number = _page_number(request.GET.get("page", ""))
    if number is None:
        return json_error(_("Give the page as a number from 1 to %(n)s.") % {"n": MAX_PAGE}, 400)
    paginator = Paginator(selectors.request_list(query), API_PAGE_SIZE)
    if number > max(paginator.num_pages, 1):
        return json_error(_("No such page."), 404)
    page = paginator.page(number)
    next_link = None
    if page.has_next():
        params: dict[str, Any] = {**query.filters, "sort": query.sort, "page": page.number + 1}
        next_link = request.build_absolute_uri("?" + urlencode(params))
    return JsonResponse(
        {
            "count": paginator.count,
            "page": page.number,
            "next": next_link,
            "results": [request_json(request, item) for item in page.object_list],
        },
        json_dumps_params={"ensure_ascii": False},
    )


def _request_or_none(pk: str) -> DataRequest | None:
    if not is_decimal(pk) or len(pk) > MAX_ID_DIGITS:
        return None
    return selectors.request_get(int(pk))


@json_methods("GET", "HEAD")
def request_detail(request: HttpRequest, pk: str) -> HttpResponse:
    item = _request_or_none(pk)
    if item is None:
        return json_error(_("No request has this id."), 404)
    return JsonResponse(request_json(request, item), json_dumps_params={"ensure_ascii": False})


@json_methods("POST", "DELETE")
@api_view
def request_vote(request: HttpRequest, pk: str) -> HttpResponse:
    """POST: "I need this too" (201 when new, 200 when already counted); DELETE: take it back."""
    item = _request_or_none(pk)
    if item is None:
        return json_error(_("No request has this id."), 404)
    refusal = posting_refusal(request, action="vote")
    if refusal is not None:
        return json_refusal(refusal)
    if request.method == "POST":
        created = services.vote(request=item, user=request.user)
        status = 201 if created else 200
    else:
        services.unvote(request=item, user=request.user)
        status = 200
    voted = request.method == "POST"
    return JsonResponse({"id": item.pk, "votes": item.vote_count, "voted": voted}, status=status)
