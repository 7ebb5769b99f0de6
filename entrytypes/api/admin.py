"""APIs in the admin: endpoint, access, lifecycle and the datasets each serves."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)

from catalogue.editing import EntryViewSet, entry_edit_handler
from catalogue.panels import EntryAdminForm

from .models import DataService


class ApiAdminForm(EntryAdminForm):
    related_entry_types = {"serves_datasets": ("dataset",)}

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean()
        # The child form cannot see its parent's id before saving: check the successor here.
        for form in self.formsets["access_conditions"].forms:
            successor = form.cleaned_data.get("successor") if form.is_valid() else None
            if successor is not None and self.instance.pk and successor.pk == self.instance.pk:
                form.add_error("successor", _("An API cannot succeed itself."))
        return cleaned


class DataServiceViewSet(EntryViewSet):
    model = DataService
    icon = "code"
    menu_order = 110
    edit_handler = entry_edit_handler(
        ObjectList(
            [
                FieldPanel("endpoint_url"),
                FieldPanel("endpoint_description_url"),
                FieldRowPanel([FieldPanel("api_type"), FieldPanel("version")]),
                MultiFieldPanel(
                    [
                        FieldPanel("authentication"),
                        FieldPanel("access_instructions"),
                        FieldPanel("rate_limits"),
                        FieldPanel("sandbox_url"),
                    ],
                    heading=_("Access"),
                ),
                MultiFieldPanel(
                    [
                        FieldRowPanel([FieldPanel("lifecycle"), FieldPanel("sunset_date")]),
                        FieldPanel("availability"),
                    ],
                    heading=_("Lifecycle and availability"),
                ),
                InlinePanel(
                    "access_conditions",
                    heading=_("Pricing, registration and successor"),
                    label=_("Access conditions"),
                    min_num=0,
                    max_num=1,
                    help_text=_(
                        "What using the API costs, whether clients register first, and the"
                        " API that replaces it when it is deprecated. Leave unknown facts empty."
                    ),
                ),
                FieldPanel("serves_datasets"),
                InlinePanel("documents", heading=_("Documents"), label=_("Document")),
            ],
            heading=_("API"),
        ),
        form_class=ApiAdminForm,
    )
