"""The follow button on every entry page (the catalogue never imports participation)."""

from __future__ import annotations

from typing import Any

from wagtail import hooks

from catalogue.models import Entry


@hooks.register("entry_detail_sections")  # type: ignore[untyped-decorator]  # Wagtail is untyped
def follow_section(entry: Entry, preview: bool = False) -> list[dict[str, Any]]:
    """ "Follow this entry" (the template reads the viewer's own follow: the hook has no
    request). Not in a preview, nor on a withdrawn entry: there is nothing to hear about."""
    if preview or not entry.pk or not entry.is_published:
        return []
    return [{"template": "alerts/includes/entry_follow.html"}]
