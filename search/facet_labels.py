"""Human labels of facet values, and the order facets are shown in: one for every backend."""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

from catalogue.models.choices import ApiType, Authentication, ChallengeStatus, PPPSector
from catalogue.models.organisations import Organisation, OrganisationKind
from catalogue.models.vocabularies import Country, Language, Licence, ProjectStatus, Theme
from catalogue.registry import entry_types

from .query import Facet, FacetValue, SearchQuery

_CHOICE_LABELS: dict[Facet, dict[str, str]] = {
    Facet.ORGANISATION_KIND: {c.value: str(c.label) for c in OrganisationKind},
    Facet.API_TYPE: {c.value: str(c.label) for c in ApiType},
    Facet.AUTHENTICATION: {c.value: str(c.label) for c in Authentication},
    Facet.CHALLENGE_STATUS: {c.value: str(c.label) for c in ChallengeStatus},
    Facet.SECTOR: {c.value: str(c.label) for c in PPPSector},
}


def facet_labels(facet: Facet, values: Iterable[str]) -> dict[str, str]:
    """Human labels for facet values: shared by both backends."""
    values = list(values)
    if facet == Facet.TYPE:  # the entry types are the registry's
        return {v: str(entry_types.get(v).label) if v in entry_types else v for v in values}
    if facet in _CHOICE_LABELS:
        choices = _CHOICE_LABELS[facet]
        return {v: choices.get(v, v) for v in values}
    lookups: dict[Facet, tuple[Any, str, str]] = {
        Facet.ORGANISATION: (Organisation, "slug", "name"),
        Facet.THEME: (Theme, "slug", "name"),
        Facet.LICENCE: (Licence, "spdx_id", "name"),
        Facet.COUNTRY: (Country, "code", "name"),
        Facet.LANGUAGE: (Language, "code", "name"),
        Facet.PPP_STATUS: (ProjectStatus, "code", "name"),
    }
    if facet in lookups and values:
        model, key, label = lookups[facet]
        found = _vocabulary_labels(facet, model, key, label, values)
        return {v: found.get(v, v) for v in values}
    return {v: v for v in values}


LABELS_TTL_SECONDS = 60.0
LABELS_RETRY_SECONDS = 2.0
_labels_cache: dict[Facet, tuple[float, dict[str, str]]] = {}


def _vocabulary_labels(
    facet: Facet, model: Any, key: str, label: str, values: list[str]
) -> dict[str, str]:
    """Every label of one vocabulary, read at most once a minute per process.

    Each search labels up to a thousand values in six vocabularies; six queries per search
    cost more than the search itself. Vocabularies change rarely (a renamed organisation
    shows its new name within a minute).
    """
    now = time.monotonic()
    cached = _labels_cache.get(facet)
    if cached is not None:
        age = now - cached[0]
        # A value added by another process is read again, but at most every few seconds
        # (a made-up value in a URL must not cost a table read per request).
        fresh = age < LABELS_TTL_SECONDS and all(v in cached[1] for v in values)
        if fresh or age < LABELS_RETRY_SECONDS:
            return cached[1]
    labels = dict(model.objects.values_list(key, label).iterator(chunk_size=5000))
    _labels_cache[facet] = (now, labels)
    return labels


def forget_vocabulary_labels(**_: Any) -> None:
    """A vocabulary row changed in this process: read labels afresh (signals, apps.py)."""
    _labels_cache.clear()


def label_facets(
    counts: dict[Facet, dict[str, int]], query: SearchQuery
) -> dict[Facet, list[FacetValue]]:
    """Labels and order of each facet's values, the same whichever backend counted them."""
    result: dict[Facet, list[FacetValue]] = {}
    for facet, values in counts.items():
        selected = set(query.filters.get(facet, ()))
        # A selected value stays listed (with 0) so it can be deselected.
        merged = {**{v: 0 for v in selected}, **values}
        labels = facet_labels(facet, merged)
        result[facet] = sorted(
            (
                FacetValue(value=v, label=labels[v], count=n, selected=v in selected)
                for v, n in merged.items()
            ),
            key=lambda fv: (-fv.count, fv.label.lower()),
        )
    return result
