"""Each test starts with empty rate-limit counters: account ids repeat after rollbacks."""

from __future__ import annotations

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    cache.clear()
