"""The contract every search backend fulfils."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from ..query import Hit, SearchQuery, SearchResults

Progress = Callable[[int], None]


class SearchBackend(Protocol):
    name: str

    def search(self, query: SearchQuery) -> SearchResults:
        """Answer a query with hits, highlights and a count for every facet value.

        Raises ``SearchInputError`` for input it cannot answer (the caller answers 400).
        """
        ...

    def search_ids(self, query: SearchQuery, *, limit: int | None = None) -> list[int]:
        """Every matching entry id (up to ``limit``) in the query's order, ignoring its page."""
        ...

    def index_entries(self, entry_ids: Iterable[int]) -> None:
        """Bring these entries up to date in the index: published ones in, others out."""
        ...

    def remove_entries(self, entry_ids: Iterable[int]) -> None: ...

    def rebuild(self, progress: Progress | None = None) -> int:
        """Index every published entry afresh; return how many were indexed."""
        ...

    def related(self, entry_id: int, limit: int = 5) -> list[Hit]:
        """Published entries most like this one ("related entries" on detail pages)."""
        ...
