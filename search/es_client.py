"""The Elasticsearch connection: configuration only, read from settings (DESIGN.md §2).

``ELASTICSEARCH_URL`` switches search to Elasticsearch; an API key, basic auth and a CA bundle
are optional. Timeouts are short on purpose: when the cluster is slow or down, a search should
fall back to the database within a second, not hang a request worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch
from elasticsearch import ConnectionError as EsConnectionError
from elasticsearch import ConnectionTimeout as EsConnectionTimeout
from elasticsearch.serializer import OrjsonSerializer

SEARCH_TIMEOUT_SECONDS = 5.0
INDEXING_TIMEOUT_SECONDS = 60.0


@dataclass(frozen=True)
class EsConfig:
    url: str
    api_key: str = ""
    username: str = ""
    password: str = ""
    ca_certs: str = ""
    index_prefix: str = "catalogue"
    # Let the shard request cache keep facet counts between refreshes (off: always computed).
    request_cache: bool = True

    @classmethod
    def from_settings(cls) -> EsConfig:
        return cls(
            url=getattr(settings, "ELASTICSEARCH_URL", ""),
            api_key=getattr(settings, "ELASTICSEARCH_API_KEY", ""),
            username=getattr(settings, "ELASTICSEARCH_USERNAME", ""),
            password=getattr(settings, "ELASTICSEARCH_PASSWORD", ""),
            ca_certs=getattr(settings, "ELASTICSEARCH_CA_CERTS", ""),
            index_prefix=getattr(settings, "ELASTICSEARCH_INDEX_PREFIX", "") or "catalogue",
            request_cache=getattr(settings, "ELASTICSEARCH_REQUEST_CACHE", True),
        )

    @property
    def alias(self) -> str:
        """The name every read and write uses; it points at one versioned index."""
        return f"{self.index_prefix}-entries"

    def client(self, *, timeout: float = SEARCH_TIMEOUT_SECONDS) -> Elasticsearch:
        options: dict[str, Any] = {
            "request_timeout": timeout,
            "max_retries": 1,
            "retry_on_timeout": False,
            # Keep-alive connections: most of a search's cost would otherwise be TCP set-up.
            "connections_per_node": 16,
            # A broad search's answer carries thousands of facet buckets: parse them fast.
            "serializer": OrjsonSerializer(),
        }
        if self.api_key:
            options["api_key"] = self.api_key
        elif self.username:
            options["basic_auth"] = (self.username, self.password)
        if self.ca_certs:
            options["ca_certs"] = self.ca_certs
        return Elasticsearch(self.url, **options)


def is_unavailable(error: BaseException) -> bool:
    """Errors that mean "the cluster cannot answer now": fall back and retry later.

    Connection failures and timeouts, 5xx and 429 answers, and a missing index (a cluster that
    was reset, or an alias not yet built). Anything else is a bug in our request.
    """
    if isinstance(error, EsConnectionError | EsConnectionTimeout):
        return True
    if isinstance(error, ApiError):
        status = error.meta.status
        return status >= 500 or status in (404, 408, 429)
    return isinstance(error, TransportError)
