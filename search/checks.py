"""System check: tell admins when the configured Elasticsearch is not serving searches.

A warning, not an error: the site keeps working on the database backend (DESIGN.md §5), so
deploys and management commands must not be blocked by an unreachable cluster.
"""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, Warning, register


@register("search")
def elasticsearch_reachable(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    from .es_status import search_status

    status = search_status(use_cache=False)
    if status.available:
        return []
    return [Warning(status.message, hint=status.hint, id="catalogue_search.W001")]
