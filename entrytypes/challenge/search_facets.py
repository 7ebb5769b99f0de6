"""The challenge's status as a facet: computed from its dates when searched, never stored,
because it moves with the clock (catalogue/models/challenge_status.py holds the rule)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from catalogue.models import ChallengeStatus
from catalogue.registry import entry_types
from search.facets import FacetDefinition, SearchFacetsPart, choice_labels

entry_types.add_part(
    "challenge",
    SearchFacetsPart,
    SearchFacetsPart(
        facets=(
            FacetDefinition(
                "challenge_status",
                _("Challenge status"),
                timeline=True,
                labels=choice_labels(ChallengeStatus),
            ),
        )
    ),
)
