"""The one entry point views, the JSON API and the admin use to search."""

from __future__ import annotations

from .backends import get_backend
from .query import Hit, SearchQuery, SearchResults


def search_entries(query: SearchQuery) -> SearchResults:
    return get_backend().search(query)


def related_entries(entry_id: int, limit: int = 5) -> list[Hit]:
    """Entries like this one, for "related entries" on every detail page."""
    related = getattr(get_backend(), "related", None)  # until every backend offers it
    return list(related(entry_id, limit)) if related else []
