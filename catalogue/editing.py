"""What every entry type's admin shares: the edit-handler tabs and the viewset base class.

Entries share one table; each type is a proxy (or child) model with a typed manager, so each
type's viewset (``entrytypes/<type>/admin.py``) lists, edits and counts only its own type, and
Wagtail keys revisions, workflows, locks and permissions on that model's content type. The
model's ``save()`` sets ``entry_type``, so an entry created through the admin gets its type.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

import django_filters  # type: ignore[import-untyped]  # ships no types
from django import forms
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    PublishingPanel,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_scope import entries_in_scope, entry_in_scope
from .choosers import DatabaseChooserMixin
from .models import Origin
from .panels import EntryAdminForm, EntryStatusPanel
from .source_panel import SourceExtrasPanel

# --- edit handlers ----------------------------------------------------------------------------


def _description_tab() -> ObjectList:
    return ObjectList(
        [
            EntryStatusPanel(),
            TitleFieldPanel("title"),
            FieldPanel("slug"),
            FieldPanel("summary"),
            FieldPanel("description"),
            MultiFieldPanel(
                [
                    FieldPanel("publisher"),
                    FieldPanel("publisher_stated"),
                    FieldPanel("contact_name"),
                    FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_url")]),
                ],
                heading=_("Publisher and contact point"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("keywords"),
                    FieldPanel("licence"),
                    FieldPanel("access_rights"),
                ],
                heading=_("Classification and reuse"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("countries"),
                    FieldPanel("spatial_label"),
                    FieldRowPanel([FieldPanel("temporal_start"), FieldPanel("temporal_end")]),
                    FieldPanel("languages"),
                ],
                heading=_("Coverage"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("landing_page"),
                    FieldPanel("identifier"),
                    FieldRowPanel([FieldPanel("issued"), FieldPanel("modified")]),
                ],
                heading=_("Identification"),
            ),
        ],
        heading=_("Description"),
    )


def _publishing_tab() -> ObjectList:
    # The source address is shown by the status panel (a read-only URL panel would build a
    # form field only to display it).
    return ObjectList(
        [
            PublishingPanel(),
            EntryStatusPanel(detailed=True, heading=_("Quality and provenance")),
            MultiFieldPanel(
                [
                    FieldPanel("origin", read_only=True),
                    FieldPanel("last_harvested_at", read_only=True),
                    FieldPanel("content_hash", read_only=True),
                    FieldPanel("withdrawn_at", read_only=True),
                ],
                heading=_("Provenance"),
            ),
            SourceExtrasPanel(heading=_("Values from the source without a field")),
        ],
        heading=_("Publishing and provenance"),
    )


def entry_edit_handler(
    *tabs: ObjectList, form_class: type[EntryAdminForm] = EntryAdminForm
) -> TabbedInterface:
    """The description tab, the type's own tabs, then publishing and provenance."""
    return TabbedInterface(
        [_description_tab(), *tabs, _publishing_tab()], base_form_class=form_class
    )


# --- viewsets ---------------------------------------------------------------------------------


def _yes_no(label: Any, condition: Q) -> django_filters.BooleanFilter:
    """A Yes/No/All filter on ``condition``; "No" lists the entries it does not hold for."""

    def apply(queryset: QuerySet[Any], name: str, value: bool | None) -> QuerySet[Any]:
        if value is None:
            return queryset
        return queryset.filter(condition) if value else queryset.exclude(condition)

    return django_filters.BooleanFilter(label=label, method=apply, widget=BooleanRadioSelect)


class EntryFilterSet(WagtailFilterSet):
    """What curators look for beside publisher, state and theme: which entries come from a
    harvest, which of those an editor changed (harvests keep those fields), which the source
    withdrew."""

    harvested = _yes_no(_("Harvested"), Q(origin=Origin.HARVESTED))
    edited = _yes_no(_("Changed by an editor after harvesting"), ~Q(overridden_fields=[]))
    withdrawn = _yes_no(_("Withdrawn by the source"), Q(withdrawn_at__isnull=False))
    # the entries data.json and DCAT-US 3 leave out (ADR 0023): the dashboard links here
    unstated_publisher = _yes_no(_("Source states no publisher"), Q(publisher_stated=False))

    class Meta:
        fields = ["publisher", "live", "themes"]


class EntryViewSet(DatabaseChooserMixin, SnippetViewSet):
    """Shared listing of every entry type: what editors scan for when curating."""

    list_display = [
        "title",
        "publisher",
        Column("quality_score", label=_("Quality"), sort_key="quality_score"),
        UpdatedAtColumn(),
    ]
    list_per_page = 50
    # Plain database lookups: the admin must find drafts too, which the public index leaves out.
    search_fields = ["title", "summary", "slug", "identifier", "publisher__name"]
    search_backend_name = None
    inspect_view_enabled = True

    @cached_property
    def filterset_class(self) -> type[EntryFilterSet]:
        """The shared filters, on this viewset's own model (its typed manager lists its type)."""
        meta = type("Meta", (EntryFilterSet.Meta,), {"model": self.model})
        return type(f"{self.model.__name__}FilterSet", (EntryFilterSet,), {"Meta": meta})

    def get_queryset(self, request: Any) -> Any:
        # The proxy's typed manager keeps the listing to this viewset's entry type; the admin
        # scope keeps an organisation's editors to their organisations' entries.
        queryset = self.model.objects.select_related("publisher", "latest_revision")
        return entries_in_scope(queryset, request.user)

    def construct_view(self, view_class: Any, **kwargs: Any) -> Any:
        """Every per-entry view (edit, delete, history, revisions, unpublish...) answers 404
        for an entry outside the user's admin scope, as if it did not exist."""
        view = super().construct_view(view_class, **kwargs)

        def scoped(request: HttpRequest, *args: Any, **view_kwargs: Any) -> HttpResponse:
            if "pk" in view_kwargs and not entry_in_scope(view_kwargs["pk"], request.user):
                raise Http404
            return view(request, *args, **view_kwargs)

        scoped.__dict__.update(view.__dict__)
        return scoped
