"""The one view of the CKAN Action API: dispatch, CKAN's envelope, CKAN's status codes.

GET takes query parameters; POST takes a JSON object (ckanapi's ``RemoteCKAN`` posts). The
API only reads, so POST needs no CSRF token: it changes nothing.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from catalogue.public_url import absolute_url, public_base_url

from .actions import ACTIONS
from .errors import BadRequestError, CkanActionError, ValidationError
from .parts import type_action

logger = logging.getLogger(__name__)
MAX_BODY_BYTES = 64 * 1024
HELP_PATH = "/api/3/action/help_show?name="
METHODS = ["GET", "HEAD", "POST", "OPTIONS"]
# ckanapi and CKAN's JavaScript client send these; the API ignores the keys (it only reads).
ALLOWED_HEADERS = "Content-Type, Authorization, X-CKAN-API-Key"


def _envelope(request: HttpRequest, action: str, **body: Any) -> dict[str, Any]:
    return {"help": absolute_url(HELP_PATH + action, request), **body}


def _cors(response: HttpResponse) -> HttpResponse:
    """Any origin may read the API (it is public and read-only), errors included: a browser
    client must see a 404's or a 409's body, not a CORS failure."""
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = ", ".join(METHODS)
    response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
    response["Access-Control-Max-Age"] = "86400"
    return response


def _error(request: HttpRequest, action: str, error: CkanActionError) -> HttpResponse:
    return _cors(
        JsonResponse(
            _envelope(request, action, success=False, error=error.as_dict()), status=error.status
        )
    )


def _request_data(request: HttpRequest) -> dict[str, Any]:
    if request.method == "GET":
        data: dict[str, Any] = {}
        for key in request.GET:
            values = request.GET.getlist(key)
            data[key] = values[0] if len(values) == 1 else values
        return data
    if len(request.body) > MAX_BODY_BYTES:
        raise BadRequestError(
            _("Bad request - body larger than %(limit)s bytes") % {"limit": MAX_BODY_BYTES}
        )
    if not request.body.strip():
        return dict(request.POST.items())
    if request.content_type == "application/x-www-form-urlencoded":
        return dict(request.POST.items())
    try:
        data = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        raise BadRequestError(_("Bad request - JSON Error: could not decode the body")) from None
    if not isinstance(data, dict):
        raise BadRequestError(_("Bad request - JSON Error: the body must be a JSON object"))
    return data


def _refuse_nul(data: dict[str, Any]) -> None:
    """A NUL in a posted value (``package_show(id="\\x00")``) would reach PostgreSQL, which
    cannot compare text with a NUL; a query string's NUL is refused by the site middleware."""
    for key, value in data.items():
        values = value if isinstance(value, list) else [value]
        if any(isinstance(v, str) and "\x00" in v for v in [key, *values]):
            raise BadRequestError(
                _("Bad request - the value of %(field)s contains a NUL character")
                % {"field": key[:60].replace("\x00", "")}
            )


@csrf_exempt
def action(request: HttpRequest, action_name: str) -> HttpResponse:
    if request.method == "OPTIONS":  # a CORS preflight: what a browser may send
        response = HttpResponse(status=204)
        response["Allow"] = ", ".join(METHODS)
        return _cors(response)
    if request.method not in METHODS:
        refused = HttpResponseNotAllowed(METHODS)
        return _cors(refused)
    handler = ACTIONS.get(action_name) or type_action(action_name)
    if handler is None:
        return _error(
            request,
            action_name[:60],
            BadRequestError(
                _("Bad request - Action name not known: %(action_name)s")
                % {"action_name": action_name[:60]}
            ),
        )
    try:
        data = _request_data(request)
        _refuse_nul(data)
        result = handler(data, public_base_url(request))
    except CkanActionError as error:
        return _error(request, action_name, error)
    except (ValueError, TypeError, DatabaseError):
        # Input the parsers did not foresee must still get CKAN's shape, never a 500.
        logger.exception("CKAN action %s failed on unforeseen input", action_name)
        return _error(request, action_name, ValidationError(_("Invalid input")))
    return _cors(JsonResponse(_envelope(request, action_name, success=True, result=result)))
