"""Reuses in the admin: kind, address, image, author and the datasets and APIs used."""

from __future__ import annotations

from typing import Any

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, ObjectList

from catalogue.editing import EntryViewSet, entry_edit_handler
from catalogue.panels import EntryAdminForm

from .models import Reuse
from .warnings import reuse_warnings


class ReuseAdminForm(EntryAdminForm):
    related_entry_types = {"uses": ("dataset", "api")}


class ReuseWarningsPanel(HelpPanel):
    """What the saved reuse lacks (no image, withdrawn links), above its own fields."""

    class BoundPanel(HelpPanel.BoundPanel):
        def render_html(self, parent_context: Any = None) -> SafeString:
            if not self.instance.pk:
                return SafeString("")
            found = reuse_warnings(self.instance)
            if not found:
                return SafeString("")
            return format_html(
                '<div class="help-block help-warning" role="note"><ul>{}</ul></div>',
                format_html_join("", "<li>{}</li>", ((text,) for text in found)),
            )


class ReuseViewSet(EntryViewSet):
    model = Reuse
    icon = "image"
    menu_order = 135
    edit_handler = entry_edit_handler(
        ObjectList(
            [
                ReuseWarningsPanel(),
                FieldRowPanel([FieldPanel("reuse_kind"), FieldPanel("author_name")]),
                FieldPanel("url"),
                FieldPanel("image"),
                FieldPanel("uses"),
            ],
            heading=_("Reuse"),
        ),
        form_class=ReuseAdminForm,
    )

    def get_queryset(self, request: Any) -> Any:
        return super().get_queryset(request).select_related("image")
