"""Admin notice: the dashboard says when search has fallen back to the database."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wagtail import hooks
from wagtail.admin.ui.components import Component

from .es_status import search_status


class SearchStatusPanel(Component):  # type: ignore[misc]  # Wagtail ships no types
    """Shown to every admin user on the dashboard, above everything else, while it lasts."""

    name = "search_status"
    template_name = "search/admin/search_status_panel.html"
    order = 10

    def __init__(self, status: Any) -> None:
        self.status = status

    def get_context_data(self, parent_context: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return {"status": self.status}


@hooks.register("construct_homepage_panels")  # type: ignore[untyped-decorator]  # untyped Wagtail
def add_search_status_panel(request: Any, panels: list[Any]) -> None:
    status = search_status()
    if status.configured and not status.available:
        panels.insert(0, SearchStatusPanel(status))
