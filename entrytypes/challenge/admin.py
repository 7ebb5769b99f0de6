"""Challenges in the admin: timeline, entry rules, then phases, prizes and judging."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList

from catalogue.editing import EntryViewSet, entry_edit_handler
from catalogue.panels import EntryAdminForm

from .models import Challenge


class ChallengeAdminForm(EntryAdminForm):
    related_entry_types = {"offered_resources": ("dataset", "api")}

    def clean(self) -> dict[str, Any]:
        """The timeline must run forwards: the status is derived from it."""
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens and closes and closes < opens:
            self.add_error("closes_at", _("The challenge closes before it opens."))
        judged = cleaned.get("judging_ends_at")
        if closes and judged and judged < closes:
            self.add_error("judging_ends_at", _("Results cannot come before the challenge closes."))
        return cleaned


class CriteriaFormSet(BaseChildFormSet):
    """Criteria weights are shares of the score: the kept criteria must total 100%."""

    def clean(self) -> None:
        super().clean()
        kept = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not self._should_delete_form(form)
        ]
        total = sum(row.get("weight") or 0 for row in kept)
        if kept and total != 100:
            raise ValidationError(
                _("The criteria weights total %(total)s%%: they must total 100%%.")
                % {"total": total},
                code="weights_total",
            )


class CriteriaPanel(InlinePanel):
    """The criteria inline panel, validated as a whole by ``CriteriaFormSet``."""

    def get_form_options(self) -> dict[str, Any]:
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = CriteriaFormSet
        return options


class ChallengeViewSet(EntryViewSet):
    model = Challenge
    icon = "pick"
    menu_order = 130
    edit_handler = entry_edit_handler(
        ObjectList(
            [
                FieldPanel("problem_statement"),
                FieldPanel("challenge_type"),
                FieldRowPanel(
                    [
                        FieldPanel("opens_at"),
                        FieldPanel("closes_at"),
                        FieldPanel("judging_ends_at"),
                    ],
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
                CriteriaPanel("criteria", heading=_("Judging criteria"), label=_("Criterion")),
                InlinePanel("partnerships", heading=_("Partners"), label=_("Partner")),
                InlinePanel("winners", heading=_("Winners"), label=_("Winner")),
                InlinePanel("documents", heading=_("Documents"), label=_("Document")),
            ],
            heading=_("Phases, prizes and judging"),
        ),
        form_class=ChallengeAdminForm,
    )
