"""Which facets search offers: the shared ones here, each entry type's own from its module.

A facet is a name (its URL parameter, its Elasticsearch field, its key among the database
backend's bitmaps) with a title and labels for its values. The shared facets (type,
publisher, theme, licence, format, place, language) describe every entry, and
``documents_db.facet_values`` reads them. A facet only one kind of entry has (an API's
authentication, a PPP project's sector, a challenge's status) is declared in that type's
package (``entrytypes/<type>/search_facets.py``) as a ``SearchFacetsPart``: the column that
holds its value, or ``timeline`` for a status computed from the entry's dates at query time.
Both backends, the search page, the JSON API and its OpenAPI document, and the exports read
the list from here, so a facet is added in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from catalogue.registry import entry_types

from .query import Facet

DEFAULT_FACET_SIZE = 300
Labeller = Callable[[Sequence[str]], dict[str, str]]


@dataclass(frozen=True)
class FacetDefinition:
    """One facet. ``column`` is the ``Entry`` lookup holding a type facet's value (read into
    the indexing snapshot); ``timeline`` facets are statuses computed from the dates instead.
    """

    name: str
    title: Any  # a lazy translated string
    column: str = ""
    timeline: bool = False
    labels: Labeller | None = None
    size: int = DEFAULT_FACET_SIZE
    entry_types: tuple[str, ...] = field(default=(), compare=False)  # filled in on collection
    # The values it can hold, when they are a closed list (choices): any other is refused,
    # since it could only ever match nothing. None for open lists (publishers, keywords...).
    codes: Callable[[], Collection[str]] | None = field(default=None, compare=False)

    @property
    def shared(self) -> bool:
        return not self.entry_types

    def known_codes(self) -> Collection[str] | None:
        """The closed list of values: ``codes``, or the choices its labels are read from."""
        if self.codes is not None:
            return self.codes()
        if isinstance(self.labels, ChoiceLabels):
            return self.labels.codes()
        return None


@dataclass(frozen=True)
class TextDefinition:
    """A column of a type's entries searched as text, indexed as "title: value" (so "pricing"
    finds the APIs that state one); ``labels`` turns a choice code into its label."""

    column: str
    title: Any  # a lazy translated string
    labels: Labeller | None = None


@dataclass(frozen=True)
class SearchFacetsPart:
    """What an entry type adds to search: facets only its entries have, and text they hold
    beyond the shared fields (an API's authentication, pricing and rate limits)."""

    facets: tuple[FacetDefinition, ...]
    text: tuple[TextDefinition, ...] = ()


def _type_codes() -> list[str]:
    return [spec.key for spec in entry_types]


SHARED_FACETS = (
    FacetDefinition(Facet.TYPE.value, _("Type"), codes=_type_codes),
    FacetDefinition(Facet.ORGANISATION.value, _("Organisation"), size=1000),
    FacetDefinition(Facet.ORGANISATION_KIND.value, _("Kind of organisation")),
    FacetDefinition(Facet.THEME.value, _("Theme")),
    FacetDefinition(Facet.LICENCE.value, _("Licence")),
    FacetDefinition(Facet.FORMAT.value, _("Format")),
    FacetDefinition(Facet.COUNTRY.value, _("Country")),
    FacetDefinition(Facet.LANGUAGE.value, _("Language")),
)


def all_facets() -> dict[str, FacetDefinition]:
    """Every facet by name, shared ones first, then each type's in the registry's order."""
    return entry_types.derived(_collect_facets)


def _collect_facets() -> dict[str, FacetDefinition]:
    """Each type's facets joined to the shared ones.

    Two types may offer the same facet (the same column, or both a timeline); a facet that
    means different things under one name is a configuration error.
    """
    facets = {definition.name: definition for definition in SHARED_FACETS}
    owners: dict[str, list[str]] = {}
    for type_key, part in entry_types.parts(SearchFacetsPart).items():
        for definition in part.facets:
            known = facets.get(definition.name)
            if known is not None and (
                known.shared
                or (known.column, known.timeline) != (definition.column, definition.timeline)
            ):
                raise ImproperlyConfigured(
                    f"Entry type '{type_key}' declares the search facet '{definition.name}',"
                    " which another facet already names with another meaning."
                )
            facets.setdefault(definition.name, definition)
            owners.setdefault(definition.name, []).append(type_key)
    for name, keys in owners.items():
        facets[name] = _with_types(facets[name], tuple(keys))
    return facets


def _with_types(definition: FacetDefinition, keys: tuple[str, ...]) -> FacetDefinition:
    return FacetDefinition(**{**definition.__dict__, "entry_types": keys})


def facet_names() -> tuple[str, ...]:
    return tuple(all_facets())


def facet_definition(name: str) -> FacetDefinition:
    return all_facets()[name]


def stored_facets() -> tuple[FacetDefinition, ...]:
    """Facets whose values are facts of the entry, indexed as they are (not timelines)."""
    return tuple(d for d in all_facets().values() if not d.timeline)


def timeline_facets() -> tuple[FacetDefinition, ...]:
    return tuple(d for d in all_facets().values() if d.timeline)


def column_facets_by_type() -> dict[str, tuple[FacetDefinition, ...]]:
    """For each entry type, its column facets: what indexing reads for its entries."""
    return entry_types.derived(_column_facets_by_type)


def _column_facets_by_type() -> dict[str, tuple[FacetDefinition, ...]]:
    by_type: dict[str, list[FacetDefinition]] = {}
    for definition in stored_facets():
        for key in definition.entry_types:
            by_type.setdefault(key, []).append(definition)
    return {key: tuple(values) for key, values in by_type.items()}


def facet_columns() -> tuple[str, ...]:
    """The ``Entry`` lookups the type facets read, each once."""
    return tuple(dict.fromkeys(d.column for d in stored_facets() if d.column))


def text_by_type() -> dict[str, tuple[TextDefinition, ...]]:
    """For each entry type, the columns it adds to the searched text."""
    return entry_types.derived(_text_by_type)


def _text_by_type() -> dict[str, tuple[TextDefinition, ...]]:
    parts = entry_types.parts(SearchFacetsPart)
    return {key: part.text for key, part in parts.items() if part.text}


def type_columns() -> tuple[str, ...]:
    """Every ``Entry`` lookup indexing reads beyond the shared ones: facets', then text's."""
    return entry_types.derived(_type_columns)


def _type_columns() -> tuple[str, ...]:
    text = [d.column for parts in text_by_type().values() for d in parts]
    return tuple(dict.fromkeys([*facet_columns(), *text]))


def type_text(entry_type: str, columns: dict[str, Any]) -> str:
    """The searched text of a type's own columns: "Pricing: Free tier with limits. ..."."""
    parts = []
    with translation.override(settings.LANGUAGE_CODE):  # one language, whoever saved it
        for definition in text_by_type().get(entry_type, ()):
            parts.extend(_text_part(definition, columns))
    return " ".join(parts)


def _text_part(definition: TextDefinition, columns: dict[str, Any]) -> list[str]:
    value = columns.get(definition.column)
    if value in (None, ""):
        return []
    text = definition.labels([str(value)])[str(value)] if definition.labels else str(value)
    return [f"{definition.title}: {text}."]


def column_condition(definition: FacetDefinition, values: Sequence[str]) -> Q:
    """A type facet as an ORM condition: the same entries the index gives the values to."""
    return Q(entry_type__in=definition.entry_types, **{f"{definition.column}__in": list(values)})


class ChoiceLabels:
    """Labels from a Django ``TextChoices`` class (read when asked, so in the active language);
    its codes are the facet's closed list of values."""

    def __init__(self, choices: Any) -> None:
        self.choices = choices

    def __call__(self, values: Sequence[str]) -> dict[str, str]:
        known = {c.value: str(c.label) for c in self.choices}
        return {v: known.get(v, v) for v in values}

    def codes(self) -> list[str]:
        return [str(c.value) for c in self.choices]


def choice_labels(choices: Any) -> Labeller:
    return ChoiceLabels(choices)
