"""Filters of the catalogue documents (``/catalog.ttl?q=…&fq=…&theme=…``), as ckanext-dcat's.

ckanext-dcat's ``/catalog.{format}`` takes ``q`` and ``fq`` and hands them to its search; ours
takes the same and the search page's own facet parameters (``theme=``, ``organisation=``,
``format=``, ... as ``search.params`` reads them) and asks the search service, so a filtered
catalogue holds exactly the entries the search page lists for those parameters.

``fq`` is a list of ``field:value`` or ``field:"quoted value"`` clauses joined by spaces or
``AND`` (parentheses only group). A field is a search facet name or one of CKAN's names for
one (``organization``, ``groups``, ``res_format``, ``license_id``, ``dataset_type``). An
unknown field, facet or value syntax is an :class:`ExportInputError` (the view answers 400).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import Max
from django.utils.translation import gettext as _

from catalogue.models import Entry
from search.facets import facet_names
from search.params import parse_search_params
from search.query import MAX_PAGE_SIZE, SearchInputError, SearchQuery
from search.service import search_entry_ids


class ExportInputError(ValueError):
    """A query parameter the export cannot honour: the view answers 400 with the message."""


# CKAN's Solr field names for our facets (ckanext-dcat clients write these in fq).
CKAN_FIELDS = {
    "organization": "organisation",
    "owner_org": "organisation",
    "groups": "theme",
    "res_format": "format",
    "license_id": "licence",
    "dataset_type": "type",
}
# Parameters of the export itself, never taken for a facet.
EXPORT_PARAMETERS = {"page", "page_size", "modified_since"}
MAX_FQ_LENGTH = 2000
MAX_CLAUSES = 20
_CLAUSE = re.compile(
    r'\(*\+?(?P<field>[A-Za-z_]+):(?:"(?P<quoted>[^"]{1,200})"|(?P<word>[^\s()"]{1,200}))\)*'
)
_SEPARATOR = re.compile(r"\s+(?:AND\s+)?")
_IN_CHUNK = 500


def _fq_filters(raw: str) -> list[tuple[str, str]]:
    """``fq`` as (facet, value) pairs; anything outside the grammar raises ExportInputError."""
    text = raw.strip()
    if len(text) > MAX_FQ_LENGTH:
        raise ExportInputError(
            _("fq is too long: at most %(max)d characters.") % {"max": MAX_FQ_LENGTH}
        )
    known = set(facet_names())
    pairs: list[tuple[str, str]] = []
    position = 0
    while position < len(text):
        match = _CLAUSE.match(text, position)
        separator = _SEPARATOR.match(text, match.end()) if match else None
        if match is None or (separator is None and match.end() < len(text)):
            raise ExportInputError(
                _(
                    "Cannot read fq at character %(position)d: use field:value or "
                    'field:"quoted value" joined by spaces or AND.'
                )
                % {"position": position + 1}
            )
        field = CKAN_FIELDS.get(match["field"], match["field"])
        if field not in known:
            raise ExportInputError(_unknown_facet(match["field"], known))
        pairs.append((field, match["quoted"] or match["word"]))
        if len(pairs) > MAX_CLAUSES:
            message = _("Too many clauses in fq: at most %(max)d.") % {"max": MAX_CLAUSES}
            raise ExportInputError(message)
        position = separator.end() if separator else match.end()
    return pairs


def _unknown_facet(name: str, known: Iterable[str]) -> str:
    allowed = ", ".join([*sorted(known), *sorted(CKAN_FIELDS)])
    return _("Unknown filter %(name)r: use one of %(allowed)s.") % {
        "name": name[:40],
        "allowed": allowed,
    }


def filter_pairs(params: Any) -> tuple[tuple[str, str], ...]:
    """The filtering parameters as sent (kept in the Hydra paging links), checked.

    Any parameter that is neither the export's own, ``q``, ``fq`` nor a facet is refused, so
    a misspelt facet never silently answers the whole catalogue.
    """
    known = set(facet_names())
    getlist = getattr(params, "getlist", lambda key: [params[key]])
    pairs: list[tuple[str, str]] = []
    for name in params:
        if name in EXPORT_PARAMETERS:
            continue
        if name not in known and name not in {"q", "fq"}:
            raise ExportInputError(_unknown_facet(name, known))
        pairs += [(name, str(value)) for value in getlist(name) if str(value).strip()]
    return tuple(pairs)


def search_query(pairs: tuple[tuple[str, str], ...]) -> SearchQuery | None:
    """The search the filters ask for, or None without filters (the whole catalogue)."""
    if not pairs:
        return None
    values: dict[str, list[str]] = {}
    for name, value in pairs:
        if name == "fq":
            for facet, item in _fq_filters(value):
                values.setdefault(facet, []).append(item)
        else:
            values.setdefault(name, []).append(value)
    try:
        return parse_search_params(_MultiDict(values))
    except SearchInputError as error:
        raise ExportInputError(error.message) from None


class _MultiDict:
    """The ``get``/``getlist`` view of the collected values ``parse_search_params`` reads."""

    def __init__(self, values: dict[str, list[str]]) -> None:
        self.values = values

    def get(self, key: str, default: str | None = None) -> str | None:
        found = self.values.get(key)
        return found[-1] if found else default

    def getlist(self, key: str) -> list[str]:
        return self.values.get(key, [])


class Selection:
    """The entries of one export, in ascending id order: all published ones, or a search's."""

    def __init__(self, query: SearchQuery | None, modified_since: Any = None) -> None:
        qs = Entry.objects.published()
        if modified_since is not None:
            qs = qs.filter(modified__gte=modified_since)
        self.queryset = qs
        self.ids: list[int] | None = None
        if query is not None:
            query = SearchQuery(text=query.text, filters=query.filters, page_size=MAX_PAGE_SIZE)
            found = sorted(set(search_entry_ids(query)))
            self.ids = found if modified_since is None else self._kept(found)

    def _kept(self, ids: list[int]) -> list[int]:
        kept: list[int] = []
        for start in range(0, len(ids), _IN_CHUNK):
            chunk = ids[start : start + _IN_CHUNK]
            kept += self.queryset.filter(pk__in=chunk).order_by("pk").values_list("pk", flat=True)
        return kept

    def count(self) -> int:
        return self.queryset.count() if self.ids is None else len(self.ids)

    def last_modified(self) -> Any:
        if self.ids is None:
            return self.queryset.aggregate(m=Max("modified"))["m"]
        moments = [
            self.queryset.filter(pk__in=chunk).aggregate(m=Max("modified"))["m"]
            for chunk in self._id_lists(_IN_CHUNK)
        ]
        present = [m for m in moments if m is not None]
        return max(present) if present else None

    def page_ids(self, start: int, size: int) -> list[int]:
        if self.ids is None:
            ids = self.queryset.order_by("pk").values_list("pk", flat=True)
            return list(ids[start : start + size])
        return self.ids[start : start + size]

    def _id_lists(self, size: int) -> Iterator[list[int]]:
        assert self.ids is not None
        for start in range(0, len(self.ids), size):
            yield self.ids[start : start + size]

    def id_chunks(self, size: int) -> Iterator[list[int]]:
        if self.ids is not None:
            return self._id_lists(size)
        return id_chunks(self.queryset, chunk_size=size)


def id_chunks(qs: Any, *, chunk_size: int) -> Iterator[list[int]]:
    """The primary keys of ``qs`` in ascending keyset chunks (no OFFSET scans)."""
    ids = qs.order_by("pk").values_list("pk", flat=True)
    last = 0
    while True:
        chunk_ids = list(ids.filter(pk__gt=last)[:chunk_size])
        if not chunk_ids:
            return
        last = chunk_ids[-1]
        yield chunk_ids
