"""The search interface's value types: a query in, results out (DESIGN.md §5).

Views, the JSON API and the admin build a ``SearchQuery`` and read ``SearchResults``; they never
ask which backend answered. Both backends (database, Elasticsearch) take and return these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

MAX_QUERY_LENGTH = 500
MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
MAX_RESULT_WINDOW = 10_000  # deepest result reachable by paging, as Elasticsearch's default


class Sort(StrEnum):
    RELEVANCE = "relevance"
    NEWEST = "newest"
    TITLE = "title"


class Facet(StrEnum):
    """The facets every entry has, by URL parameter name. Facets only one type of entry has are
    declared by that type (search/facets.py); a facet is known to the rest by its name, a str.
    """

    TYPE = "type"
    ORGANISATION = "organisation"
    ORGANISATION_KIND = "organisation_kind"
    THEME = "theme"
    LICENCE = "licence"
    FORMAT = "format"
    COUNTRY = "country"
    LANGUAGE = "language"


FacetName = str  # a Facet member or a type facet's name (search/facets.py)


class SearchInputError(ValueError):
    """The query cannot be answered as asked: the caller answers 400 with this message."""

    def __init__(self, message: str, *, parameter: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.parameter = parameter


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    filters: dict[FacetName, tuple[str, ...]] = field(default_factory=dict)
    sort: Sort = Sort.RELEVANCE
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    @property
    def effective_sort(self) -> Sort:
        """Relevance needs words; without them the newest entries come first."""
        if self.sort == Sort.RELEVANCE and not self.text.strip():
            return Sort.NEWEST
        return self.sort


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass(frozen=True)
class Hit:
    entry_id: int
    entry_type: str
    slug: str
    title: str
    summary: str
    url: str
    publisher: str
    publisher_slug: str
    modified: str | None
    score: float | None = None
    # Highlighted fragments: HTML-escaped text with <mark> around matched words.
    title_highlight: str = ""
    text_highlight: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SearchResults:
    query: SearchQuery
    count: int
    hits: list[Hit]
    facets: dict[FacetName, list[FacetValue]]
    backend: str

    @property
    def page_count(self) -> int:
        reachable = min(self.count, MAX_RESULT_WINDOW)
        return max(1, -(-reachable // self.query.page_size))


@dataclass
class SearchWindow:
    """What ``search_window`` answers: a count, a window of ids and only the asked facets."""

    count: int
    ids: list[int]
    facets: dict[FacetName, list[FacetValue]]
    matches: int  # bitmap of every match (bit n = entry n)
    size_bytes: int
