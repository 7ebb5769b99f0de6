"""Discovery files for crawlers: ``sitemap.xml`` (an index of sections, each paginated at
50,000 URLs, the protocol's limit) and ``robots.txt``.

Sections: entries (every published entry; ``lastmod`` is its modification date), organisations,
themes and Wagtail pages (live, public). Entries are read with ``only()`` the fields a URL
needs, so a page of 50,000 stays light.
"""

from __future__ import annotations

from typing import Any, cast
from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sitemaps.views import SitemapIndexItem  # type: ignore[attr-defined]
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.views.decorators.http import require_GET

from catalogue.models import Entry, Organisation, Theme
from catalogue.public_url import absolute_url, public_base_url

from .api.http import conditional

SITEMAP_PAGE_SIZE = 50_000


class _PublicSitemap(Sitemap[Any]):
    """URLs on the public base (catalogue.public_url), not on the host a crawler named."""

    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(public_base_url()).scheme

    def get_domain(self, site: Any = None) -> str:
        parts = urlsplit(public_base_url())
        return parts.netloc + parts.path


class EntrySitemap(_PublicSitemap):
    limit = SITEMAP_PAGE_SIZE
    changefreq = "weekly"

    def items(self) -> Any:
        return (
            Entry.objects.published()
            .only("id", "entry_type", "slug", "modified", "updated_at")
            .order_by("id")
        )

    def lastmod(self, item: Entry) -> Any:
        return item.modified or item.updated_at


class OrganisationSitemap(_PublicSitemap):
    limit = SITEMAP_PAGE_SIZE
    changefreq = "weekly"

    def items(self) -> Any:
        return Organisation.objects.only("id", "slug").order_by("id")


class ThemeSitemap(_PublicSitemap):
    limit = SITEMAP_PAGE_SIZE
    changefreq = "weekly"

    def items(self) -> Any:
        return Theme.objects.only("id", "slug").order_by("id")


class PageSitemap(_PublicSitemap):  # Wagtail's Page is untyped
    """Editorial Wagtail pages of the default site (home, guides, news)."""

    limit = SITEMAP_PAGE_SIZE

    def items(self) -> Any:
        from wagtail.models import Page, Site

        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            return Page.objects.none()
        return (
            site.root_page.get_descendants(inclusive=True)
            .live()
            .public()
            .defer_streamfields()
            .order_by("path")
        )

    def location(self, item: Any) -> str:
        url = item.get_url() or "/"
        return urlsplit(url).path  # the sitemap framework adds scheme and host itself

    def lastmod(self, item: Any) -> Any:
        return item.last_published_at or item.latest_revision_created_at


SITEMAPS: dict[str, type[Sitemap[Any]] | Sitemap[Any]] = {
    "entries": EntrySitemap,
    "organisations": OrganisationSitemap,
    "themes": ThemeSitemap,
    "pages": PageSitemap,
}


@require_GET
def sitemap_index(request: HttpRequest) -> HttpResponseBase:
    response = sitemap_views.index(request, SITEMAPS, sitemap_url_name="sitemap_section")
    # Django names each section on the request's host: put them on the public base.
    context = cast(dict[str, Any], response.context_data)
    context["sitemaps"] = [
        SitemapIndexItem(_public(item.location), item.last_mod) for item in context["sitemaps"]
    ]
    return conditional(request, response.render())


def _public(url: str) -> str:
    parts = urlsplit(url)
    return absolute_url(parts.path + (f"?{parts.query}" if parts.query else ""))


@require_GET
def sitemap_section(request: HttpRequest, section: str) -> HttpResponseBase:
    # Unknown sections and pages beyond the last answer 404 (Django's view raises Http404).
    response = sitemap_views.sitemap(request, SITEMAPS, section=section)
    return conditional(request, response.render())


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Everything public may be crawled; the admin and the heavy machine endpoints not.

    The sitemap lists every entry, so crawlers need not walk the search's endless facet
    combinations or pull bulk exports and the APIs page by page.
    """
    sitemap_url = absolute_url("/sitemap.xml", request)
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        "Disallow: /export.",
        "Disallow: /search/",
        "Disallow: /feeds/search",
        "Allow: /",
        "",
        f"Sitemap: {sitemap_url}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
