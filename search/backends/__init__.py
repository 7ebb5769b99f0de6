"""Backend selection: Elasticsearch when ``ELASTICSEARCH_URL`` is set, else the database."""

from __future__ import annotations

from functools import cache

from django.conf import settings

from .base import SearchBackend


@cache
def _configured_backend(url: str) -> SearchBackend:
    if url:
        from .elasticsearch import ElasticsearchBackend  # type: ignore[import-not-found, unused-ignore]

        return ElasticsearchBackend.from_settings()  # type: ignore[no-any-return, unused-ignore]
    from .database import DatabaseBackend

    return DatabaseBackend()


def get_backend() -> SearchBackend:
    return _configured_backend(settings.ELASTICSEARCH_URL)


def reset_backend_cache() -> None:
    """Forget the configured backend (tests switch ``ELASTICSEARCH_URL``)."""
    _configured_backend.cache_clear()
