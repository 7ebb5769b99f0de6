"""The entry page's reports section reads what its viewer may see (the hook has no request)."""

from __future__ import annotations

from typing import Any

from django import template

from ..forms import ReportForm
from ..selectors import entry_reports

register = template.Library()


@register.simple_tag(takes_context=True)
def reports_section(context: template.Context, entry: Any) -> dict[str, Any]:
    """The reports ``entry``'s page shows its viewer, and a blank form to file one."""
    user = context.get("user") or getattr(context.get("request"), "user", None)
    section = entry_reports(entry_id=entry.pk, user=user)
    section["form"] = ReportForm()
    return section
