"""The facets only APIs have: how they are called and how a client authenticates."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from catalogue.models import ApiType, Authentication
from catalogue.registry import entry_types
from search.facets import FacetDefinition, SearchFacetsPart, choice_labels

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
        )
    ),
)
