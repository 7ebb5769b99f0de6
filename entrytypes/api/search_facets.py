"""What search knows of APIs only: how they are called, how a client gets access (pricing,
registration, authentication), where they are in their lifecycle, and that access text."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from catalogue.models import ApiType, Authentication, Lifecycle
from catalogue.registry import entry_types
from search.facets import FacetDefinition, SearchFacetsPart, TextDefinition, choice_labels

from .models import CostModel, Registration

COST = "access_conditions__cost_model"
REGISTRATION = "access_conditions__registration"

entry_types.add_part(
    "api",
    SearchFacetsPart,
    SearchFacetsPart(
        facets=(
            FacetDefinition(
                "api_type", _("API type"), column="api_type", labels=choice_labels(ApiType)
            ),
            FacetDefinition(
                "authentication",
                _("API authentication"),
                column="authentication",
                labels=choice_labels(Authentication),
            ),
            FacetDefinition("cost", _("Pricing"), column=COST, labels=choice_labels(CostModel)),
            FacetDefinition(
                "registration",
                _("Registration"),
                column=REGISTRATION,
                labels=choice_labels(Registration),
            ),
            FacetDefinition(
                "lifecycle", _("Lifecycle"), column="lifecycle", labels=choice_labels(Lifecycle)
            ),
        ),
        text=(
            TextDefinition("authentication", _("Authentication"), choice_labels(Authentication)),
            TextDefinition(COST, _("Pricing"), choice_labels(CostModel)),
            TextDefinition(REGISTRATION, _("Registration"), choice_labels(Registration)),
            TextDefinition("rate_limits", _("Rate limits")),
            TextDefinition("access_instructions", _("How to get access")),
            TextDefinition("lifecycle", _("Lifecycle"), choice_labels(Lifecycle)),
        ),
    ),
)
