"""``{% apa_reference entry %}``: the formatted APA reference of the "cite this" block."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString

from ..citations import citation_for, to_apa_html

register = template.Library()


@register.simple_tag(takes_context=True)
def apa_reference(context: dict[str, Any], entry: Any) -> SafeString:
    """The reference points at the catalogue's page of the entry, absolute from the request."""
    request = context["request"]
    base_url = request.build_absolute_uri("/").rstrip("/")
    return to_apa_html(citation_for(entry, base_url=base_url))
