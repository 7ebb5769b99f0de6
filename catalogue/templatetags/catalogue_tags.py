"""Template helpers of the public site: the navigation, search links and status labels."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from ..models import ChallengeStatus, EntryType

register = template.Library()

SEARCH_PATH = "/search/"

NAV_ITEMS = [
    ("/datasets/", _("Datasets")),
    ("/apis/", _("APIs")),
    ("/ppp-projects/", _("PPP projects")),
    ("/challenges/", _("Challenges")),
    ("/organisations/", _("Organisations")),
    ("/themes/", _("Themes")),
    (SEARCH_PATH, _("Search")),
]


@register.inclusion_tag("includes/site_nav.html", takes_context=True)
def site_nav(context: dict[str, Any]) -> dict[str, Any]:
    """The main navigation; the section the visitor is in gets ``aria-current``."""
    request = context.get("request")
    current_path = getattr(request, "path", "") or ""
    items = []
    for url, label in NAV_ITEMS:
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
    """A link to the search page with filters, e.g. ``{% search_url type="dataset" %}``."""
    query = {key: value for key, value in params.items() if value not in (None, "")}
    return f"{SEARCH_PATH}?{urlencode(query)}" if query else SEARCH_PATH


@register.filter
def challenge_status_label(value: str | None) -> str:
    if not value:
        return ""
    try:
        return str(ChallengeStatus(value).label)
    except ValueError:
        return ""


@register.filter
def entry_type_label(value: str | None) -> str:
    try:
        return str(EntryType(value).label)
    except ValueError:
        return ""


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


SAFE_URL_SCHEMES = ("http://", "https://", "mailto:", "ftp://")


@register.filter
def safe_href(url: str | None) -> str:
    """The URL if its scheme is harmless, else empty: escaping alone lets ``javascript:`` in.

    Harvested URLs reach the database without form validation, so every outside URL put in
    an ``href`` passes through this filter.
    """
    if not url:
        return ""
    cleaned = str(url).strip()
    return cleaned if cleaned.lower().startswith(SAFE_URL_SCHEMES) else ""
