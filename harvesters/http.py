"""The ONE HTTP policy every harvest request goes through.

* a timeout on every request (connect and read);
* retries with exponential backoff on 429 and 5xx and on network errors, honouring
  ``Retry-After`` (seconds or an HTTP date) up to a ceiling;
* a response size cap: ``Content-Length`` is checked first, then the body is read in chunks
  and abandoned as soon as it passes the cap;
* redirects followed by hand, at most ``max_redirects``, each target re-checked by the guard;
* an SSRF guard: only http(s), and the host is resolved and refused if any of its addresses
  is not global (harvesters/guard.py), unless ``settings.HARVEST_ALLOW_PRIVATE_ADDRESSES``
  (the tests serve fixtures on 127.0.0.1). The address each connection actually went to is
  checked again once connected, before anything is sent, which defeats a DNS answer that
  changes between the check and the connection;
* :class:`PageGuard`: a page cap and a repeated-page guard for paging loops.
"""

from __future__ import annotations

import email.utils
import hashlib
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

import requests
from django.conf import settings
from django.utils.translation import gettext as _

from .exceptions import (
    FetchError,
    PagingError,
    ResponseTooLarge,
    TooManyRedirects,
)
from .guard import GuardedAdapter, check_url

logger = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
USER_AGENT = "ecosystem-catalogue-harvester/1.0 (+https://github.com/)"
CHUNK = 64 * 1024


@dataclass(frozen=True)
class HttpPolicy:
    timeout: float = 30.0
    max_bytes: int = 50 * 2**20
    max_retries: int = 3
    backoff_seconds: float = 1.0  # first wait; doubles each retry
    max_wait_seconds: float = 120.0  # a longer Retry-After fails the request instead
    max_redirects: int = 5
    allow_private: bool = False
    user_agent: str = USER_AGENT

    @classmethod
    def from_settings(cls, **overrides: Any) -> HttpPolicy:
        values: dict[str, Any] = {
            "timeout": float(getattr(settings, "HARVEST_TIMEOUT_SECONDS", 30.0)),
            "max_bytes": int(getattr(settings, "HARVEST_MAX_RESPONSE_BYTES", 50 * 2**20)),
            "allow_private": bool(getattr(settings, "HARVEST_ALLOW_PRIVATE_ADDRESSES", False)),
            "max_retries": int(getattr(settings, "HARVEST_MAX_RETRIES", 3)),
            "backoff_seconds": float(getattr(settings, "HARVEST_BACKOFF_SECONDS", 1.0)),
        }
        values.update(overrides)
        return cls(**values)


@dataclass(frozen=True)
class FetchedResponse:
    url: str  # the final URL, after redirects
    status: int
    headers: Mapping[str, str]
    content: bytes
    elapsed: float = 0.0

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "").split(";")[0].strip().lower()

    def text(self) -> str:
        charset = "utf-8"
        for part in self.headers.get("Content-Type", "").split(";")[1:]:
            key, _sep, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                charset = value.strip('"')
        try:
            return self.content.decode(charset, errors="replace")
        except LookupError:
            return self.content.decode("utf-8", errors="replace")


def _redirect_location(response: requests.Response, url: str) -> str | None:
    """The absolute URL a redirect points at; None when the response is no redirect."""
    if response.status_code not in REDIRECT_STATUSES:
        return None
    location = response.headers.get("Location")
    if not location:
        raise FetchError(
            _("Redirect without a Location from %s") % url, url=url, status=response.status_code
        )
    return urljoin(url, location)


def _raise_for_status(response: requests.Response, url: str) -> None:
    """A status worth retrying raises ``_Retryable``; any other error status ``FetchError``."""
    if response.status_code in RETRY_STATUSES:
        raise _Retryable(
            _("HTTP %d") % response.status_code,
            status=response.status_code,
            retry_after=retry_after_seconds(response.headers.get("Retry-After")),
        )
    if response.status_code >= 400:
        raise FetchError(
            _("%(url)s answered HTTP %(status)d") % {"url": url, "status": response.status_code},
            url=url,
            status=response.status_code,
        )


# --- Retry-After ------------------------------------------------------------------------
def retry_after_seconds(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


# --- client -----------------------------------------------------------------------------
@dataclass
class HttpClient:
    """A requests session with the policy; one per harvest job."""

    policy: HttpPolicy = field(default_factory=HttpPolicy.from_settings)
    sleep: Callable[[float], None] = time.sleep
    session: requests.Session = field(default_factory=requests.Session)
    requests_made: int = 0

    def __post_init__(self) -> None:
        self.session.headers["User-Agent"] = self.policy.user_agent
        self.session.max_redirects = self.policy.max_redirects
        self.session.trust_env = False  # no proxy from the environment bypassing the guard
        if not self.policy.allow_private:
            adapter = GuardedAdapter(max_retries=0)
            self.session.mount("http://", adapter)
            self.session.mount("https://", adapter)

    def get(
        self,
        url: str,
        *,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> FetchedResponse:
        """GET with retries; raises a :class:`FetchError` subclass when it gives up."""
        if params:
            url = requests.Request("GET", url, params=dict(params)).prepare().url or url
        attempt = 0
        while True:
            try:
                response = self._get_following_redirects(url, headers or {})
            except _Retryable as exc:
                attempt += 1
                if attempt > self.policy.max_retries:
                    raise FetchError(
                        _("%(url)s failed after %(n)d attempts: %(error)s")
                        % {"url": url, "n": attempt, "error": exc.message},
                        url=url,
                        status=exc.status,
                    ) from None
                wait = exc.retry_after
                if wait is None:
                    wait = self.policy.backoff_seconds * 2 ** (attempt - 1)
                if wait > self.policy.max_wait_seconds:
                    raise FetchError(
                        _("%(url)s asked to retry after %(s)d seconds, longer than allowed.")
                        % {"url": url, "s": wait},
                        url=url,
                        status=exc.status,
                    ) from None
                logger.info("retrying %s in %.1fs (%s)", url, wait, exc.message)
                self.sleep(wait)
                continue
            return response

    def _get_following_redirects(self, url: str, headers: Mapping[str, str]) -> FetchedResponse:
        """GET ``url``, following redirects ourselves so every hop passes ``check_url``."""
        seen: set[str] = set()
        current = url
        for _hop in range(self.policy.max_redirects + 1):
            if current in seen:
                raise TooManyRedirects(_("Redirect loop at %s") % current, url=url)
            seen.add(current)
            check_url(current, allow_private=self.policy.allow_private)
            started = time.monotonic()
            response = self._send(current, headers)
            try:
                location = _redirect_location(response, current)
                if location is None:
                    _raise_for_status(response, current)
                    content = self._read_capped(response, current)
            finally:
                response.close()
            if location is not None:
                current = location
                continue
            return FetchedResponse(
                url=current,
                status=response.status_code,
                headers=dict(response.headers),
                content=content,
                elapsed=time.monotonic() - started,
            )
        raise TooManyRedirects(
            _("More than %(n)d redirects from %(url)s")
            % {"n": self.policy.max_redirects, "url": url},
            url=url,
        )

    def _send(self, url: str, headers: Mapping[str, str]) -> requests.Response:
        """One GET, no redirects followed; network trouble is retryable, the rest is not."""
        self.requests_made += 1
        try:
            return self.session.get(
                url,
                headers=dict(headers),
                timeout=self.policy.timeout,
                allow_redirects=False,
                stream=True,
            )
        except requests.Timeout as exc:
            raise _Retryable(_("timed out after %ss") % self.policy.timeout) from exc
        except requests.ConnectionError as exc:
            raise _Retryable(_("connection failed: %s") % type(exc).__name__) from exc
        except requests.RequestException as exc:
            raise FetchError(_("%(url)s: %(error)s") % {"url": url, "error": exc}, url=url) from exc

    def _read_capped(self, response: requests.Response, url: str) -> bytes:
        cap = self.policy.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > cap:
            raise ResponseTooLarge(
                _("%(url)s is %(size)s bytes, more than the %(cap)s-byte cap.")
                % {"url": url, "size": declared, "cap": cap},
                url=url,
            )
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_content(CHUNK):
                size += len(chunk)
                if size > cap:
                    raise ResponseTooLarge(
                        _("%(url)s passed the %(cap)s-byte cap.") % {"url": url, "cap": cap},
                        url=url,
                    )
                chunks.append(chunk)
        except requests.exceptions.ChunkedEncodingError as exc:
            raise _Retryable(_("the body was cut off")) from exc
        except requests.exceptions.ConnectionError as exc:
            raise _Retryable(_("the body was cut off")) from exc
        except requests.Timeout as exc:
            raise _Retryable(_("timed out reading the body")) from exc
        body = b"".join(chunks)
        encoding = response.headers.get("Content-Encoding", "")
        if declared.isdigit() and not encoding and len(body) < int(declared):
            raise _Retryable(
                _("the body was cut off at %(got)d of %(declared)s bytes")
                % {"got": len(body), "declared": declared}
            )
        return body


class _Retryable(Exception):
    def __init__(
        self, message: str, *, status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.retry_after = retry_after


# --- paging guard -----------------------------------------------------------------------
class PageGuard:
    """Stops a paging loop: at most ``max_pages`` pages, no URL or page content twice."""

    def __init__(self, max_pages: int | None = None) -> None:
        self.max_pages = max_pages or int(getattr(settings, "HARVEST_MAX_PAGES", 10000))
        self.pages = 0
        self._urls: set[str] = set()
        self._contents: set[str] = set()

    def check_url(self, url: str) -> None:
        self.pages += 1
        if self.pages > self.max_pages:
            raise PagingError(_("Stopped after the page cap of %d pages.") % self.max_pages)
        if url in self._urls:
            raise PagingError(_("The page %s came back a second time: the paging loops.") % url)
        self._urls.add(url)

    def check_content(self, key: tuple[str, ...] | bytes | str) -> None:
        """Refuse a page whose records (or bytes) repeat an earlier page; empty pages pass."""
        if not key:
            return
        raw = key if isinstance(key, bytes) else repr(key).encode()
        digest = hashlib.sha256(raw).hexdigest()
        if digest in self._contents:
            raise PagingError(_("A page repeated an earlier page's records: the paging loops."))
        self._contents.add(digest)
