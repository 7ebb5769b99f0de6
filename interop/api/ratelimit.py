"""Per-client rate limits: a token bucket per IP address kept in Django's cache.

A bucket holds ``limit`` tokens and refills at ``limit / period`` tokens a second, so a
client may burst up to the limit and then continues at the sustained rate. The bucket lives
in the default cache: with a shared cache (Redis, Memcached, database) every worker sees the
same bucket; with the local-memory default each worker counts on its own. The read-modify-
write is not atomic across processes, which can let a few extra requests through under a
race; that is acceptable for a read-only API and avoids a lock per request.
"""

from __future__ import annotations

import math
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
_SPEC = re.compile(r"^\s*(\d+)\s*/\s*(second|minute|hour|day)s?\s*$")
CACHE_PREFIX = "api-rate:"


@dataclass(frozen=True)
class RateLimit:
    limit: int
    period_seconds: int

    @property
    def rate(self) -> float:
        return self.limit / self.period_seconds


@dataclass(frozen=True)
class Decision:
    allowed: bool
    limit: int
    remaining: int
    retry_after: int  # whole seconds until one token is back (0 when allowed)


def parse_rate_limit(spec: str | None) -> RateLimit | None:
    """``"120/minute"`` → RateLimit; empty, ``off`` or a zero count → no limit."""
    if spec is None or spec.strip().lower() in {"", "0", "off", "none", "false"}:
        return None
    match = _SPEC.match(spec.lower())
    if not match:
        raise ImproperlyConfigured(
            f"API_RATE_LIMIT must look like '120/minute' (second, minute, hour, day): {spec!r}"
        )
    count = int(match.group(1))
    if count == 0:
        return None
    return RateLimit(limit=count, period_seconds=PERIODS[match.group(2)])


def active_rate_limit() -> str:
    """The configured limit as written (e.g. "120/minute"), or "" when there is none."""
    spec = getattr(settings, "API_RATE_LIMIT", "")
    return spec.strip() if parse_rate_limit(spec) else ""


def client_key(request: HttpRequest) -> str:
    """The client's address as the server saw it.

    ``X-Forwarded-For`` is not trusted: any client can send it. Behind a reverse proxy, the
    proxy should set ``REMOTE_ADDR`` (e.g. gunicorn's ``--forwarded-allow-ips``).
    """
    return str(request.META.get("REMOTE_ADDR") or "unknown")[:64]


def take_token(request: HttpRequest, *, now: float | None = None) -> Decision | None:
    """Spend one token of this client's bucket; ``None`` when rate limiting is off."""
    rule = parse_rate_limit(getattr(settings, "API_RATE_LIMIT", ""))
    if rule is None:
        return None
    now = time.time() if now is None else now
    key = CACHE_PREFIX + client_key(request)
    tokens, updated = cache.get(key, (float(rule.limit), now))
    tokens = min(float(rule.limit), tokens + max(0.0, now - updated) * rule.rate)
    if tokens >= 1.0:
        tokens -= 1.0
        cache.set(key, (tokens, now), timeout=rule.period_seconds * 2)
        return Decision(True, rule.limit, int(tokens), 0)
    cache.set(key, (tokens, now), timeout=rule.period_seconds * 2)
    retry_after = max(1, math.ceil((1.0 - tokens) / rule.rate))
    return Decision(False, rule.limit, 0, retry_after)
