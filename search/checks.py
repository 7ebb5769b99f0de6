"""System checks: a ``SEARCH_BACKEND`` that names no backend is an error; an Elasticsearch that
is not serving searches is a warning.

A warning, not an error, for the cluster: the site keeps working on the database backend
(DESIGN.md §5), so deploys and management commands must not be blocked by an unreachable
cluster. A wrong dotted path, though, is a configuration mistake that no fallback covers.
"""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, Error, Warning, register
from django.core.exceptions import ImproperlyConfigured


@register("search")
def search_backend_configured(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    from .service import configured_path, get_backend

    try:
        get_backend()
    except ImproperlyConfigured as error:
        return [
            Error(
                str(error),
                hint="Set SEARCH_BACKEND to a dotted path such as "
                "'search.backends.database.DatabaseBackend', or unset it for the default.",
                obj=configured_path(),
                id="catalogue_search.E001",
            )
        ]
    return []


@register("search")
def elasticsearch_reachable(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    from .es_status import search_status

    try:
        status = search_status(use_cache=False)
    except ImproperlyConfigured:
        return []  # reported by search_backend_configured
    if status.available:
        return []
    return [Warning(status.message, hint=status.hint, id="catalogue_search.W001")]
