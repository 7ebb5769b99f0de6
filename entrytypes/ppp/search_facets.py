"""The facets only PPP projects have: where the project stands and its sector."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from catalogue.models import PPPSector
from catalogue.models.vocabularies import ProjectStatus
from catalogue.registry import entry_types
from search.facet_labels import vocabulary_labels
from search.facets import FacetDefinition, SearchFacetsPart, choice_labels

entry_types.add_part(
    "ppp",
    SearchFacetsPart,
    SearchFacetsPart(
        facets=(
            FacetDefinition(
                "ppp_status",
                _("PPP project status"),
                column="project_status__code",
                labels=vocabulary_labels(ProjectStatus, "code", "name"),
            ),
            FacetDefinition(
                "sector", _("PPP sector"), column="sector", labels=choice_labels(PPPSector)
            ),
        )
    ),
)
