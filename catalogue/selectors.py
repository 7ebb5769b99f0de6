"""Read queries of the public site: every page's data comes from one of these functions.

Views stay thin and never build querysets themselves, so the number of queries a page makes is
decided here, in one place, and tested (tests/catalogue/test_listing_queries.py). Listings
fetch a page of entries with a fixed number of queries (``select_related`` for the single
links, ``prefetch_related`` for the many), whatever the number of entries.

What the public sees is ``Entry.objects.published()``: a related entry that is a draft or
withdrawn is never linked, even from a published page.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypedDict

from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse

from search.service import related_entries

from .models import (
    Entry,
    EntryQuerySet,
    Organisation,
    OrganisationKind,
    Partnership,
    Theme,
    ThemeScheme,
    published_condition,
)
from .quality import assess_quality
from .registry import entry_types

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class _EntryCount(TypedDict):
    entry_count: int


LISTING_ORDER = ("-modified", "-id")
HOME_NEWEST_COUNT = 6
HOME_FEATURED_COUNT = 8
SECTION_PREVIEW_COUNT = 10
PARTNER_ROLES_LIMIT = 100

PUBLISHED = published_condition()


def entry_type_sections(counts: dict[str, int]) -> list[dict[str, Any]]:
    """One row per entry type, in the navigation's order, with its count and listing URL."""
    return [
        {
            "entry_type": spec.key,
            "label": spec.label_plural,
            "count": counts.get(spec.key, 0),
            "url": reverse(spec.list_url_name),
        }
        for spec in entry_types
    ]


def _counts_by_type(queryset: EntryQuerySet) -> dict[str, int]:
    """Entries per type; the queryset must not join to-many relations (rows would repeat)."""
    rows = queryset.order_by().values("entry_type").annotate(n=Count("id"))
    return {row["entry_type"]: row["n"] for row in rows}


def _newest_of_each_type(queryset: EntryQuerySet, *, limit: int) -> list[Entry]:
    """The newest entries across types: one index scan per type, merged here.

    Ordering all public entries by date would sort the whole table; each type's newest few
    come straight from the partial index ``entry_public_type_idx``.
    """
    candidates: list[Entry] = []
    for spec in entry_types:
        candidates += entry_cards(queryset.of_type(spec.key))[:limit]
    candidates.sort(key=lambda e: (e.modified is not None, e.modified, e.pk), reverse=True)
    return candidates[:limit]


# --- listings --------------------------------------------------------------------------------


def entry_list(*, entry_type: str) -> EntryQuerySet:
    """Published entries of one type, newest first, with what a listing card shows.

    The queryset is lazy: the paginator slices it, so the prefetches run for one page only.
    """
    queryset = (
        Entry.objects.published()
        .of_type(entry_type)
        .select_related("publisher", "licence", "project_status")
        .prefetch_related("themes")
        .order_by(*LISTING_ORDER)
    )
    prefetches = entry_types.get(entry_type).listing_prefetches
    return queryset.prefetch_related(*prefetches) if prefetches else queryset


def entry_cards(queryset: EntryQuerySet) -> EntryQuerySet:
    """The links an entry card needs, for lists outside the per-type listings."""
    return queryset.select_related("publisher", "project_status").order_by(*LISTING_ORDER)


# --- home --------------------------------------------------------------------------------


def home_context() -> dict[str, Any]:
    """The living catalogue on the home page: counts, newest, closing soon, organisations."""
    published = Entry.objects.published()
    context: dict[str, Any] = {
        "type_sections": entry_type_sections(_counts_by_type(published)),
        "newest_entries": _newest_of_each_type(published, limit=HOME_NEWEST_COUNT),
        "featured_organisations": organisation_featured(),
        "home_sections": [],
    }
    for spec in entry_types:  # a type's own section on the home page (challenges closing soon)
        if spec.home_section is not None:
            context["home_sections"].append(spec.home_section(published.of_type(spec.key)))
    return context


def organisation_featured() -> list[WithAnnotations[Organisation, _EntryCount]]:
    """Featured organisations; without any, the ones that publish the most."""
    annotated = _with_entry_counts(Organisation.objects.all())
    featured = list(annotated.filter(featured=True).order_by("name")[:HOME_FEATURED_COUNT])
    if featured:
        return featured
    return list(
        annotated.filter(entry_count__gt=0).order_by("-entry_count", "name")[:HOME_FEATURED_COUNT]
    )


# --- detail ----------------------------------------------------------------------------------


def entry_get_published(*, entry_type: str, slug: str) -> Entry | None:
    """The published entry at ``/<type path>/<slug>/``, or None (drafts and withdrawn too).

    Read through the type's own model, so a type with a table of its own gets its fields.
    """
    spec = entry_types.get(entry_type)
    return (
        spec.model.objects.published()
        .of_type(entry_type)
        .select_related("publisher", "publisher__country", "licence", *spec.detail_select)
        .filter(slug=slug)
        .first()
    )


def published_among(related: Iterable[Entry]) -> list[Entry]:
    """The published entries among a relation's targets (in memory in a preview)."""
    ids = [item.pk for item in related if item.pk]
    if not ids:
        return []
    return list(entry_cards(Entry.objects.published().filter(pk__in=ids)))


def published_reverse(entry: Entry, relation: str) -> list[Entry]:
    """Published entries pointing at this one (an entry not yet saved has none)."""
    if not entry.pk:
        return []
    return list(entry_cards(Entry.objects.published().filter(**{relation: entry.pk})))


def entry_detail_context(*, entry: Entry, preview: bool = False) -> dict[str, Any]:
    """Everything a detail page shows; also the context of the admin's preview.

    In a preview the entry comes from a revision: its parts and many-to-many links live in
    memory (modelcluster), so they are read through the relation managers, never re-queried
    from the database by the entry's id. The type adds its own part of the context.
    """
    if not entry.entry_type:  # a new entry previewed before its first save
        entry.entry_type = type(entry).entry_type_key
    spec = entry_types.get(entry.entry_type)
    if preview:
        # The stored score is the live entry's (or 0 for a new one): score what is previewed.
        distributions = list(entry.distributions.all())
        entry.quality_score, entry.quality_report = assess_quality(entry, distributions)
    context: dict[str, Any] = {
        "entry": entry,
        "preview": preview,
        "type_label": spec.label,
        "type_plural": spec.label_plural,
        "listing_url": reverse(spec.list_url_name),
        "themes": list(entry.themes.all()),
        "countries": list(entry.countries.all()),
        "languages": list(entry.languages.all()),
        "quality_fixes": (entry.quality_report or {}).get("fixes", []),
        "provenance_records": _provenance_records(entry),
        "similar_entries": [] if preview or not entry.pk else related_entries(entry.pk),
    }
    context["detail_sections"] = [
        section for hook in detail_section_hooks() for section in hook(entry, preview=preview)
    ]
    if spec.detail_context is not None:
        context.update(spec.detail_context(entry))
    return context


def detail_section_hooks() -> list[Any]:
    """Sections other apps add to detail pages: ``entry_detail_sections`` Wagtail hooks.

    A hook takes ``(entry, preview=...)`` and returns a list of dicts, each with the
    ``template`` that renders it (another type's "Reused in" list on a dataset, say).
    """
    from wagtail import hooks

    return list(hooks.get_hooks("entry_detail_sections"))


def _provenance_records(entry: Entry) -> list[Any]:
    """The harvest sources that still list this entry (one dataset may come from two).

    Read through the reverse relation the harvesters app adds, so the catalogue does not
    import the harvesters package.
    """
    if not entry.pk or not hasattr(entry, "harvest_records"):
        return []
    records = entry.harvest_records.filter(gone=False).select_related("source")
    return list(records.order_by("source__name")[:10])


# --- organisations -------------------------------------------------------------------------


def _with_entry_counts(
    queryset: QuerySet[Organisation],
) -> QuerySet[WithAnnotations[Organisation, _EntryCount]]:
    """Annotate ``entry_count``: the entries each organisation publishes.

    A correlated count per organisation reads the partial index of public entries by
    publisher; a join with GROUP BY would read every entry row.
    """
    published_by = (
        Entry.objects.filter(PUBLISHED, publisher=OuterRef("pk"))
        .order_by()
        .values("publisher")
        .annotate(n=Count("id"))
        .values("n")[:1]
    )
    return queryset.annotate(entry_count=Coalesce(Subquery(published_by), 0))


def organisation_list(
    *, kind: str | None = None
) -> QuerySet[WithAnnotations[Organisation, _EntryCount]]:
    """Organisations grouped by kind (then name), each with its count of published entries."""
    queryset = Organisation.objects.select_related("country")
    if kind:
        queryset = queryset.filter(kind=kind)
    return _with_entry_counts(queryset).order_by("kind", "name")


def organisation_kind_counts() -> list[dict[str, Any]]:
    rows = Organisation.objects.order_by().values("kind").annotate(n=Count("id"))
    counts = {row["kind"]: row["n"] for row in rows}
    return [
        {"value": kind.value, "label": kind.label, "count": counts.get(kind.value, 0)}
        for kind in OrganisationKind
    ]


def _sections(
    queryset: EntryQuerySet, counts: dict[str, int] | None = None
) -> list[dict[str, Any]]:
    """Per entry type: the count and the newest few, skipping types with nothing."""
    sections = []
    for section in entry_type_sections(_counts_by_type(queryset) if counts is None else counts):
        if section["count"]:
            entries = entry_cards(queryset.of_type(section["entry_type"]))
            section["entries"] = list(entries[:SECTION_PREVIEW_COUNT])
            sections.append(section)
    return sections


def organisation_get(*, slug: str) -> Organisation | None:
    return Organisation.objects.select_related("country", "parent").filter(slug=slug).first()


def organisation_detail_context(*, organisation: Organisation) -> dict[str, Any]:
    """All an organisation publishes, and every project or challenge it takes part in."""
    published = Entry.objects.published()
    publishes = published.filter(publisher=organisation)
    # Entries it takes part in without publishing them: disjoint from ``publishes``, so the
    # two counts add up. The ids come from two single-index lookups (partners, authority);
    # one query with an OR across a join lets SQLite's planner pick an index that reads
    # every entry.
    authority_ids = set(
        Entry.objects.filter(public_authority=organisation).values_list("id", flat=True)
    )
    partner_ids = set(
        Partnership.objects.filter(organisation=organisation).values_list("entry_id", flat=True)
    )
    takes_part = published.filter(pk__in=authority_ids | partner_ids).exclude(
        publisher=organisation
    )
    partnerships = list(
        Partnership.objects.filter(organisation=organisation)
        .filter(published_condition("entry__"))
        .select_related("entry", "entry__publisher")
        .order_by("-entry__modified", "entry_id")[:PARTNER_ROLES_LIMIT]
    )
    authority_for = list(entry_cards(published.filter(pk__in=authority_ids))[:PARTNER_ROLES_LIMIT])
    published_counts = _counts_by_type(publishes)
    counts = dict(published_counts)
    for entry_type, n in _counts_by_type(takes_part).items():
        counts[entry_type] = counts.get(entry_type, 0) + n
    return {
        "organisation": organisation,
        "children": list(organisation.children.order_by("name")),
        "type_counts": entry_type_sections(counts),
        "total_count": sum(counts.values()),
        "published_sections": _sections(publishes, published_counts),
        "partnerships": partnerships,
        "authority_for": authority_for,
    }


# --- themes ----------------------------------------------------------------------------------


def theme_list() -> dict[str, list[Theme]]:
    """EU data themes and UN SDGs, apart, each with its count of published entries."""
    themes = Theme.objects.annotate(
        entry_count=Count("entries", filter=published_condition("entries__"))
    ).order_by("scheme", "id")
    grouped: dict[str, list[Theme]] = {ThemeScheme.EU_DATA_THEME: [], ThemeScheme.UN_SDG: []}
    for theme in themes:
        grouped.setdefault(theme.scheme, []).append(theme)
    return {"eu_themes": grouped[ThemeScheme.EU_DATA_THEME], "sdgs": grouped[ThemeScheme.UN_SDG]}


def theme_get(*, slug: str) -> Theme | None:
    return Theme.objects.filter(slug=slug).first()


def theme_detail_context(*, theme: Theme) -> dict[str, Any]:
    entries = Entry.objects.published().filter(themes=theme)
    sections = _sections(entries)
    return {
        "theme": theme,
        "sections": sections,
        "total_count": sum(section["count"] for section in sections),
    }
