"""``{% schema_org_jsonld entry %}``: schema.org JSON-LD for a detail page's ``<head>``."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString

from ..standards.schema_org import schema_org, script_tag

register = template.Library()


@register.simple_tag
def schema_org_jsonld(entry: Any) -> SafeString | str:
    """The ``<script type="application/ld+json">`` element, or "" for a non-entry."""
    if entry is None or getattr(entry, "entry_type", None) is None:
        return ""
    return script_tag(schema_org(entry))
