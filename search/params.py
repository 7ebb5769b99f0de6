"""Parse request parameters into a ``SearchQuery``: hostile input becomes a clear error.

Shared by the HTML search page and the JSON API so both accept exactly the same parameters.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from django.utils.translation import gettext as _

from .facets import facet_definition, facet_names
from .query import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    MAX_QUERY_LENGTH,
    MAX_RESULT_WINDOW,
    FacetName,
    SearchInputError,
    SearchQuery,
    Sort,
)

MAX_VALUES_PER_FILTER = 20
MAX_FILTER_VALUE_LENGTH = 200
# Everything the search page and the search API read besides the facets.
SEARCH_PARAMETERS = ("q", "sort", "page", "page_size")


class QueryDictLike(Protocol):
    def get(self, key: str, default: str | None = None) -> str | None: ...
    def getlist(self, key: str) -> Sequence[str]: ...


def _clean_text(value: str) -> str:
    # Drop control characters (NUL and friends); keep every printable script.
    return "".join(ch for ch in value if ch in " \t" or unicodedata.category(ch)[0] != "C").strip()


def _positive_int(raw: str | None, *, name: str, default: int, maximum: int) -> int:
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SearchInputError(f"'{name}' must be a whole number.", parameter=name) from None
    if value < 1:
        raise SearchInputError(f"'{name}' must be 1 or more.", parameter=name)
    if value > maximum:
        raise SearchInputError(f"'{name}' must be at most {maximum}.", parameter=name)
    return value


def check_known_parameters(params: Iterable[str], allowed: Iterable[str]) -> None:
    """Refuse a parameter nothing reads (``lifecylce=deprecated``): a filter that is silently
    ignored answers with everything, which looks like a working filter."""
    known = set(allowed)
    unknown = sorted(name for name in set(params) if name not in known)
    if unknown:
        name = _clean_text(unknown[0])[:40]
        raise SearchInputError(
            _("Unknown parameter '%(name)s': use %(allowed)s.")
            % {"name": name, "allowed": ", ".join(sorted(known))},
            parameter=name,
        )


def search_parameters() -> tuple[str, ...]:
    return (*SEARCH_PARAMETERS, *facet_names())


def clean_filter_values(facet: str, raw: Sequence[str]) -> tuple[str, ...]:
    """One facet's values as sent: cleaned, bounded in number and length, each once, and one
    of its closed list when it has one (``lifecycle=deprecate`` would otherwise match nothing,
    which reads as "there are none")."""
    values = [_clean_text(v) for v in raw if v and v.strip()]
    if len(values) > MAX_VALUES_PER_FILTER:
        raise SearchInputError(
            _("Too many values for '%(facet)s': at most %(max)d.")
            % {"facet": facet, "max": MAX_VALUES_PER_FILTER},
            parameter=facet,
        )
    if any(len(v) > MAX_FILTER_VALUE_LENGTH for v in values):
        raise SearchInputError(
            _("A '%(facet)s' value is too long.") % {"facet": facet}, parameter=facet
        )
    codes = facet_definition(facet).known_codes() if values else None
    unknown = [v for v in values if codes is not None and v not in codes]
    if codes is not None and unknown:
        raise SearchInputError(
            _("Unknown value '%(value)s' for '%(facet)s': use %(allowed)s.")
            % {"value": unknown[0][:40], "facet": facet, "allowed": ", ".join(codes)},
            parameter=facet,
        )
    return tuple(dict.fromkeys(values))


def parse_search_params(params: QueryDictLike | Mapping[str, str]) -> SearchQuery:
    get = params.get
    getlist = getattr(params, "getlist", lambda key: [v] if (v := params.get(key)) else [])

    text = _clean_text(get("q", "") or "")
    if len(text) > MAX_QUERY_LENGTH:
        raise SearchInputError(
            f"The search text is too long: at most {MAX_QUERY_LENGTH} characters.", parameter="q"
        )
    raw_sort = get("sort", "") or Sort.RELEVANCE.value
    try:
        sort = Sort(raw_sort)
    except ValueError:
        allowed = ", ".join(s.value for s in Sort)
        raise SearchInputError(
            f"Unknown sort '{raw_sort[:40]}': use {allowed}.", parameter="sort"
        ) from None

    page_size = _positive_int(
        get("page_size"), name="page_size", default=DEFAULT_PAGE_SIZE, maximum=MAX_PAGE_SIZE
    )
    page = _positive_int(
        get("page"), name="page", default=1, maximum=max(1, MAX_RESULT_WINDOW // page_size)
    )

    filters: dict[FacetName, tuple[str, ...]] = {}
    for facet in facet_names():
        values = clean_filter_values(facet, getlist(facet))
        if values:
            filters[facet] = values
    return SearchQuery(text=text, filters=filters, sort=sort, page=page, page_size=page_size)
