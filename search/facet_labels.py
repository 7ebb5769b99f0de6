"""Human labels of facet values, and the order facets are shown in: one for every backend."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from typing import Any

from catalogue.models.organisations import Organisation, OrganisationKind
from catalogue.models.vocabularies import Country, Language, Licence, Theme
from catalogue.registry import entry_types

from .facets import Labeller, choice_labels, facet_definition
from .query import Facet, FacetName, FacetValue, SearchQuery


def vocabulary_labels(model: Any, key: str, label: str) -> Labeller:
    """Labels read from a vocabulary table (its ``key`` column names the value)."""

    def labels(values: Sequence[str]) -> dict[str, str]:
        found = _vocabulary_labels(model, key, label, list(values)) if values else {}
        return {v: found.get(v, v) for v in values}

    return labels


def _type_labels(values: Sequence[str]) -> dict[str, str]:
    return {v: str(entry_types.get(v).label) if v in entry_types else v for v in values}


_SHARED_LABELS: dict[FacetName, Labeller] = {
    Facet.TYPE: _type_labels,  # the entry types are the registry's
    Facet.ORGANISATION_KIND: choice_labels(OrganisationKind),
    Facet.ORGANISATION: vocabulary_labels(Organisation, "slug", "name"),
    Facet.THEME: vocabulary_labels(Theme, "slug", "name"),
    Facet.LICENCE: vocabulary_labels(Licence, "spdx_id", "name"),
    Facet.COUNTRY: vocabulary_labels(Country, "code", "name"),
    Facet.LANGUAGE: vocabulary_labels(Language, "code", "name"),
}


def facet_labels(facet: FacetName, values: Iterable[str]) -> dict[str, str]:
    """Human labels for facet values: shared by both backends."""
    values = list(values)
    labeller = _SHARED_LABELS.get(facet) or facet_definition(facet).labels
    if labeller is None:
        return {v: v for v in values}
    return labeller(values)


LABELS_TTL_SECONDS = 60.0
LABELS_RETRY_SECONDS = 2.0
_labels_cache: dict[Any, tuple[float, dict[str, str]]] = {}


def _vocabulary_labels(model: Any, key: str, label: str, values: list[str]) -> dict[str, str]:
    """Every label of one vocabulary, read at most once a minute per process.

    Each search labels up to a thousand values in six vocabularies; six queries per search
    cost more than the search itself. Vocabularies change rarely (a renamed organisation
    shows its new name within a minute).
    """
    now = time.monotonic()
    cached = _labels_cache.get((model, key))
    if cached is not None:
        age = now - cached[0]
        # A value added by another process is read again, but at most every few seconds
        # (a made-up value in a URL must not cost a table read per request).
        fresh = age < LABELS_TTL_SECONDS and all(v in cached[1] for v in values)
        if fresh or age < LABELS_RETRY_SECONDS:
            return cached[1]
    labels = dict(model.objects.values_list(key, label).iterator(chunk_size=5000))
    _labels_cache[(model, key)] = (now, labels)
    return labels


def forget_vocabulary_labels(**_: Any) -> None:
    """A vocabulary row changed in this process: read labels afresh (signals, apps.py)."""
    _labels_cache.clear()


def label_facets(
    counts: dict[FacetName, dict[str, int]], query: SearchQuery
) -> dict[FacetName, list[FacetValue]]:
    """Labels and order of each facet's values, the same whichever backend counted them."""
    result: dict[FacetName, list[FacetValue]] = {}
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
