"""What every API endpoint shares: JSON errors, CORS, validators (ETag/Last-Modified), limits.

Views return an ``ApiPayload`` (data and the time it last changed) or raise ``ApiError``;
``api_endpoint`` turns either into a response. Keeping this in one decorator means no
endpoint can forget CORS, the rate limit or conditional GET, and no error escapes as HTML.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from .ratelimit import take_token

JSON_TYPE = "application/json"
ALLOWED_METHODS = "GET, HEAD, OPTIONS"
CACHE_CONTROL = "public, max-age=60"
EXPOSED_HEADERS = "ETag, Last-Modified, Retry-After, RateLimit-Limit, RateLimit-Remaining"


class ApiError(Exception):
    """An answer that is not a success: a status, a message and the parameter at fault."""

    def __init__(self, status: int, message: str, *, parameter: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = str(message)
        self.parameter = parameter


@dataclass(frozen=True)
class ApiPayload:
    data: dict[str, Any]
    last_modified: dt.datetime | None = None


def dumps(data: Any) -> bytes:
    return json.dumps(
        data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")


def json_response(data: Any, *, status: int = 200) -> HttpResponse:
    return HttpResponse(dumps(data), status=status, content_type=JSON_TYPE)


def error_response(status: int, message: str, *, parameter: str | None = None) -> HttpResponse:
    body = {"error": {"message": str(message), "parameter": parameter}}
    return json_response(body, status=status)


def add_cors(response: HttpResponse) -> HttpResponse:
    """Any site may read the API from a browser: it is public, read-only and cookie-free."""
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
    return response


def preflight(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
    requested = request.headers.get("Access-Control-Request-Headers", "")
    # Echo what the browser asks for (bounded): only safe, read-only methods are allowed.
    response["Access-Control-Allow-Headers"] = (
        requested[:500] or "Accept, Accept-Language, If-None-Match, If-Modified-Since"
    )
    response["Access-Control-Max-Age"] = "86400"
    response["Allow"] = ALLOWED_METHODS
    return add_cors(response)


def _payload_response(request: HttpRequest, payload: ApiPayload) -> HttpResponse:
    body = dumps(payload.data)
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    last_modified = payload.last_modified.timestamp() if payload.last_modified else None
    response = HttpResponse(body, content_type=JSON_TYPE)
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = CACHE_CONTROL
    patch_vary_headers(response, ["Accept-Language"])
    conditional = get_conditional_response(
        request,
        etag=etag,
        last_modified=int(last_modified) if last_modified else None,
        response=response,
    )
    return conditional if conditional is not None else response


def api_endpoint(view: Callable[..., ApiPayload | HttpResponse]) -> Callable[..., HttpResponse]:
    """Wrap a read-only API view: methods, rate limit, errors as JSON, validators, CORS."""

    @csrf_exempt
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "OPTIONS":
            return preflight(request)
        if request.method not in ("GET", "HEAD"):
            response = error_response(405, _("This API only reads: use GET."))
            response["Allow"] = ALLOWED_METHODS
            return add_cors(response)
        decision = take_token(request)
        if decision is not None and not decision.allowed:
            response = error_response(
                429,
                _("Too many requests: try again in %(seconds)d seconds.")
                % {"seconds": decision.retry_after},
            )
            response["Retry-After"] = str(decision.retry_after)
        else:
            try:
                result = view(request, *args, **kwargs)
            except ApiError as exc:
                response = error_response(exc.status, exc.message, parameter=exc.parameter)
            else:
                response = (
                    result
                    if isinstance(result, HttpResponse)
                    else _payload_response(request, result)
                )
        if decision is not None:
            response["RateLimit-Limit"] = str(decision.limit)
            response["RateLimit-Remaining"] = str(decision.remaining)
        return add_cors(response)

    return wrapper
