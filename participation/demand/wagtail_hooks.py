"""The "Demand" admin menu item and its URLs, shown to those who may see demand only."""

from __future__ import annotations

from typing import Any

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .access import may_see_demand


class DemandMenuItem(MenuItem):  # type: ignore[misc]  # Wagtail ships no types
    def is_shown(self, request: Any) -> bool:
        return may_see_demand(request.user)


@hooks.register("register_admin_urls")  # type: ignore[untyped-decorator]  # Wagtail ships no types
def demand_urls() -> list[Any]:
    return [
        path("demand/", views.dashboard, name="demand_dashboard"),
        path("demand/<slug:key>.csv", views.panel_csv, name="demand_panel_csv"),
    ]


@hooks.register("register_admin_menu_item")  # type: ignore[untyped-decorator]  # Wagtail ships no types
def demand_menu_item() -> MenuItem:
    return DemandMenuItem(_("Demand"), reverse("demand_dashboard"), icon_name="table", order=900)
