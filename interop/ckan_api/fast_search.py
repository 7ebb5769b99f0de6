"""``package_search`` through the search backend: text, filters and most facets from its index.

At 100,000 entries the ORM path (search.py) is a LIKE scan for ``q`` and a GROUP BY (or a
``json_each`` scan) per facet: seconds per query. The search backend answers the same
questions from its full-text index and in-memory facet bitmaps in milliseconds, so every query
it can express goes here; the rest (date ranges, ``name``/``id`` filters, sorts it has no order
for, a multi-valued field filtered twice) stays on the ORM path, which is still correct.

Mapping of CKAN onto ``SearchQuery``:

* ``q`` words and phrases → ``text`` (query_syntax.py leaves here only required words, phrases
  and ``field:value`` filters; ``OR``/``NOT``/fields in expressions are a condition the ORM
  path answers);
* ``organization`` (slug or object id) → ORGANISATION, ``res_format`` → FORMAT (upper case),
  ``license_id`` → LICENCE (SPDX id, case-insensitive as before), ``groups`` → THEME,
  ``dataset_type`` → TYPE, always limited to datasets and APIs (the CKAN packages);
* ``tags`` (no facet in the search index): on the embedded backend, per-process keyword
  bitmaps (tag_bitmaps.py) filter and count them; under Elasticsearch the tag's words narrow
  the candidates through the full-text index (keywords are in every entry's indexed body) and
  the exact keyword is checked on those candidates, while the tags facet is counted in SQL;
* facets ``organization``, ``res_format``, ``license_id``, ``groups``, ``dataset_type`` come from
  the backend's counts. CKAN counts facets over the filtered results, our backend counts a
  filtered facet disjunctively: a filtered single-valued field is answered from the total, a
  filtered multi-valued one (formats, groups) is counted on the ORM path. Under Elasticsearch
  every facet but tags is also counted on the ORM path when tags are filtered (its counts would
  ignore them).

Where the backend answers ``search_window`` (the embedded one), one pass answers a request:
the count, the page's ids (in either direction of the order), only the facets asked for, with
the tags' bitmap
narrowing the matches, and the matches' bitmap for counting tags; no hits are built, since
the packages are read here anyway. Elsewhere (``search_window`` answers None) the generic
``search_entries``/``search_entry_ids`` path runs; ``search_entry_ids`` returns every match
on every backend, so ``start`` beyond 10,000 pages as deep as the matches go.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from django.db.models import Q

from catalogue.models.entries import Entry
from catalogue.models.organisations import Organisation
from catalogue.models.vocabularies import Licence
from search.bitmaps import Membership
from search.query import (
    MAX_PAGE_SIZE,
    MAX_RESULT_WINDOW,
    Facet,
    FacetName,
    FacetValue,
    SearchQuery,
    SearchResults,
    SearchWindow,
    Sort,
)
from search.service import search_entries, search_entry_ids, search_window

from . import name_order
from .ids import parse_object_uuid
from .params import MAX_FACET_LIMIT, PackageSearchParams, SortKey
from .parts import ckan_parts, package_types
from .tag_bitmaps import current_tags

SINGLE_VALUED = {"organization", "license_id", "type"}
FACET_OF_FIELD = {
    "organization": Facet.ORGANISATION,
    "res_format": Facet.FORMAT,
    "license_id": Facet.LICENCE,
    "groups": Facet.THEME,
    "type": Facet.TYPE,
}
FACET_OF_FACET_FIELD = {**FACET_OF_FIELD, "dataset_type": Facet.TYPE}
FILTER_OF_FACET_FIELD = {"dataset_type": "type"}
# CKAN sort → (backend order, reversed). The backend's newest order breaks ties by id desc,
# so reversing it gives "metadata_modified asc, id asc" exactly.
SORTS: dict[tuple[SortKey, ...], tuple[Sort, bool]] = {
    (): (Sort.RELEVANCE, False),
    (SortKey("score", True),): (Sort.RELEVANCE, False),
    (SortKey("score", True), SortKey("metadata_modified", True)): (Sort.RELEVANCE, False),
    (SortKey("metadata_modified", True),): (Sort.NEWEST, False),
    (SortKey("metadata_modified", True), SortKey("id", True)): (Sort.NEWEST, False),
    (SortKey("metadata_modified", False),): (Sort.NEWEST, True),
    (SortKey("metadata_modified", False), SortKey("id", False)): (Sort.NEWEST, True),
    (SortKey("title", False),): (Sort.TITLE, False),
}
# Name order (the ORM path's "slug, -id"), cached on the embedded backend (name_order.py).
NAME_SORTS = {(SortKey("name", False),), (SortKey("name", False), SortKey("id", True))}
TAG_CHUNK = 5000


@dataclass
class Plan:
    query: SearchQuery
    reverse: bool
    tags: list[str]
    facets: tuple[Facet, ...] = ()  # the facets the backend counts for this request
    ids: list[int] | None = None
    results: SearchResults | None = None
    window: SearchWindow | None = None  # when the backend answered a window
    by_name: bool = False  # page in name order (name_order.py) instead of the query's sort


def _organisation_slugs(values: list[str]) -> list[str]:
    pks = {v: parse_object_uuid("organisation", v) for v in values}
    by_pk = {pk for pk in pks.values() if pk}
    slugs = (
        dict(Organisation.objects.filter(pk__in=by_pk).values_list("pk", "slug")) if by_pk else {}
    )
    return [slugs.get(pk, v) if (pk := pks[v]) else v for v in values]


def _licence_ids(values: list[str]) -> list[str]:
    lookup = Q()
    for value in values:
        lookup |= Q(spdx_id__iexact=value)
    found = {s.lower(): s for s in Licence.objects.filter(lookup).values_list("spdx_id", flat=True)}
    return [found.get(v.lower(), v) for v in values]


def plan(params: PackageSearchParams) -> Plan | None:
    """The backend query for these parameters, or None when only the ORM path can answer."""
    if params.modified_range or params.created_range or params.condition is not None:
        return None
    if set(params.filters) - {*FACET_OF_FIELD, "tags"}:
        return None
    order = SORTS.get(tuple(params.sort))
    by_name = order is None and tuple(params.sort) in NAME_SORTS
    if by_name and not params.text.strip() and name_order.available():
        order = (Sort.NEWEST, False)
    if order is None:
        return None
    filters: dict[FacetName, tuple[str, ...]] = {}
    for key, raw in params.filters.items():
        if key == "tags":
            continue
        values = list(dict.fromkeys(raw))
        if len(values) > 1:  # CKAN ANDs them; the backend ORs within a facet
            if key in SINGLE_VALUED:
                values = ["\x00no-such-value"]
            else:
                return None
        if key == "organization":
            values = _organisation_slugs(values)
        elif key == "license_id":
            values = _licence_ids(values)
        elif key == "res_format":
            values = [v.upper() for v in values]
        elif key == "type":
            values = [package_types().get(v, "\x00no-such-type") for v in values]
        filters[FACET_OF_FIELD[key]] = tuple(values)
    filters.setdefault(Facet.TYPE, tuple(ckan_parts()))
    sort, reverse = order
    query = SearchQuery(
        text=params.text, filters=filters, sort=sort, page=1, page_size=MAX_PAGE_SIZE
    )
    facets = tuple(
        dict.fromkeys(
            FACET_OF_FACET_FIELD[name]
            for name in params.facet_fields
            if backend_can_count(name, params)
        )
    )
    tags = list(dict.fromkeys(params.filters.get("tags", [])))
    return Plan(query=query, reverse=reverse, tags=tags, facets=facets, by_name=by_name)


def _tagged(query: SearchQuery, tags: list[str]) -> set[int]:
    """Ids of matches holding every tag exactly, without tag bitmaps (Elasticsearch):
    candidates from the full-text index, checked against their keywords in chunks."""
    words = " ".join(f'"{tag}"' for tag in tags)
    candidates = search_entry_ids(
        SearchQuery(text=f"{query.text} {words}", filters=query.filters, sort=Sort.NEWEST)
    )
    wanted = set(tags)
    found: set[int] = set()
    for start in range(0, len(candidates), TAG_CHUNK):
        chunk = candidates[start : start + TAG_CHUNK]
        for pk, keywords in Entry.objects.filter(pk__in=chunk).values_list("pk", "keywords"):
            if wanted <= set(keywords or []):
                found.add(pk)
    return found


def all_ids(the_plan: Plan) -> list[int]:
    """Every matching id in order, tags applied; computed once per request."""
    if the_plan.ids is None:
        ids = search_entry_ids(the_plan.query)
        if the_plan.tags:
            tags = current_tags()
            if tags is not None:
                bits = tags.all_of(the_plan.tags)
                members = Membership(bits, tags.size_bytes)
                top = tags.size_bytes * 8
                ids = [pk for pk in ids if pk < top and pk in members]
            else:
                tagged = _tagged(the_plan.query, the_plan.tags)
                ids = [pk for pk in ids if pk in tagged]
        if the_plan.reverse:
            ids.reverse()
        the_plan.ids = ids
    return the_plan.ids


def _results(the_plan: Plan) -> SearchResults:
    """Count and facets of the query (one search, a one-hit page), once per request."""
    if the_plan.results is None:
        the_plan.results = search_entries(replace(the_plan.query, page_size=1))
    return the_plan.results


def _window(the_plan: Plan, *, start: int, rows: int) -> SearchWindow | None:
    """On the database backend, one pass for everything: count, page, facets, tag filter.

    It builds no hits (the packages are read here anyway) and counts only the facets asked
    for, where ``search()`` would label all thirteen; tags narrow the matches as a bitmap.
    """
    within = None
    if the_plan.tags:
        tags = current_tags()
        if tags is None:
            return None
        within = tags.all_of(the_plan.tags)
    if the_plan.by_name:  # the matches from the backend, the page from the name order
        window = search_window(
            the_plan.query, start=0, rows=0, facets=the_plan.facets, within=within
        )
        if window is None:
            return None
        window.ids = name_order.page_in_name_order(
            window.matches, window.size_bytes, start=start, rows=rows
        )
    else:
        window = search_window(
            the_plan.query,
            start=start,
            rows=rows,
            facets=the_plan.facets,
            within=within,
            reverse=the_plan.reverse,
        )
    the_plan.window = window
    return window


def page_ids(the_plan: Plan, *, start: int, rows: int) -> tuple[int, list[int]]:
    """The total and one page of matching entry ids, in order."""
    window = _window(the_plan, start=start, rows=rows)
    if window is not None:
        return window.count, window.ids
    if the_plan.tags or the_plan.reverse:
        ids = all_ids(the_plan)
        return len(ids), ids[start : start + rows]
    if 0 < rows <= MAX_PAGE_SIZE and start % rows == 0 and start + rows <= MAX_RESULT_WINDOW:
        # A window on a page boundary: one search gives the page, the count and the facets.
        query = replace(the_plan.query, page=start // rows + 1, page_size=rows)
        the_plan.results = search_entries(query)
        return the_plan.results.count, [hit.entry_id for hit in the_plan.results.hits]
    ids = search_entry_ids(the_plan.query, limit=start + rows)[start:] if rows else []
    if start == 0 and len(ids) < rows:
        return len(ids), ids
    return _results(the_plan).count, ids


def backend_facets(
    the_plan: Plan, params: PackageSearchParams, fields: list[str], *, count: int
) -> dict[str, list[tuple[str, str, int]]]:
    """Facet rows ``(value, label, count)`` for the fields the backend can count exactly."""
    facet_values: dict[FacetName, list[FacetValue]] = (
        the_plan.window.facets if the_plan.window is not None else _results(the_plan).facets
    )
    limit = MAX_FACET_LIMIT if params.facet_limit < 0 else params.facet_limit
    rows: dict[str, list[tuple[str, str, int]]] = {}
    for name in fields:
        facet = FACET_OF_FACET_FIELD[name]
        key = FILTER_OF_FACET_FIELD.get(name, name)
        values = facet_values.get(facet, [])
        if key in params.filters:
            # A single-valued field filtered to one value: every match has it.
            selected = [fv for fv in values if fv.selected][:1]
            found = [(fv.value, fv.label, count) for fv in selected if count]
        else:
            found = [(fv.value, fv.label, fv.count) for fv in values if fv.count]
        if facet is Facet.TYPE:
            parts = ckan_parts()
            found = [
                (parts[v].package_type, parts[v].package_type, n) for v, _, n in found if v in parts
            ]
        found.sort(key=lambda row: (-row[2], row[0]))
        rows[name] = found[:limit]
    return rows


def backend_can_count(name: str, params: PackageSearchParams) -> bool:
    if name not in FACET_OF_FACET_FIELD:
        return False
    key = FILTER_OF_FACET_FIELD.get(name, name)
    return key not in params.filters or key in SINGLE_VALUED


def facet_rows(the_plan: Plan, params: PackageSearchParams, *, count: int) -> Any:
    """Split the asked facet fields into those the backend counts and the rest."""
    wanted = list(params.facet_fields)
    rows: dict[str, list[tuple[str, str, int]]] = {}
    tags = current_tags() if "tags" in wanted else None
    if tags is not None:
        limit = MAX_FACET_LIMIT if params.facet_limit < 0 else params.facet_limit
        if the_plan.window is not None:  # the matches' bitmap, within the tags' bit range
            matches = the_plan.window.matches & ((1 << (tags.size_bytes * 8)) - 1)
        else:
            matches = tags.matching(all_ids(the_plan))
        rows["tags"] = tags.counts(matches, limit=limit)
        wanted.remove("tags")
    if the_plan.tags and the_plan.window is None:
        return rows, wanted  # the backend's counts would ignore the tag filter
    fast = [n for n in wanted if backend_can_count(n, params)]
    rest = [n for n in wanted if n not in fast]
    if fast:
        rows.update(backend_facets(the_plan, params, fast, count=count))
    return rows, rest
