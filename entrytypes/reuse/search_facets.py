"""The reuse's kind as a facet (application, visualisation, research paper...), read from the
reuse's own table through its one-to-one link to the entry."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from catalogue.registry import entry_types
from search.facets import FacetDefinition, SearchFacetsPart, choice_labels

from .models import ReuseKind

entry_types.add_part(
    "reuse",
    SearchFacetsPart,
    SearchFacetsPart(
        facets=(
            FacetDefinition(
                "reuse_kind",
                _("Kind of reuse"),
                column="reuse__reuse_kind",
                labels=choice_labels(ReuseKind),
            ),
        )
    ),
)
