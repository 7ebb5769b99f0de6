"""The catalogue's public address: one rule for every absolute URL it writes.

DCAT IRIs, Hydra paging links, the ``eco:`` namespace, schema.org ``@id``/``url``, the CKAN
and JSON APIs, feeds, the sitemap and citations all build absolute URLs with
:func:`public_base_url`: the configured ``PUBLIC_BASE_URL`` (environment ``BASE_URL``) when it
is set, else the address the current request came to (scheme and host, as Django reads them
behind ``SECURE_PROXY_SSL_HEADER`` and ``ALLOWED_HOSTS``). So a harvester following
``hydra:next`` lands on the host it asked, and a production site names itself the same way
whichever host or proxy a client used once ``BASE_URL`` is set (``manage.py check`` warns
when it is not: ``catalogue.W001``).

Deep code (builders of documents) has no request at hand: :class:`PublicUrlMiddleware`
makes the current request known to :func:`public_base_url` for the request's duration,
streamed bodies included. Outside any request (management commands, tests) the fallback is
``WAGTAILADMIN_BASE_URL``, Wagtail's own setting.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Warning, register
from django.http import HttpRequest
from django.http.response import HttpResponseBase

_current_request: contextvars.ContextVar[HttpRequest | None] = contextvars.ContextVar(
    "public_url_request", default=None
)


def configured_base_url() -> str:
    """``PUBLIC_BASE_URL`` without its trailing slash, or "" when unset."""
    return str(getattr(settings, "PUBLIC_BASE_URL", "") or "").rstrip("/")


def public_base_url(request: HttpRequest | None = None) -> str:
    """Scheme and host (and any path prefix) of the public site, without a trailing slash."""
    configured = configured_base_url()
    if configured:
        return configured
    request = request if request is not None else _current_request.get()
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return str(settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def absolute_url(path: str, request: HttpRequest | None = None) -> str:
    """``path`` (starting with "/") on the public base; an absolute URL is returned as is."""
    if "://" in path.split("?", 1)[0]:
        return path
    return public_base_url(request) + path


def _bound(iterable: Iterable[Any], request: HttpRequest) -> Iterator[Any]:
    """Each chunk of a streamed body is produced with the request known (any thread model)."""
    iterator = iter(iterable)
    while True:
        token = _current_request.set(request)
        try:
            chunk = next(iterator)
        except StopIteration:
            return
        finally:
            _current_request.reset(token)
        yield chunk


class PublicUrlMiddleware:
    """Makes the request known to :func:`public_base_url` while its response is built."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        token = _current_request.set(request)
        try:
            response = self.get_response(request)
        finally:
            _current_request.reset(token)
        if response.streaming and not getattr(response, "is_async", False):
            response.streaming_content = _bound(response.streaming_content, request)  # type: ignore[attr-defined]
        return response


@register()
def public_base_url_configured(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """In production mode (``DEBUG`` off) every public URL should come from ``BASE_URL``."""
    if settings.DEBUG or configured_base_url():
        return []
    return [
        Warning(
            "BASE_URL is not set: DCAT identifiers, paging links and feed links will use "
            "whatever host each request names.",
            hint="Set BASE_URL to the public address of the site, e.g. "
            "https://catalogue.example.org (README.md, Configuration).",
            id="catalogue.W001",
        )
    ]
