"""A real Elasticsearch node for the tests (no mocks of the search engine, DESIGN.md §7).

``make test`` starts one node for the whole run and passes its URL in
``TEST_ELASTICSEARCH_URL``; a plain ``pytest`` run starts its own node (scripts/elasticsearch.py
fetches it from Maven Central once and caches it) and stops it at the end. Each test gets its
own index prefix, so tests never see each other's documents.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from search.service import get_backend, reset_backend_cache

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "elasticsearch.py"


def _node_script() -> Any:
    spec = importlib.util.spec_from_file_location("catalogue_es_node", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def elasticsearch_url() -> Iterator[str]:
    url = os.environ.get("TEST_ELASTICSEARCH_URL", "")
    if url:
        yield url.rstrip("/")
        return
    try:
        node = _node_script().start()
    except SystemExit as error:  # the script reports what failed (download, JDK, startup)
        pytest.fail(f"Could not start Elasticsearch for the tests: {error}")
    try:
        yield node.url
    finally:
        node.stop()


@pytest.fixture
def es_settings(settings: Any, elasticsearch_url: str) -> Iterator[Any]:
    """Settings pointing at the test node, with an index prefix private to this test."""
    settings.ELASTICSEARCH_URL = elasticsearch_url
    settings.SEARCH_BACKEND = "search.backends.elasticsearch.ElasticsearchBackend"
    settings.ELASTICSEARCH_INDEX_PREFIX = f"test-{uuid.uuid4().hex[:12]}"
    settings.SEARCH_ELASTICSEARCH_REFRESH = True
    reset_backend_cache()
    yield settings
    from search.backends.elasticsearch import ElasticsearchBackend

    backend = get_backend()
    if isinstance(backend, ElasticsearchBackend):
        client = backend.bulk_client
        # Clusters refuse wildcard deletes (action.destructive_requires_name): name each one.
        names = client.indices.get(
            index=f"{settings.ELASTICSEARCH_INDEX_PREFIX}-*",
            allow_no_indices=True,
            ignore_unavailable=True,
        ).body
        for name in names:
            client.indices.delete(index=name, ignore_unavailable=True)
        client.close()
        backend.client.close()
    reset_backend_cache()


@pytest.fixture
def es_backend(es_settings: Any) -> Any:
    """The configured backend, as views get it: Elasticsearch on the test node."""
    from search.backends.elasticsearch import ElasticsearchBackend

    backend = get_backend()
    assert isinstance(backend, ElasticsearchBackend)
    return backend
