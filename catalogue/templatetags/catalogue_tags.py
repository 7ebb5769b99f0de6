"""Template helpers of the public site: the navigation, search links and status labels."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from .. import access, links
from ..registry import entry_types

register = template.Library()

SEARCH_PATH = "/search/"


def nav_items() -> list[tuple[str, Any]]:
    """Each entry type's listing (in the registry's order), then the cross-cutting pages."""
    return [
        *((reverse(spec.list_url_name), spec.label_plural) for spec in entry_types),
        (reverse("catalogue:organisation_list"), _("Organisations")),
        (reverse("catalogue:theme_list"), _("Themes")),
        (SEARCH_PATH, _("Search")),
    ]


@register.simple_tag
def entry_type_sections() -> list[dict[str, Any]]:
    """Each entry type's label and listing URL (the footer's list of sections)."""
    return [
        {"label": spec.label_plural, "url": reverse(spec.list_url_name)} for spec in entry_types
    ]


@register.simple_tag(takes_context=True)
def footer_pages(context: dict[str, Any]) -> list[Any]:
    """The site's editorial pages (About, Guides…): the live, public children of the site's
    root page that editors marked "Show in menus" (Wagtail's own switch for it)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return []
    return list(site.root_page.get_children().live().public().in_menu().specific())


@register.inclusion_tag("includes/site_nav.html", takes_context=True)
def site_nav(context: dict[str, Any]) -> dict[str, Any]:
    """The main navigation; the section the visitor is in gets ``aria-current``."""
    request = context.get("request")
    current_path = getattr(request, "path", "") or ""
    items = []
    for url, label in nav_items():
        if current_path == url:
            current = "page"
        elif current_path.startswith(url):
            current = "true"
        else:
            current = ""
        items.append({"url": url, "label": label, "current": current})
    return {"items": items}


@register.simple_tag
def search_url(**params: Any) -> str:
    """A link to the search page with filters, e.g. ``{% search_url type=entry.entry_type %}``."""
    query = {key: value for key, value in params.items() if value not in (None, "")}
    return f"{SEARCH_PATH}?{urlencode(query)}" if query else SEARCH_PATH


@register.filter
def entry_type_label(value: str | None) -> str:
    if value is None or value not in entry_types:
        return ""
    return str(entry_types.get(value).label)


@register.filter
def card_template(entry: Any) -> str:
    """The template of the type-specific facts on an entry's card ("" if it has none)."""
    if entry.entry_type not in entry_types:
        return ""
    return entry_types.get(entry.entry_type).card_template


@register.simple_tag
def elided_pages(page_obj: Any) -> list[Any]:
    """Page numbers around the current page, with ellipses, for the pagination bar."""
    return list(
        page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    )


@register.filter
def distribution_formats(entry: Any) -> list[str]:
    """The distinct formats of a dataset's distributions (prefetched by the listing)."""
    formats = {d.format.upper() for d in entry.distributions.all() if d.format}
    return sorted(formats)


@register.filter
def safe_href(url: str | None) -> str:
    """The URL if it is http(s), else empty: escaping alone lets ``javascript:`` in.

    Harvested URLs reach the database without form validation, so every URL from data put
    in an ``href`` passes through this filter (templates) or ``catalogue.links.safe_href``
    (Python); tests/catalogue/test_safe_links.py scans the templates for any that does not.
    """
    return links.safe_href(url)


@register.filter
def distribution_links(distribution: Any, entry: Any) -> access.DistributionLinks:
    """``distribution|distribution_links:entry``: its URLs that may be published (none for
    an entry whose access rights are not public: catalogue.access)."""
    return access.distribution_links(entry, distribution)


@register.filter
def downloads_public(entry: Any) -> bool:
    return access.downloads_public(entry)
