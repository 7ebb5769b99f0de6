"""Datasets in the admin: their tab (frequency, series, distributions) and viewset."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.snippets.widgets import AdminSnippetChooser

from catalogue.editing import EntryViewSet, entry_edit_handler
from catalogue.panels import EntryAdminForm

from .models import Dataset


class DatasetAdminForm(EntryAdminForm):
    related_entry_types = {"in_series": ("dataset",)}


class DatasetViewSet(EntryViewSet):
    model = Dataset
    icon = "table"
    menu_order = 100
    edit_handler = entry_edit_handler(
        ObjectList(
            [
                FieldRowPanel([FieldPanel("frequency"), FieldPanel("version")]),
                # A chooser that searches, not a list of every dataset in the catalogue.
                FieldPanel("in_series", widget=AdminSnippetChooser(Dataset)),
                FieldPanel("contains_personal_data"),
                FieldPanel("conforms_to"),
                InlinePanel("distributions", heading=_("Distributions"), label=_("Distribution")),
                InlinePanel("documents", heading=_("Documents"), label=_("Document")),
            ],
            heading=_("Dataset"),
        ),
        form_class=DatasetAdminForm,
    )
