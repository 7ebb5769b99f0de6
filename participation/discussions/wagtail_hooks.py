"""Discussions in the catalogue's pages and in the Wagtail admin (the moderators' queue)."""

from __future__ import annotations

from typing import Any

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from participation.selectors import is_moderator

from . import admin_views


@hooks.register("entry_detail_sections")  # type: ignore[untyped-decorator]  # Wagtail is untyped
def discussion_section(entry: Any, preview: bool = False) -> list[dict[str, Any]]:
    """The discussion on every published entry's page (not in a preview: none yet)."""
    if preview or not entry.pk:
        return []
    return [{"template": "discussions/entry_section.html"}]


@hooks.register("register_admin_urls")  # type: ignore[untyped-decorator]  # Wagtail is untyped
def moderation_urls() -> list[Any]:
    return [
        path("moderation/", admin_views.queue, name="discussions_moderation"),
        path(
            "moderation/posts/<int:post_id>/<slug:action>/",
            admin_views.post_action,
            name="discussions_moderation_action",
        ),
    ]


class ModerationMenuItem(MenuItem):  # type: ignore[misc]  # Wagtail ships no types
    def is_shown(self, request: Any) -> bool:
        return is_moderator(request.user)


@hooks.register("register_admin_menu_item")  # type: ignore[untyped-decorator]  # Wagtail is untyped
def moderation_menu_item() -> MenuItem:
    return ModerationMenuItem(
        _("Moderation"), reverse("discussions_moderation"), icon_name="warning", order=350
    )
