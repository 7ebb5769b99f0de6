"""Template filters of reuse cards."""

from __future__ import annotations

from typing import Any

from django import template

from ..models import Reuse

register = template.Library()


@register.filter
def loaded_reuse(entry: Any) -> Reuse | None:
    """The reuse behind a card's entry if it is already loaded, else None.

    The reuse listing prefetches the child row; mixed lists (home, organisation, theme
    pages) do not, and a card must not cost a query, so there the card shows the shared facts.
    """
    if isinstance(entry, Reuse):
        return entry
    cached = entry._state.fields_cache.get("reuse")
    return cached if isinstance(cached, Reuse) else None
