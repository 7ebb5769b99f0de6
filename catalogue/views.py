"""Public pages of the catalogue: thin views over ``catalogue.selectors``.

Each view reads its input, asks one selector and renders one template. Hostile input answers
with a 4xx (unknown slug: 404; unknown filter value: 400), never a 500; a malformed page
number shows the first page, as Django's ``Paginator.get_page`` does.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from wagtail import hooks

from search.listing import filter_listing, listing_facet_groups, parse_listing_filters
from search.query import SearchInputError

from . import selectors
from .models import OrganisationKind
from .registry import entry_types

ENTRIES_PER_PAGE = 20
ORGANISATIONS_PER_PAGE = 100


def entry_list(request: HttpRequest, *, entry_type: str) -> HttpResponse:
    """One page of the published entries of a type, newest first.

    Template: ``catalogue/entry_list.html``. Context: ``entry_type``, ``type_plural``,
    ``page_obj``, ``entries``, ``facet_groups`` (the type's own facets, as filters).
    """
    spec = entry_types.get(entry_type)
    try:
        filters = parse_listing_filters(entry_type, request.GET)
    except SearchInputError as error:
        return render(request, "400.html", {"error": error.message}, status=400)
    entries = filter_listing(selectors.entry_list(entry_type=entry_type), filters)
    paginator = Paginator(entries, ENTRIES_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "catalogue/entry_list.html",
        {
            "entry_type": entry_type,
            "type_label": spec.label,
            "type_plural": spec.label_plural,
            "type_intro": spec.intro,
            "page_obj": page_obj,
            "entries": page_obj.object_list,
            "feed_type_path": spec.path,  # its RSS and Atom feeds (feed_links.html)
            "facet_groups": listing_facet_groups(filters) if filters.facets else [],
            "filtered": bool(filters.selected),
        },
    )


def entry_detail(request: HttpRequest, *, entry_type: str, slug: str) -> HttpResponse:
    """A published entry. Template: ``catalogue/<entry_type>_detail.html``."""
    entry = selectors.entry_get_published(entry_type=entry_type, slug=slug)
    if entry is None:
        raise Http404(_("No published entry here."))
    # Other representations of the entry (interop's RDF documents for RDF clients) answer
    # first, as Wagtail's ``before_serve_page`` hooks do for pages.
    for hook in hooks.get_hooks("before_serve_entry"):
        response = hook(request, entry)
        if response is not None:
            return response
    context = selectors.entry_detail_context(entry=entry)
    response = render(request, entry_types.get(entry_type).detail_template, context)
    patch_vary_headers(response, ["Accept"])  # RDF clients get a redirect instead
    return response


def organisation_list(request: HttpRequest) -> HttpResponse:
    """Every organisation, grouped by kind; ``?kind=`` narrows to one kind."""
    kind = request.GET.get("kind") or None
    if kind is not None and kind not in OrganisationKind.values:
        return render(
            request,
            "catalogue/bad_request.html",
            {"message": _("Unknown kind of organisation. Choose one from the list.")},
            status=400,
        )
    paginator = Paginator(selectors.organisation_list(kind=kind), ORGANISATIONS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "catalogue/organisation_list.html",
        {
            "kind": kind,
            "kind_label": OrganisationKind(kind).label if kind else "",
            "kinds": selectors.organisation_kind_counts(),
            "page_obj": page_obj,
            "organisations": page_obj.object_list,
        },
    )


def organisation_detail(request: HttpRequest, *, slug: str) -> HttpResponse:
    organisation = selectors.organisation_get(slug=slug)
    if organisation is None:
        raise Http404(_("No organisation here."))
    context = selectors.organisation_detail_context(organisation=organisation)
    context["feed_organisation"] = organisation  # its RSS and Atom feeds (feed_links.html)
    return render(request, "catalogue/organisation_detail.html", context)


def theme_list(request: HttpRequest) -> HttpResponse:
    return render(request, "catalogue/theme_list.html", selectors.theme_list())


def theme_detail(request: HttpRequest, *, slug: str) -> HttpResponse:
    theme = selectors.theme_get(slug=slug)
    if theme is None:
        raise Http404(_("No theme here."))
    return render(
        request, "catalogue/theme_detail.html", selectors.theme_detail_context(theme=theme)
    )
