"""The admin panel that shows editors what a source sent and the catalogue has no field for.

Read-only: these values belong to the source (``Entry.source_extras``, written by harvests),
so an editor sees them beside the entry instead of their being lost, but cannot edit them.
"""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from wagtail.admin.panels import HelpPanel


class SourceExtrasPanel(HelpPanel):
    """A definition list of the source's unmapped values; nothing for an entry without any."""

    class BoundPanel(HelpPanel.BoundPanel):
        def is_shown(self) -> bool:
            return bool(getattr(self.instance, "source_extras", None))

        def render_html(self, parent_context: object = None) -> SafeString:
            return source_extras_html(getattr(self.instance, "source_extras", None) or {})


def source_extras_html(extras: dict[str, object]) -> SafeString:
    """``extras`` as an accessible description list (every value escaped, shown as text)."""
    if not extras:
        return SafeString("")
    rows = format_html_join(
        "", "<dt>{}</dt><dd>{}</dd>", ((key, str(value)) for key, value in extras.items())
    )
    return format_html(
        '<div class="help-block help-info" role="note"><p>{}</p><dl>{}</dl></div>',
        _(
            "The source sent these values, for which the catalogue has no field. They are "
            "kept as sent, updated by each harvest, and cannot be edited here."
        ),
        rows,
    )
