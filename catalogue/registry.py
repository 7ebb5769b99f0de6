"""The entry-type registry: the one place that knows which kinds of entry exist.

Every layer (public pages, admin, search, the standard interfaces, the demo) asks this registry
instead of keeping its own per-type dict or ``if``/``elif``: a new kind of entry is one package
in ``entrytypes/`` that registers an :class:`EntryTypeSpec` and, for each layer it takes part
in, a *part*. A layer defines the interface of its part (a Protocol or base class in its own
package) and reads parts with :meth:`EntryTypeRegistry.part`, keyed by that interface, so
``catalogue`` never imports the layers above it. See docs/extending.md and ADR 0020.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from django.apps import AppConfig
from django.db.models import Prefetch, QuerySet
from django.urls import reverse

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise

    from .models.entries import Entry

P = TypeVar("P")
T = TypeVar("T")


@dataclass(frozen=True)
class EntryTypeSpec:
    """What the content model and the public pages need to know about one entry type."""

    key: str  # stored in ``Entry.entry_type``; also the search facet value and URL name prefix
    path: str  # URL segment: ``/<path>/`` lists, ``/<path>/<slug>/`` shows one
    label: _StrOrPromise
    label_plural: _StrOrPromise
    model: type[Entry]
    intro: _StrOrPromise = ""  # the lede of the type's listing page
    order: int = 100  # position in the navigation and on the home page
    listing_prefetches: tuple[str | Prefetch[Any], ...] = ()
    detail_select: tuple[str, ...] = ()
    detail_context: Callable[[Entry], dict[str, Any]] | None = None
    # A section of the home page (challenges closing soon): published entries of the type in,
    # a context with the ``template`` that renders it out.
    home_section: Callable[[QuerySet[Entry]], dict[str, Any]] | None = None
    card_template: str = ""  # type-specific facts on an entry card, if any
    # The entry follows the opens / closes / judging dates: it has a challenge status (a
    # search facet, derived by ``catalogue.models.challenge_status_at``).
    has_timeline: bool = False
    # Harvesters may create and update entries of this type (harvesters/loader.py), and a
    # harvest's list of distributions replaces the stored one even when it is empty.
    harvestable: bool = False
    has_distributions: bool = False
    # Metadata-quality checks this type answers its own way (catalogue/quality.py): check
    # name -> predicate over the entry and its distributions.
    quality_rules: dict[str, Callable[[Entry, list[Any]], bool]] = field(default_factory=dict)
    admin_viewset: type[Any] | None = None  # the type's Wagtail snippet viewset

    @property
    def detail_template(self) -> str:
        return f"catalogue/{self.key}_detail.html"

    @property
    def list_url_name(self) -> str:
        return f"catalogue:{self.key}_list"

    @property
    def detail_url_name(self) -> str:
        return f"catalogue:{self.key}_detail"


class UnknownEntryType(LookupError):
    """An entry type (or URL segment) that no package registered."""


class EntryTypeRegistry:
    def __init__(self) -> None:
        self._specs: dict[str, EntryTypeSpec] = {}
        self._parts: dict[tuple[type[Any], str], Any] = {}
        # Read on every request and every harvested record, written only at start-up: the
        # ordered specs and each layer's parts are kept, and dropped when anything registers.
        self._ordered: list[EntryTypeSpec] | None = None
        self._parts_by_layer: dict[type[Any], dict[str, Any]] = {}
        self._derived: dict[Callable[[], Any], Any] = {}

    def register(self, spec: EntryTypeSpec) -> None:
        existing = self._specs.get(spec.key)
        if existing is not None and existing != spec:
            raise ValueError(f"Entry type {spec.key!r} is registered twice.")
        if any(s.path == spec.path and s.key != spec.key for s in self._specs.values()):
            raise ValueError(f"URL path {spec.path!r} is taken by another entry type.")
        self._specs[spec.key] = spec
        self._forget()

    def add_part(self, key: str, interface: type[P], part: P) -> None:
        """Register what entry type ``key`` brings to the layer that defines ``interface``."""
        self._parts[(interface, key)] = part
        self._forget()

    def _forget(self) -> None:
        self._ordered = None
        self._parts_by_layer.clear()
        self._derived.clear()

    # --- reading ---------------------------------------------------------------------------
    def derived(self, build: Callable[[], T]) -> T:
        """What a layer computes from the registry (say, every search facet), built once and
        kept until anything registers again."""
        if build not in self._derived:
            self._derived[build] = build()
        value: T = self._derived[build]
        return value

    def __iter__(self) -> Iterator[EntryTypeSpec]:
        if self._ordered is None:
            self._ordered = sorted(self._specs.values(), key=lambda s: (s.order, s.key))
        return iter(self._ordered)

    def __contains__(self, key: object) -> bool:
        return key in self._specs

    def get(self, key: str) -> EntryTypeSpec:
        try:
            return self._specs[key]
        except KeyError:
            raise UnknownEntryType(key) from None

    def by_path(self, path: str) -> EntryTypeSpec | None:
        return next((s for s in self._specs.values() if s.path == path), None)

    def choices(self) -> list[tuple[str, _StrOrPromise]]:
        return [(spec.key, spec.label) for spec in self]

    def type_of_model(self, model: type[Any]) -> str | None:
        return next((s.key for s in self._specs.values() if s.model is model), None)

    def part(self, key: str, interface: type[P]) -> P | None:
        """The part entry type ``key`` registered for a layer, or None if it takes no part."""
        part: P | None = self._parts.get((interface, key))
        return part

    def parts(self, interface: type[P]) -> dict[str, P]:
        """Every registered part of a layer, by entry type, in the registry's order (shared:
        read it, do not change it)."""
        if interface not in self._parts_by_layer:
            self._parts_by_layer[interface] = {
                spec.key: self._parts[(interface, spec.key)]
                for spec in self
                if (interface, spec.key) in self._parts
            }
        parts: dict[str, P] = self._parts_by_layer[interface]
        return parts


entry_types = EntryTypeRegistry()


def entry_type_choices() -> list[tuple[str, _StrOrPromise]]:
    """``Entry.entry_type``'s choices, read when a form or check needs them (not at import)."""
    return entry_types.choices()


class EntryTypeAppConfig(AppConfig):
    """The app of one entry type: on start-up it imports each of its modules, which register.

    An ``apps.py`` imports this module, not the class, so that the class is not a second
    AppConfig in its namespace (Django would then fall back to a plain AppConfig).

    Every module of the package except ``apps``, ``models``, ``migrations``, ``tests`` and
    ``wagtail_hooks`` (Wagtail imports that itself) is imported, so a part is added by adding
    a module; nothing else lists them.
    """

    default_auto_field = "django.db.models.BigAutoField"
    skipped_modules = frozenset({"apps", "models", "migrations", "tests", "wagtail_hooks"})

    def ready(self) -> None:
        package = importlib.import_module(self.name)
        for module in pkgutil.iter_modules(package.__path__):
            if module.name not in self.skipped_modules:
                importlib.import_module(f"{self.name}.{module.name}")


def entry_url(entry_type: str, slug: str) -> str:
    """The public page of an entry, from its type and slug (rows read with ``values()``)."""
    return reverse(entry_types.get(entry_type).detail_url_name, args=[slug])
