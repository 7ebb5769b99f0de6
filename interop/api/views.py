"""The API's views: thin, each parses its input, calls one query and one serializer."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from catalogue.models import OrganisationKind, ThemeScheme
from search.listing import filter_listing, parse_listing_filters
from search.params import check_known_parameters, parse_search_params, search_parameters
from search.query import SearchInputError
from search.service import search_entries
from search.signals import announce_search

from . import queries, serializers
from .http import ApiError, ApiPayload, api_endpoint
from .openapi import build_openapi
from .params import (
    LIST_PARAMETERS,
    filter_values,
    page_links,
    parse_modified_since,
    parse_paging,
)
from .parts import api_type_paths
from .ratelimit import active_rate_limit


def _not_found(what: str) -> ApiError:
    return ApiError(404, _("No published %(what)s has this address.") % {"what": what})


def _paginated(request: HttpRequest, qs: Any, serialize: Any) -> tuple[dict[str, Any], list[Any]]:
    paging = parse_paging(request.GET)
    count = qs.count()
    rows = list(qs[paging.offset : paging.offset + paging.page_size]) if count else []
    data = {
        "count": count,
        "page": paging.page,
        "page_size": paging.page_size,
        "results": [serialize(row) for row in rows],
        "links": page_links(
            request, page=paging.page, has_next=paging.offset + paging.page_size < count
        ),
    }
    return data, rows


def _checked_codes(request: HttpRequest, name: str, allowed: set[str]) -> tuple[str, ...]:
    """A filter over a closed code list: an unknown code is a mistake worth a 400."""
    values = filter_values(request.GET, name)
    unknown = [v for v in values if v not in allowed]
    if unknown:
        raise ApiError(
            400,
            _("Unknown '%(name)s' value '%(value)s': use one of %(allowed)s.")
            % {"name": name, "value": unknown[0][:40], "allowed": ", ".join(sorted(allowed))},
            parameter=name,
        )
    return values


@api_endpoint
def search(request: HttpRequest) -> ApiPayload:
    """Full-text and faceted search across all four entry types."""
    try:
        check_known_parameters(request.GET, search_parameters())
        query = parse_search_params(request.GET)
        results = search_entries(query)
    except SearchInputError as exc:
        raise ApiError(400, exc.message, parameter=exc.parameter) from None
    announce_search(
        query=query.text,
        filters=query.filters,
        result_count=results.count,
        source="api",
        page=query.page,
        user_agent=request.headers.get("User-Agent", ""),
    )
    links = page_links(request, page=query.page, has_next=query.page < results.page_count)
    link = serializers.Linker(request)
    return ApiPayload(
        serializers.search_json(results, link, links), last_modified=queries.catalogue_last_change()
    )


@api_endpoint
def entry_list(request: HttpRequest, type_path: str) -> ApiPayload:
    entry_type = api_type_paths().get(type_path)
    if entry_type is None:
        raise _no_endpoint()
    try:  # the type's own facets filter as on its listing page; anything else unknown is a 400
        facets = parse_listing_filters(entry_type, request.GET, also=LIST_PARAMETERS)
    except SearchInputError as exc:
        raise ApiError(400, exc.message, parameter=exc.parameter) from None
    qs = queries.entry_list_queryset(
        entry_type=entry_type,
        organisations=filter_values(request.GET, "organisation"),
        themes=filter_values(request.GET, "theme"),
        licences=filter_values(request.GET, "licence"),
        countries=filter_values(request.GET, "country"),
        modified_since=parse_modified_since(request.GET),
    )
    qs = filter_listing(qs, facets)
    qs = queries.ordered(queries.with_summary_relations(qs, entry_type))
    link = serializers.Linker(request)
    data, rows = _paginated(request, qs, lambda e: serializers.entry_summary(e, link))
    last = queries.latest(queries.catalogue_last_change(), *(e.updated_at for e in rows))
    return ApiPayload(data, last_modified=last)


@api_endpoint
def entry_detail(request: HttpRequest, type_path: str, slug: str) -> ApiPayload:
    entry_type = api_type_paths().get(type_path)
    if entry_type is None:
        raise _no_endpoint()
    entry = queries.entry_detail_queryset(entry_type).filter(slug=slug[:200]).first()
    if entry is None:
        raise _not_found(_("entry"))
    data = serializers.entry_detail(entry, serializers.Linker(request))
    return ApiPayload(data, last_modified=entry.updated_at)


@api_endpoint
def organisation_list(request: HttpRequest) -> ApiPayload:
    qs = queries.organisation_queryset(
        kinds=_checked_codes(request, "kind", set(OrganisationKind.values)),
        countries=filter_values(request.GET, "country"),
    )
    link = serializers.Linker(request)
    data, _rows = _paginated(request, qs, lambda o: serializers.organisation_summary(o, link))
    return ApiPayload(data, last_modified=queries.catalogue_last_change())


@api_endpoint
def organisation_detail(request: HttpRequest, slug: str) -> ApiPayload:
    org = (
        queries.organisation_queryset()
        .select_related("parent")
        .prefetch_related("children")
        .filter(slug=slug[:200])
        .first()
    )
    if org is None:
        raise _not_found(_("organisation"))
    data = serializers.organisation_detail(
        org, queries.organisation_counts(org), serializers.Linker(request)
    )
    return ApiPayload(data, last_modified=queries.catalogue_last_change())


@api_endpoint
def theme_list(request: HttpRequest) -> ApiPayload:
    qs = queries.theme_queryset(schemes=_checked_codes(request, "scheme", set(ThemeScheme.values)))
    link = serializers.Linker(request)
    counts = queries.theme_entry_counts()
    data, _rows = _paginated(
        request, qs, lambda t: serializers.theme_summary(t, link, counts.get(t.slug, 0))
    )
    return ApiPayload(data, last_modified=queries.catalogue_last_change())


@api_endpoint
def theme_detail(request: HttpRequest, slug: str) -> ApiPayload:
    theme = queries.theme_queryset().filter(slug=slug[:200]).first()
    if theme is None:
        raise _not_found(_("theme"))
    entry_count, counts = queries.theme_counts(theme)
    data = serializers.theme_detail(theme, entry_count, counts, serializers.Linker(request))
    return ApiPayload(data, last_modified=queries.catalogue_last_change())


@api_endpoint
def openapi_document(request: HttpRequest) -> ApiPayload:
    return ApiPayload(build_openapi())


def _no_endpoint() -> ApiError:
    return ApiError(404, _("There is no API endpoint at this address: see /api/openapi.json."))


@api_endpoint
def not_found(request: HttpRequest, rest: str = "") -> ApiPayload:
    raise _no_endpoint()


def docs(request: HttpRequest) -> HttpResponse:
    """A human-readable page about the API, linking to its OpenAPI document."""
    context = {"document": build_openapi(), "rate_limit": active_rate_limit()}
    return render(request, "api/index.html", context)
