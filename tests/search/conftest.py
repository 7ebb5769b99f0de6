"""The backend fixture behind the contract suite: every test in it runs on each backend."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from search.backends import get_backend, reset_backend_cache
from search.backends.base import SearchBackend

BACKENDS = [pytest.param("database", id="database")]


@pytest.fixture(params=BACKENDS)
def search_backend(request: pytest.FixtureRequest, settings: Any) -> Iterator[SearchBackend]:
    settings.ELASTICSEARCH_URL = ""
    reset_backend_cache()
    yield get_backend()
    reset_backend_cache()
