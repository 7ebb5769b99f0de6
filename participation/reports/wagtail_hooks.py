"""Reports' hooks: a section on every entry page, and the publisher's queue in the admin."""

from __future__ import annotations

from typing import Any

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from catalogue.models import Entry

from . import admin_views
from .selectors import queue_for


@hooks.register("entry_detail_sections")  # type: ignore[untyped-decorator]  # Wagtail is untyped
def reports_section(entry: Entry, preview: bool = False) -> list[dict[str, Any]]:
    """Reports and the "Report a problem" form; not in a preview (nothing to report yet)."""
    if preview or not entry.pk:
        return []
    return [{"template": "reports/includes/entry_section.html"}]


class ReportsMenuItem(MenuItem):  # type: ignore[misc]  # Wagtail ships no types
    """Shown to whoever answers for an organisation, and to moderators."""

    def is_shown(self, request: Any) -> bool:
        return queue_for(request.user) is not None


@hooks.register("register_admin_menu_item")  # type: ignore[untyped-decorator]
def reports_menu_item() -> MenuItem:
    return ReportsMenuItem(
        _("Issue reports"), reverse("reports_admin_queue"), icon_name="warning", order=260
    )


@hooks.register("register_admin_urls")  # type: ignore[untyped-decorator]
def reports_admin_urls() -> list[Any]:
    return [
        path("issue-reports/", admin_views.queue, name="reports_admin_queue"),
        path("issue-reports/<int:pk>/", admin_views.answer, name="reports_admin_answer"),
    ]
