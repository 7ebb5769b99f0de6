"""The contract every search backend fulfils in full, so callers never ask what a backend can do.

Callers reach a backend only through ``search.service`` (and ``search.index`` for writes); the
configured class is named by the ``SEARCH_BACKEND`` setting (docs/adr/0019). Every method below
has a defined answer on every backend: a capability one backend lacks is a defined "not here"
answer (``search_window`` answers None), never a missing attribute.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..es_health import HealthSnapshot
from ..query import FacetName, Hit, SearchQuery, SearchResults, SearchWindow

Progress = Callable[[int], None]
Suggestion = dict[str, str]  # {"title", "type", "url"} for the search box


class IndexUnavailable(RuntimeError):
    """The index cannot take this write now; the caller retries later."""


@dataclass
class DriftReport:
    """Differences between the database (truth) and the index."""

    in_database: int
    in_index: int
    missing: list[int] = field(default_factory=list)  # published, not indexed
    extra: list[int] = field(default_factory=list)  # indexed, not published
    stale: list[int] = field(default_factory=list)  # indexed before the last change
    index: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.extra or self.stale)

    @property
    def ids_to_sync(self) -> list[int]:
        return sorted({*self.missing, *self.extra, *self.stale})


class SearchBackend(ABC):
    name: ClassVar[str]

    @classmethod
    def from_settings(cls) -> SearchBackend:
        """The backend as the settings configure it (``SEARCH_BACKEND`` names the class)."""
        return cls()

    # ------------------------------------------------------------------ reading
    @abstractmethod
    def search(self, query: SearchQuery) -> SearchResults:
        """Answer a query with hits, highlights and a count for every facet value.

        Raises ``SearchInputError`` for input it cannot answer (the caller answers 400).
        """

    @abstractmethod
    def search_ids(self, query: SearchQuery, *, limit: int | None = None) -> list[int]:
        """Every matching entry id (up to ``limit``) in the query's order, ignoring its page.

        Bulk readers (exports, the CKAN API) rely on getting every match, however many.
        """

    @abstractmethod
    def search_window(
        self,
        query: SearchQuery,
        *,
        start: int,
        rows: int,
        facets: Iterable[FacetName] = (),
        within: int | None = None,
        reverse: bool = False,
    ) -> SearchWindow | None:
        """The count, ``rows`` ids from ``start`` and only the asked facets, in one pass.

        ``within`` narrows the matches to a bitmap of entry ids (bit n = entry n, see
        ``search.bitmaps``); ``reverse`` reads the order backwards. None means "not available
        on this backend": the caller uses ``search`` and ``search_ids`` instead.
        """

    @abstractmethod
    def count_facets(
        self, query: SearchQuery, facets: Iterable[FacetName]
    ) -> dict[FacetName, dict[str, int]]:
        """Each asked facet's value counts over the query's matches, as ``search`` counts
        them, without hits or a page: a facet lookup (the theme list's entry counts). Values
        no match has are absent."""

    @abstractmethod
    def answers_from_bitmaps(self) -> bool:
        """Whether ``search_window`` answers (from bitmaps that follow the index token of
        ``search.bitmaps``), so callers may keep bitmaps of their own in a ``TokenCache`` and
        pass them as ``within``. False: ``search_window`` answers None."""

    @abstractmethod
    def related(self, entry_id: int, limit: int = 5) -> list[Hit]:
        """Published entries most like this one ("related entries" on detail pages)."""

    @abstractmethod
    def suggest(self, prefix: str, limit: int = 8) -> list[Suggestion]:
        """Titles completing what was typed in the search box."""

    # ------------------------------------------------------------------ writing
    @abstractmethod
    def index_entries(self, entry_ids: Iterable[int]) -> None:
        """Bring these entries up to date in the index now: published ones in, others out."""

    @abstractmethod
    def remove_entries(self, entry_ids: Iterable[int]) -> None:
        """Take these entries out of the index now, whatever the database says of them."""

    @abstractmethod
    def index_entries_later(self, entry_ids: Iterable[int]) -> None:
        """After a commit: as ``index_entries``, or queued when the index is remote."""

    @abstractmethod
    def remove_entries_later(self, entry_ids: Iterable[int]) -> None:
        """After a commit, for entries the database no longer publishes (deleted ones): out
        of the index, at once or queued. Queued work re-reads each entry's state when it
        runs, so tasks may run in any order and still converge on the database."""

    @abstractmethod
    def resync(self, entry_ids: Iterable[int]) -> int:
        """Write these entries' current state to this backend's own index now (queued work
        and drift repairs); return how many are in it. Raises ``IndexUnavailable`` when the
        index cannot take it (retry later)."""

    @abstractmethod
    def rebuild(self, progress: Progress | None = None) -> int:
        """Index every published entry afresh; return how many were indexed."""

    @abstractmethod
    def drift(self) -> DriftReport:
        """Compare published entries with what the index holds."""

    # ------------------------------------------------------------------ operating
    @abstractmethod
    def fallback(self) -> SearchBackend | None:
        """The backend kept current beside this one that answers while it cannot, if any."""

    @abstractmethod
    def health(self, *, live: bool = True) -> HealthSnapshot | None:
        """Is the search service answering? None: there is no separate service that could be
        down (the database is the site's own). ``live`` pings instead of trusting memory."""

    @abstractmethod
    def index_info(self) -> dict[str, Any]:
        """What operators are shown about the index (alias, analysis); empty when nothing."""
