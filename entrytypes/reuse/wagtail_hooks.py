"""A reuse's hooks: "Reused in" on every dataset and API page, and what to fix after saving."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from wagtail import hooks

from catalogue.models import Entry
from catalogue.selectors import entry_cards

from .models import Reuse
from .warnings import reuse_warnings

REUSED_IN_LIMIT = 50


@hooks.register("entry_detail_sections")
def reused_in_section(entry: Entry, preview: bool = False) -> list[dict[str, Any]]:
    """The published reuses that use this dataset or API (none for other types)."""
    if entry.entry_type not in ("dataset", "api") or not entry.pk:
        return []
    reuses = list(entry_cards(Reuse.objects.published().filter(uses=entry.pk))[:REUSED_IN_LIMIT])
    if not reuses:
        return []
    return [{"template": "catalogue/includes/reused_in.html", "reuses": reuses}]


def _warn(request: Any, instance: Any) -> None:
    if isinstance(instance, Reuse):
        for text in reuse_warnings(instance):
            messages.warning(request, text)


@hooks.register("after_create_snippet")
def reuse_created(request: Any, instance: Any) -> None:
    _warn(request, instance)


@hooks.register("after_edit_snippet")
def reuse_edited(request: Any, instance: Any) -> None:
    _warn(request, instance)
