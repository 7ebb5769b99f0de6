"""The catalogue in the Wagtail admin: one snippet viewset per entry type, plus organisations.

Entries share one table; each type is a proxy model with a typed manager, so each viewset
lists, edits and counts only its own type, and Wagtail keys revisions, workflows, locks and
permissions on the proxy's content type (``for_concrete_model=False``). A proxy's ``save()``
sets ``entry_type``, so an entry created through the admin gets the right type.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PublishingPanel,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Challenge, DataService, Dataset, Entry, Organisation, PPPProject
from .panels import EntryAdminForm, EntryStatusPanel
from .services import entry_refresh_quality
from .services.overrides import entry_record_overrides

# --- edit handlers ----------------------------------------------------------------------------


def _description_tab() -> ObjectList:
    return ObjectList(
        [
            EntryStatusPanel(),
            TitleFieldPanel("title"),
            FieldPanel("slug"),
            FieldPanel("summary"),
            FieldPanel("description"),
            MultiFieldPanel(
                [
                    FieldPanel("publisher"),
                    FieldPanel("contact_name"),
                    FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_url")]),
                ],
                heading=_("Publisher and contact point"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("keywords"),
                    FieldPanel("licence"),
                    FieldPanel("access_rights"),
                ],
                heading=_("Classification and reuse"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("countries"),
                    FieldPanel("spatial_label"),
                    FieldRowPanel([FieldPanel("temporal_start"), FieldPanel("temporal_end")]),
                    FieldPanel("languages"),
                ],
                heading=_("Coverage"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("landing_page"),
                    FieldPanel("identifier"),
                    FieldRowPanel([FieldPanel("issued"), FieldPanel("modified")]),
                ],
                heading=_("Identification"),
            ),
        ],
        heading=_("Description"),
    )


def _publishing_tab() -> ObjectList:
    # The source address is shown by the status panel (a read-only URL panel would build a
    # form field only to display it).
    return ObjectList(
        [
            PublishingPanel(),
            EntryStatusPanel(detailed=True, heading=_("Quality and provenance")),
            MultiFieldPanel(
                [
                    FieldPanel("origin", read_only=True),
                    FieldPanel("last_harvested_at", read_only=True),
                    FieldPanel("content_hash", read_only=True),
                    FieldPanel("withdrawn_at", read_only=True),
                ],
                heading=_("Provenance"),
            ),
        ],
        heading=_("Publishing and provenance"),
    )


def _entry_edit_handler(*tabs: ObjectList) -> TabbedInterface:
    return TabbedInterface(
        [_description_tab(), *tabs, _publishing_tab()], base_form_class=EntryAdminForm
    )


DATASET_EDIT_HANDLER = _entry_edit_handler(
    ObjectList(
        [
            FieldRowPanel([FieldPanel("frequency"), FieldPanel("version")]),
            FieldPanel("in_series"),
            FieldPanel("contains_personal_data"),
            FieldPanel("conforms_to"),
            InlinePanel("distributions", heading=_("Distributions"), label=_("Distribution")),
            InlinePanel("documents", heading=_("Documents"), label=_("Document")),
        ],
        heading=_("Dataset"),
    )
)

API_EDIT_HANDLER = _entry_edit_handler(
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
            FieldPanel("serves_datasets"),
            InlinePanel("documents", heading=_("Documents"), label=_("Document")),
        ],
        heading=_("API"),
    )
)

PPP_EDIT_HANDLER = _entry_edit_handler(
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
)

CHALLENGE_EDIT_HANDLER = _entry_edit_handler(
    ObjectList(
        [
            FieldPanel("problem_statement"),
            FieldPanel("challenge_type"),
            FieldRowPanel(
                [FieldPanel("opens_at"), FieldPanel("closes_at"), FieldPanel("judging_ends_at")],
                heading=_("Timeline: the status follows these dates"),
            ),
            FieldPanel("eligibility"),
            FieldPanel("how_to_enter"),
            FieldPanel("offered_resources"),
            FieldPanel("outcomes"),
        ],
        heading=_("Challenge"),
    ),
    ObjectList(
        [
            InlinePanel("phases", heading=_("Phases"), label=_("Phase")),
            InlinePanel("prizes", heading=_("Prizes"), label=_("Prize")),
            InlinePanel("criteria", heading=_("Judging criteria"), label=_("Criterion")),
            InlinePanel("partnerships", heading=_("Partners"), label=_("Partner")),
            InlinePanel("winners", heading=_("Winners"), label=_("Winner")),
            InlinePanel("documents", heading=_("Documents"), label=_("Document")),
        ],
        heading=_("Phases, prizes and judging"),
    ),
)


# --- viewsets ---------------------------------------------------------------------------------


class EntryViewSet(SnippetViewSet):
    """Shared listing of every entry type: what editors scan for when curating."""

    list_display = [
        "title",
        "publisher",
        Column("quality_score", label=_("Quality"), sort_key="quality_score"),
        UpdatedAtColumn(),
    ]
    list_filter = ["publisher", "live", "themes"]
    list_per_page = 50
    # Plain database lookups: the admin must find drafts too, which the public index leaves out.
    search_fields = ["title", "summary", "slug", "identifier", "publisher__name"]
    search_backend_name = None
    inspect_view_enabled = True

    def get_queryset(self, request: Any) -> Any:
        # The proxy's typed manager keeps the listing to this viewset's entry type.
        return self.model.objects.select_related("publisher", "latest_revision")


class DatasetViewSet(EntryViewSet):
    model = Dataset
    icon = "table"
    menu_order = 100
    edit_handler = DATASET_EDIT_HANDLER


class DataServiceViewSet(EntryViewSet):
    model = DataService
    icon = "code"
    menu_order = 110
    edit_handler = API_EDIT_HANDLER


class PPPProjectViewSet(EntryViewSet):
    model = PPPProject
    icon = "site"
    menu_order = 120
    edit_handler = PPP_EDIT_HANDLER


class ChallengeViewSet(EntryViewSet):
    model = Challenge
    icon = "pick"
    menu_order = 130
    edit_handler = CHALLENGE_EDIT_HANDLER


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_order = 140
    list_display = ["name", "kind", "country", "featured"]
    list_filter = ["kind", "featured", "country"]
    search_fields = ["name", "slug", "identifier"]
    search_backend_name = None

    def get_queryset(self, request: Any) -> Any:
        return Organisation.objects.select_related("country")


class CatalogueViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Catalogue")
    menu_icon = "folder-open-inverse"
    menu_order = 150
    items = (
        DatasetViewSet,
        DataServiceViewSet,
        PPPProjectViewSet,
        ChallengeViewSet,
        OrganisationViewSet,
    )


register_snippet(CatalogueViewSetGroup)


# --- hooks ------------------------------------------------------------------------------------


def _refresh_quality(instance: Any) -> None:
    """Score what is stored (the live entry, or a never-published draft), not the form's copy."""
    if isinstance(instance, Entry) and instance.pk:
        entry_refresh_quality(entry=Entry.objects.get(pk=instance.pk))


@hooks.register("after_create_snippet")
def entry_created_in_admin(request: Any, instance: Any) -> None:
    _refresh_quality(instance)


@hooks.register("after_edit_snippet")
def entry_edited_in_admin(request: Any, instance: Any) -> None:
    if isinstance(instance, Entry) and instance.overridden_fields:
        # The form recorded the override on the draft; the live entry must know at once.
        entry_record_overrides(entry_id=instance.pk, fields=instance.overridden_fields)
    _refresh_quality(instance)


@hooks.register("after_publish")
def entry_published_in_admin(request: Any, instance: Any) -> None:
    # Publishing copies the revision over the live row, stored score included: score it afresh.
    _refresh_quality(instance)
