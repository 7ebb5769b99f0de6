"""``{% follow_state "entry" entry.pk as state %}``: the viewer's follow and the follower count."""

from __future__ import annotations

from typing import Any

from django import template

from ..selectors import follow_of, follower_count

register = template.Library()


@register.simple_tag(takes_context=True)
def follow_state(context: dict[str, Any], target_type: str, target_id: int) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    current = follow_of(user, target_type, target_id) if user is not None else None
    return {"current": current, "count": follower_count(target_type, target_id)}
