"""Is Elasticsearch answering? A small circuit breaker shared by searches and admin notices.

When a search fails because the cluster is unavailable, the breaker opens: for a short while
searches go straight to the database backend instead of each waiting for a timeout, then one
search tries the cluster again. The last failure is kept so the admin notice and the system
check can say what went wrong and since when.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

RETRY_AFTER_SECONDS = 15.0


@dataclass(frozen=True)
class HealthSnapshot:
    available: bool
    error: str
    down_since: float | None  # time.time() of the first failure in a row
    service_url: str = ""  # where the service was asked, for the admin's message


class CircuitBreaker:
    def __init__(self, retry_after: float = RETRY_AFTER_SECONDS) -> None:
        self.retry_after = retry_after
        self._lock = threading.Lock()
        self._open_until = 0.0
        self._error = ""
        self._down_since: float | None = None

    def allows_request(self) -> bool:
        return time.monotonic() >= self._open_until

    def record_failure(self, error: BaseException | str) -> None:
        with self._lock:
            self._open_until = time.monotonic() + self.retry_after
            self._error = str(error)[:500] or type(error).__name__
            if self._down_since is None:
                self._down_since = time.time()

    def record_success(self) -> None:
        if self._down_since is None and not self._open_until:
            return
        with self._lock:
            self._open_until = 0.0
            self._error = ""
            self._down_since = None

    def snapshot(self) -> HealthSnapshot:
        return HealthSnapshot(
            available=self._down_since is None, error=self._error, down_since=self._down_since
        )
