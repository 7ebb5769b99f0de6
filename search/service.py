"""The one entry point views, the JSON API and the admin use to search."""

from __future__ import annotations

from .backends import get_backend
from .query import SearchQuery, SearchResults


def search_entries(query: SearchQuery) -> SearchResults:
    return get_backend().search(query)
