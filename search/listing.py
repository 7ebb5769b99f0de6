"""Facets on an entry type's listing page (``/apis/``): the type's own column facets, as ORM
filters and counts, so a listing filters as search does without asking a search backend.

Its parameters are the page number and those facets; any other is refused (a filter that
is silently ignored answers with everything, which looks like a working filter).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, QuerySet

from catalogue.models.entries import Entry

from .facets import FacetDefinition, column_condition, column_facets_by_type
from .params import check_known_parameters, clean_filter_values
from .query import FacetValue

LISTING_PARAMETERS = ("page",)


@dataclass(frozen=True)
class ListingFilters:
    entry_type: str
    facets: tuple[FacetDefinition, ...]
    selected: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def without(self, name: str) -> ListingFilters:
        others = {k: v for k, v in self.selected.items() if k != name}
        return ListingFilters(self.entry_type, self.facets, others)


def listing_parameters(entry_type: str) -> tuple[str, ...]:
    facets = column_facets_by_type().get(entry_type, ())
    return (*LISTING_PARAMETERS, *(d.name for d in facets))


def parse_listing_filters(
    entry_type: str, params: Any, *, also: Sequence[str] = ()
) -> ListingFilters:
    """The facet values asked for; raises ``SearchInputError`` on a parameter that is neither
    one of them, nor the page, nor one of ``also`` (read by the caller)."""
    check_known_parameters(params, (*listing_parameters(entry_type), *also))
    facets = column_facets_by_type().get(entry_type, ())
    getlist = getattr(params, "getlist", lambda key: [v] if (v := params.get(key)) else [])
    selected = {}
    for definition in facets:
        values = clean_filter_values(definition.name, getlist(definition.name))
        if values:
            selected[definition.name] = values
    return ListingFilters(entry_type, facets, selected)


def filter_listing(queryset: QuerySet[Any], filters: ListingFilters) -> QuerySet[Any]:
    """Entries with one of the values of each facet asked for (AND across facets)."""
    by_name = {d.name: d for d in filters.facets}
    for name, values in filters.selected.items():
        queryset = queryset.filter(column_condition(by_name[name], values))
    return queryset


def listing_facet_groups(filters: ListingFilters) -> list[dict[str, Any]]:
    """Each facet's values with counts under the other facets' filters (the search page's
    shape, for its template); values with no entries left out unless selected.

    One query counts the entries per combination of the facets' values (a few dozen rows:
    the facets are closed lists); each facet's counts are then summed from the combinations
    the other facets' selections keep.
    """
    columns = [d.column for d in filters.facets]
    base = Entry.objects.published().of_type(filters.entry_type).order_by()
    combinations = list(base.values_list(*columns).annotate(n=Count("pk", distinct=True)))
    groups = []
    for index, definition in enumerate(filters.facets):
        others = [
            (i, set(filters.selected[d.name]))
            for i, d in enumerate(filters.facets)
            if i != index and d.name in filters.selected
        ]
        counts: dict[str, int] = {}
        for row in combinations:
            value = row[index]
            if value in (None, "") or any(str(row[i]) not in kept for i, kept in others):
                continue
            counts[str(value)] = counts.get(str(value), 0) + row[-1]
        values = _facet_values(definition, counts, filters.selected.get(definition.name, ()))
        if values:
            groups.append(
                {
                    "name": definition.name,
                    "title": definition.title,
                    "values": values,
                    "more": 0,
                    "any_selected": any(v.selected for v in values),
                }
            )
    return groups


def _facet_values(
    definition: FacetDefinition, counts: Mapping[str, int], chosen: Sequence[str]
) -> list[FacetValue]:
    names = sorted(set(counts) | set(chosen), key=lambda v: (-counts.get(v, 0), v))
    labels = definition.labels(names) if definition.labels else {v: v for v in names}
    return [FacetValue(v, labels.get(v, v), counts.get(v, 0), v in chosen) for v in names]
