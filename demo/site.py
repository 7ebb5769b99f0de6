"""The Wagtail site on first start: a catalogue home page as the site root, About and Guides.

Wagtail's first migration creates a placeholder "Welcome to your new Wagtail site!" page and
a site pointing at it; the catalogue replaces it with its own home page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from wagtail.models import Page, Site

from catalogue.models import ContentPage, GuideIndexPage, HomePage

from . import pages
from .loader import quiet_wagtail_log


@dataclass
class SiteSummary:
    site_created: bool = False
    pages_created: list[str] = field(default_factory=list)


def _publish(page: Page) -> None:
    page.save_revision().publish()


def _add_child(parent: Page, page: Page, summary: SiteSummary) -> Page:
    parent.add_child(instance=page)
    _publish(page)
    summary.pages_created.append(page.title)
    return page


def _remove_placeholder_root(root: Page) -> str:
    """Delete Wagtail's welcome page if it is untouched; return a free slug for the home page."""
    for child in root.get_children():
        is_placeholder = child.specific_class is Page and not child.get_children().exists()
        if not is_placeholder:
            continue
        child.delete()
    taken = set(root.get_children().values_list("slug", flat=True))
    return "home" if "home" not in taken else "catalogue-home"


def site_ensure() -> SiteSummary:
    """Make sure the default site's root is a catalogue home page with About and Guides."""
    with quiet_wagtail_log(), transaction.atomic():
        return _site_ensure()


def _site_ensure() -> SiteSummary:
    summary = SiteSummary()
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        slug = _remove_placeholder_root(root)
        home = _add_child(root, HomePage(slug=slug, **pages.HOME), summary)

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=settings.WAGTAIL_SITE_NAME,
        )
        summary.site_created = True
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = site.site_name or settings.WAGTAIL_SITE_NAME
        site.save()
        summary.site_created = True

    children = {page.slug: page for page in home.get_children()}
    if pages.ABOUT["slug"] not in children:
        _add_child(home, ContentPage(**pages.ABOUT), summary)
    guides = children.get(pages.GUIDES["slug"])
    if guides is None:
        guides = _add_child(home, GuideIndexPage(**pages.GUIDES), summary)
    existing_guides = set(guides.get_children().values_list("slug", flat=True))
    for guide in pages.GUIDE_PAGES:
        if guide["slug"] not in existing_guides:
            _add_child(guides, ContentPage(**guide), summary)
    return summary
