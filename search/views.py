"""The public search page: one search across all four entry types, with facets."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from catalogue.registry import entry_types

from .facets import facet_definition
from .params import check_known_parameters, parse_search_params, search_parameters
from .query import SearchInputError, SearchResults, Sort
from .service import search_entries
from .signals import announce_search

SORT_LABELS = {Sort.RELEVANCE: _("Relevance"), Sort.NEWEST: _("Newest"), Sort.TITLE: _("Title")}
FACET_VALUES_SHOWN = 12


def _query_string(params: list[tuple[str, str]], **changes: Any) -> str:
    kept = [(k, v) for k, v in params if k not in changes and k != "page"]
    for key, value in changes.items():
        if value is not None:
            kept.append((key, str(value)))
    return "?" + urlencode(kept)


def _facet_groups(results: SearchResults, params: list[tuple[str, str]]) -> list[dict[str, Any]]:
    groups = []
    for facet, values in results.facets.items():
        if not values:
            continue
        shown = [v for v in values if v.count or v.selected]
        groups.append(
            {
                "name": facet,
                "title": facet_definition(facet).title,
                "values": shown[:FACET_VALUES_SHOWN]
                + [v for v in shown[FACET_VALUES_SHOWN:] if v.selected],
                "more": max(0, len(shown) - FACET_VALUES_SHOWN),
                "any_selected": any(v.selected for v in values),
            }
        )
    return groups


def _active_filters(results: SearchResults, params: list[tuple[str, str]]) -> list[dict[str, str]]:
    active = []
    for facet, values in results.query.filters.items():
        labels = {fv.value: fv.label for fv in results.facets.get(facet, [])}
        for value in values:
            remaining = [(k, v) for k, v in params if not (k == facet and v == value)]
            active.append(
                {
                    "facet": str(facet_definition(facet).title),
                    "label": labels.get(value, value),
                    "remove_url": _query_string(remaining),
                }
            )
    return active


@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    params = [(k, v) for k, values in request.GET.lists() for v in values]
    try:
        check_known_parameters(request.GET, search_parameters())
        query = parse_search_params(request.GET)
    except SearchInputError as error:
        context: dict[str, Any] = {
            "error": error.message,
            "q": request.GET.get("q", "")[:500],
            "sort_options": SORT_LABELS.items(),
        }
        return render(request, "search/search.html", context, status=400)
    results = search_entries(query)
    announce_search(
        query=query.text,
        filters=query.filters,
        result_count=results.count,
        source="page",
        page=query.page,
        user_agent=request.headers.get("User-Agent", ""),
    )
    type_labels = dict(entry_types.choices())
    for hit in results.hits:
        hit.extra["type_label"] = type_labels.get(hit.entry_type, hit.entry_type)
    page, pages = query.page, results.page_count
    context = {
        "q": query.text,
        "query": query,
        "results": results,
        "facet_groups": _facet_groups(results, params),
        "active_filters": _active_filters(results, params),
        "sort": query.sort.value,
        "sort_options": [(s.value, label) for s, label in SORT_LABELS.items()],
        "page": page,
        "pages": pages,
        "previous_url": _query_string(params, page=page - 1) if page > 1 else None,
        "next_url": _query_string(params, page=page + 1) if page < pages else None,
        "page_links": [
            {"number": n, "url": _query_string(params, page=n), "current": n == page}
            for n in range(max(1, page - 3), min(pages, page + 3) + 1)
        ],
        "clear_url": _query_string([], q=query.text or None),
        # This search as a feed and as a bulk export: the same parameters, any page.
        "feed_querystring": urlencode([(k, v) for k, v in params if k != "page"]),
    }
    return render(request, "search/search.html", context)
