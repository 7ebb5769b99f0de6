"""The backend fixture behind the contract suite: every test in it runs on each backend."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from search.service import SearchBackend, get_backend, reset_backend_cache
from tests.search.es_fixtures import elasticsearch_url, es_backend, es_settings  # noqa: F401

BACKENDS = [
    pytest.param("database", id="database"),
    pytest.param("elasticsearch", id="elasticsearch", marks=pytest.mark.elasticsearch),
]


@pytest.fixture(params=BACKENDS)
def search_backend(request: pytest.FixtureRequest, settings: Any) -> Iterator[SearchBackend]:
    if request.param == "elasticsearch":
        yield request.getfixturevalue("es_backend")
        return
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_BACKEND = "search.backends.database.DatabaseBackend"
    reset_backend_cache()
    yield get_backend()
    reset_backend_cache()
