"""The public search interface: views, the JSON and CKAN APIs, exports and the admin use this.

Nothing outside ``search/`` imports ``search.backends``; the configured backend is loaded from
the dotted path in ``SEARCH_BACKEND`` (Wagtail's way of naming a backend, docs/adr/0019) and
every backend implements all of ``SearchBackend``, so no caller asks what it can do.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from .backends.base import SearchBackend, Suggestion
from .query import FacetName, Hit, SearchQuery, SearchResults, SearchWindow

__all__ = [
    "SearchBackend",
    "answers_from_bitmaps",
    "backend_class",
    "configured_path",
    "count_facets",
    "get_backend",
    "related_entries",
    "reset_backend_cache",
    "search_entries",
    "search_entry_ids",
    "search_window",
    "suggest_titles",
]

DATABASE_BACKEND = "search.backends.database.DatabaseBackend"


def backend_class(path: str) -> type[SearchBackend]:
    """The class a ``SEARCH_BACKEND`` dotted path names; ImproperlyConfigured if it is none."""
    try:
        found = import_string(path)
    except ImportError as error:
        raise ImproperlyConfigured(
            f"SEARCH_BACKEND {path!r} cannot be imported ({error}); name a search backend "
            "class such as 'search.backends.database.DatabaseBackend'."
        ) from error
    if not (isinstance(found, type) and issubclass(found, SearchBackend)):
        raise ImproperlyConfigured(
            f"SEARCH_BACKEND {path!r} is not a search backend: it must name a subclass of "
            "search.backends.base.SearchBackend."
        )
    return found


@cache
def _configured_backend(path: str) -> SearchBackend:
    return backend_class(path).from_settings()


def configured_path() -> str:
    """``SEARCH_BACKEND`` as site/settings.py declares it (read by name: the settings stubs
    know only Django's own settings)."""
    return str(getattr(settings, "SEARCH_BACKEND", DATABASE_BACKEND))


def get_backend() -> SearchBackend:
    """The configured backend, one instance per process (it keeps connections and health)."""
    return _configured_backend(configured_path())


def reset_backend_cache() -> None:
    """Forget the configured backend (tests switch ``SEARCH_BACKEND`` and its settings)."""
    _configured_backend.cache_clear()


def search_entries(query: SearchQuery) -> SearchResults:
    return get_backend().search(query)


def search_entry_ids(query: SearchQuery, *, limit: int | None = None) -> list[int]:
    """All matching entry ids in the query's order, ignoring its page (exports, CKAN API)."""
    return get_backend().search_ids(query, limit=limit)


def search_window(
    query: SearchQuery,
    *,
    start: int,
    rows: int,
    facets: Iterable[FacetName] = (),
    within: int | None = None,
    reverse: bool = False,
) -> SearchWindow | None:
    """Count, one window of ids and some facets in one pass; None where the backend cannot
    (then use ``search_entries`` and ``search_entry_ids``)."""
    return get_backend().search_window(
        query, start=start, rows=rows, facets=facets, within=within, reverse=reverse
    )


def count_facets(
    query: SearchQuery, facets: Iterable[FacetName]
) -> dict[FacetName, dict[str, int]]:
    """Each facet's value counts over the query's matches, without hits: a facet lookup."""
    return get_backend().count_facets(query, facets)


def answers_from_bitmaps() -> bool:
    """Whether ``search_window`` answers, from bitmaps that follow ``search.bitmaps``' token."""
    return get_backend().answers_from_bitmaps()


def related_entries(entry_id: int, limit: int = 5) -> list[Hit]:
    """Entries like this one, for "related entries" on every detail page."""
    return get_backend().related(entry_id, limit)


def suggest_titles(prefix: str, limit: int = 8) -> list[Suggestion]:
    """Titles completing what was typed in the search box."""
    return get_backend().suggest(prefix, limit)
