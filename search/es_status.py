"""What admins are told about Elasticsearch: shared by the system check and the admin notice.

``search_status()`` answers "is the configured search engine serving searches?" in words an
admin can act on. A backend with no separate service (``health()`` is None: the database
backend) has nothing to report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.cache import cache
from django.utils.translation import gettext as _

from .service import get_backend

CACHE_KEY = "catalogue-search:es-status"
CACHE_SECONDS = 15


@dataclass(frozen=True)
class SearchStatus:
    configured: bool
    available: bool
    message: str = ""
    hint: str = ""
    down_since: str | None = None


def search_status(*, use_cache: bool = True) -> SearchStatus:
    """The Elasticsearch backend's state; a live ping at most every 15 seconds."""
    backend = get_backend()
    if backend.health(live=False) is None:  # no separate search service that could be down
        return SearchStatus(configured=False, available=True)
    if use_cache and (cached := cache.get(CACHE_KEY)) is not None:
        return SearchStatus(**cached)
    health = backend.health(live=True)
    if health is None or health.available:
        status = SearchStatus(configured=True, available=True)
    else:
        since = (
            dt.datetime.fromtimestamp(health.down_since, dt.UTC).isoformat(timespec="seconds")
            if health.down_since
            else None
        )
        status = SearchStatus(
            configured=True,
            available=False,
            message=_(
                "Elasticsearch (%(url)s) is not answering: searches are served by the database "
                "backend, and index updates wait in the task queue. Error: %(error)s"
            )
            % {"url": health.service_url, "error": health.error},
            hint=_(
                "Check the cluster and ELASTICSEARCH_URL / ELASTICSEARCH_API_KEY; once it "
                "answers, queued updates are retried. `manage.py search_index check` reports "
                "drift, and `manage.py search_index rebuild` builds the index afresh."
            ),
            down_since=since,
        )
    cache.set(CACHE_KEY, status.__dict__, CACHE_SECONDS)
    return status
