"""Harvesting in the Wagtail admin: sources (create, edit, approve, run now, dry run), job
history, and each source's record errors grouped by field and message."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.forms import modelform_factory
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import views
from .dashboard import CatalogueSummaryPanel
from .forms import HarvestSourceForm
from .job_pages import HarvestJobInspectView
from .models import HarvestJob, HarvestSource


class OverviewColumn(Column):  # type: ignore[misc]  # Wagtail ships no types
    """A link to the source's overview, where its jobs, errors and actions are."""

    def get_value(self, instance: Any) -> Any:
        url = reverse("harvesters_source_overview", args=[instance.pk])
        state = _("approved") if instance.approved else _("awaiting approval")
        return format_html('<a href="{}">{}</a> ({})', url, _("Overview"), state)


class HarvestSourceViewSet(ModelViewSet):  # type: ignore[misc]  # Wagtail ships no types
    model = HarvestSource
    form_fields = [
        "name",
        "slug",
        "protocol",
        "url",
        "organisation",
        "schedule",
        "active",
        "options",
    ]
    list_display = [
        "name",
        "protocol",
        "organisation",
        "schedule",
        "last_run_at",
        OverviewColumn("overview", label=_("Jobs and errors")),
    ]
    list_filter = ["protocol", "approved", "active"]
    search_fields = ["name", "url"]
    icon = "download"
    menu_label = _("Sources")
    name = "harvest_sources"
    copy_view_enabled = False

    def get_form_class(self, for_update: bool = False) -> Any:
        return modelform_factory(
            self.model,
            form=HarvestSourceForm,
            fields=self.form_fields,
            formfield_callback=self.formfield_for_dbfield,
        )

    def formfield_for_dbfield(self, db_field: Any, **kwargs: Any) -> Any:
        if isinstance(db_field, models.URLField):
            kwargs.setdefault("assume_scheme", "https")
        return super().formfield_for_dbfield(db_field, **kwargs)


class ReadOnlyPolicy(ModelPermissionPolicy):  # type: ignore[misc]  # Wagtail ships no types
    """Jobs are written by harvests only: editors read them."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        if action in {"add", "change", "delete"}:
            return False
        return bool(super().user_has_permission(user, action))


register_permission_policy(HarvestJob, ReadOnlyPolicy(HarvestJob))


class HarvestJobViewSet(ModelViewSet):  # type: ignore[misc]  # Wagtail ships no types
    model = HarvestJob
    list_display = [
        "source",
        "status",
        "dry_run",
        "created",
        "updated",
        "unchanged",
        "withdrawn",
        "failed",
        "queued_at",
        "finished_at",
    ]
    list_filter = ["status", "dry_run", "source"]
    inspect_view_enabled = True
    inspect_view_class = HarvestJobInspectView
    inspect_view_fields = [
        "source",
        "status",
        "dry_run",
        "created",
        "updated",
        "unchanged",
        "withdrawn",
        "restored",
        "failed",
        "pages",
        "queued_at",
        "started_at",
        "finished_at",
        "heartbeat_at",
        "cursor",
        "error",
        "log",
        "plan",
    ]
    form_fields = ["status"]  # never shown: jobs cannot be added or edited
    icon = "history"
    menu_label = _("Job history")
    name = "harvest_jobs"
    copy_view_enabled = False


class HarvestingGroup(ViewSetGroup):  # type: ignore[misc]  # Wagtail ships no types
    items = (HarvestSourceViewSet, HarvestJobViewSet)
    menu_label = _("Harvesting")
    menu_icon = "download"
    menu_order = 300


@hooks.register("register_admin_viewset")  # type: ignore[untyped-decorator]  # Wagtail ships no types
def register_harvesting() -> ViewSetGroup:
    return HarvestingGroup()


@hooks.register("register_admin_urls")  # type: ignore[untyped-decorator]  # Wagtail ships no types
def harvesting_urls() -> list[Any]:
    return [
        path(
            "harvesting/sources/<int:pk>/overview/",
            views.source_overview,
            name="harvesters_source_overview",
        ),
        path(
            "harvesting/sources/<int:pk>/approve/",
            views.source_approve,
            name="harvesters_source_approve",
        ),
        path(
            "harvesting/entries/<int:pk>/release/<slug:field>/",
            views.entry_release_field,
            name="harvesters_entry_release_field",
        ),
        path("harvesting/sources/<int:pk>/run/", views.source_run, name="harvesters_source_run"),
    ]


@hooks.register("construct_homepage_panels")  # type: ignore[untyped-decorator]  # Wagtail ships no types
def catalogue_summary_panel(request: Any, panels: list[Any]) -> None:
    panels.append(CatalogueSummaryPanel())


# After Wagtail's own hooks (order 0), which add the page, image and document counts.
@hooks.register("construct_homepage_summary_items", order=100)  # type: ignore[untyped-decorator]
def no_page_counts(request: Any, summary_items: list[Any]) -> None:
    """The catalogue is entries, not pages: its summary panel replaces these counts."""
    summary_items.clear()
