"""PPP projects in the admin: the project, then partners, milestones and risks."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList

from catalogue.editing import EntryViewSet, entry_edit_handler
from catalogue.panels import EntryAdminForm

from .models import PPPProject


class PPPAdminForm(EntryAdminForm):
    related_entry_types = {"related_datasets": ("dataset",)}


class PPPProjectViewSet(EntryViewSet):
    model = PPPProject
    icon = "site"
    menu_order = 120
    edit_handler = entry_edit_handler(
        ObjectList(
            [
                FieldRowPanel([FieldPanel("project_status"), FieldPanel("sector")]),
                FieldPanel("contract_type"),
                FieldRowPanel([FieldPanel("total_investment"), FieldPanel("currency")]),
                FieldPanel("public_authority"),
                FieldPanel("government_support"),
                FieldPanel("related_datasets"),
            ],
            heading=_("Project"),
        ),
        ObjectList(
            [
                InlinePanel("partnerships", heading=_("Private partners"), label=_("Partner")),
                InlinePanel("milestones", heading=_("Milestones"), label=_("Milestone")),
                InlinePanel("risks", heading=_("Risk allocation"), label=_("Risk")),
                InlinePanel("documents", heading=_("Documents"), label=_("Document")),
            ],
            heading=_("Partners, milestones and risks"),
        ),
        form_class=PPPAdminForm,
    )
