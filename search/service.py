"""The one entry point views, the JSON API and the admin use to search."""

from __future__ import annotations

from dataclasses import replace

from .backends import get_backend
from .query import MAX_PAGE_SIZE, Hit, SearchQuery, SearchResults


def search_entries(query: SearchQuery) -> SearchResults:
    return get_backend().search(query)


def related_entries(entry_id: int, limit: int = 5) -> list[Hit]:
    """Entries like this one, for "related entries" on every detail page."""
    related = getattr(get_backend(), "related", None)  # until every backend offers it
    return list(related(entry_id, limit)) if related else []


def search_entry_ids(query: SearchQuery, *, limit: int | None = None) -> list[int]:
    """All matching entry ids in the query's order, ignoring its page (exports, CKAN API)."""
    backend = get_backend()
    if hasattr(backend, "search_ids"):
        return backend.search_ids(query, limit=limit)  # type: ignore[no-any-return]
    # A backend without a bulk id query: read it page by page, as deep as it can page.
    ids: list[int] = []
    page = 1
    while limit is None or len(ids) < limit:
        results = backend.search(replace(query, page=page, page_size=MAX_PAGE_SIZE))
        ids += [hit.entry_id for hit in results.hits]
        if not results.hits or page >= results.page_count:
            break
        page += 1
    return ids[:limit] if limit is not None else ids
