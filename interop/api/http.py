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
from typing import Any, cast

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
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


def body_etag(body: bytes) -> str:
    """A strong validator of a complete body."""
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def key_etag(*parts: object) -> str:
    """A weak validator of a body not yet written, from what decides its content."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return 'W/"' + digest[:32] + '"'


def conditional(
    request: HttpRequest,
    response: HttpResponseBase,
    *,
    etag: str | None = None,
    last_modified: dt.datetime | None = None,
) -> HttpResponseBase:
    """Add ETag, Last-Modified and Cache-Control; answer 304 (or 412) when they match.

    Every machine-readable endpoint uses this. ``etag`` defaults to a hash of the body (not
    possible for a streamed one: pass :func:`key_etag` of what decides it, and build the
    response lazily, so a 304 costs no document). ``last_modified`` defaults to a
    ``Last-Modified`` header the response already has.
    """
    if etag is None and not response.streaming:
        etag = body_etag(response.content)  # type: ignore[attr-defined]
    if etag is not None:
        response["ETag"] = etag
    stamp = int(last_modified.timestamp()) if last_modified is not None else None
    if stamp is not None:
        response["Last-Modified"] = http_date(stamp)
    elif response.has_header("Last-Modified"):
        stamp = parse_http_date_safe(response["Last-Modified"])
    response["Cache-Control"] = CACHE_CONTROL
    patch_vary_headers(response, ["Accept-Language"])
    # it only copies headers from ``response`` (any kind) onto a 304
    answer = get_conditional_response(
        request, etag=etag, last_modified=stamp, response=cast(HttpResponse, response)
    )
    return answer if answer is not None else response


def _payload_response(request: HttpRequest, payload: ApiPayload) -> HttpResponse:
    response = HttpResponse(dumps(payload.data), content_type=JSON_TYPE)
    # a complete response in, so a complete response (it, 304 or 412) out
    return cast(HttpResponse, conditional(request, response, last_modified=payload.last_modified))


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
