"""Editorial pages: home, about, guides. Entries are snippets, not pages (DESIGN.md §3)."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import BodyStreamBlock


class HomePage(Page):
    """The front door: editorial intro plus the living catalogue (counts, newest, closing)."""

    hero_title = models.CharField(max_length=200, blank=True)
    hero_text = models.TextField(blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, use_json_field=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        FieldPanel("body"),
    ]
    max_count = 1
    subpage_types = ["catalogue.ContentPage", "catalogue.GuideIndexPage"]

    def get_context(self, request: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from ..selectors import home_context

        context = super().get_context(request, *args, **kwargs)
        context.update(home_context())
        return context


class ContentPage(Page):
    """An editorial page: about, a guide, a story."""

    summary = models.CharField(max_length=300, blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, use_json_field=True)

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    subpage_types: list[str] = ["catalogue.ContentPage"]

    class Meta:
        verbose_name = _("content page")


class GuideIndexPage(Page):
    """Lists guides for publishers and reusers."""

    intro = models.TextField(blank=True)
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["catalogue.ContentPage"]

    def get_context(self, request: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["guides"] = self.get_children().live().specific()
        return context
