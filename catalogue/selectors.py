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
from typing import Any

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from search.service import related_entries

from .models import (
    ENTRY_TYPE_PATHS,
    PROXY_BY_TYPE,
    Distribution,
    Entry,
    EntryType,
    Organisation,
    OrganisationKind,
    Partnership,
    Theme,
    ThemeScheme,
)

LISTING_ORDER = ("-modified", "-id")
HOME_NEWEST_COUNT = 6
HOME_CLOSING_COUNT = 4
HOME_FEATURED_COUNT = 8
SECTION_PREVIEW_COUNT = 10
PARTNER_ROLES_LIMIT = 100

PUBLISHED = Q(live=True, withdrawn_at__isnull=True)


def entry_type_plural(entry_type: str) -> str:
    """The plural label of a type, as the navigation names it."""
    from django.utils.translation import gettext_lazy as _

    return {
        EntryType.DATASET: _("Datasets"),
        EntryType.API: _("APIs"),
        EntryType.PPP: _("PPP projects"),
        EntryType.CHALLENGE: _("Challenges"),
    }[EntryType(entry_type)]


def entry_type_sections(counts: dict[str, int]) -> list[dict[str, Any]]:
    """One row per entry type, in the navigation's order, with its count and listing URL."""
    return [
        {
            "entry_type": entry_type.value,
            "label": entry_type_plural(entry_type),
            "count": counts.get(entry_type.value, 0),
            "url": f"/{ENTRY_TYPE_PATHS[entry_type]}/",
        }
        for entry_type in EntryType
    ]


def _counts_by_type(queryset: QuerySet[Entry]) -> dict[str, int]:
    """Entries per type; the queryset must not join to-many relations (rows would repeat)."""
    rows = queryset.order_by().values("entry_type").annotate(n=Count("id"))
    return {row["entry_type"]: row["n"] for row in rows}


def _newest_of_each_type(queryset: QuerySet[Entry], *, limit: int) -> list[Entry]:
    """The newest entries across types: one index scan per type, merged here.

    Ordering all public entries by date would sort the whole table; each type's newest few
    come straight from the partial index ``entry_public_type_idx``.
    """
    candidates: list[Entry] = []
    for entry_type in EntryType:
        candidates += entry_cards(queryset.of_type(entry_type))[:limit]
    candidates.sort(key=lambda e: (e.modified is not None, e.modified, e.pk), reverse=True)
    return candidates[:limit]


# --- listings --------------------------------------------------------------------------------


def entry_list(*, entry_type: str) -> QuerySet[Entry]:
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
    if entry_type == EntryType.DATASET:
        queryset = queryset.prefetch_related(
            Prefetch(
                "distributions",
                queryset=Distribution.objects.only("id", "entry_id", "format", "sort_order"),
            )
        )
    return queryset


def entry_cards(queryset: QuerySet[Entry]) -> QuerySet[Entry]:
    """The links an entry card needs, for lists outside the per-type listings."""
    return queryset.select_related("publisher", "project_status").order_by(*LISTING_ORDER)


# --- home --------------------------------------------------------------------------------


def home_context() -> dict[str, Any]:
    """The living catalogue on the home page: counts, newest, closing soon, organisations."""
    published = Entry.objects.published()
    now = timezone.now()
    closing = (
        published.of_type(EntryType.CHALLENGE)
        .filter(closes_at__gt=now)
        .filter(Q(opens_at__isnull=True) | Q(opens_at__lte=now))
        .select_related("publisher")
        .order_by("closes_at", "id")[:HOME_CLOSING_COUNT]
    )
    return {
        "type_sections": entry_type_sections(_counts_by_type(published)),
        "newest_entries": _newest_of_each_type(published, limit=HOME_NEWEST_COUNT),
        "closing_challenges": list(closing),
        "featured_organisations": organisation_featured(),
    }


def organisation_featured() -> list[Organisation]:
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
    """The published entry at ``/<type path>/<slug>/``, or None (drafts and withdrawn too)."""
    return (
        Entry.objects.published()
        .of_type(entry_type)
        .select_related(
            "publisher",
            "publisher__country",
            "licence",
            "project_status",
            "public_authority",
            "in_series",
        )
        .filter(slug=slug)
        .first()
    )


def _published_among(related: Iterable[Entry], *, entry_type: str | None = None) -> list[Entry]:
    """The published entries among a relation's targets (in memory in a preview)."""
    ids = [item.pk for item in related if item.pk]
    if not ids:
        return []
    queryset = entry_cards(Entry.objects.published().filter(pk__in=ids))
    if entry_type:
        queryset = queryset.of_type(entry_type)
    return list(queryset)


def _published_reverse(entry: Entry, relation: str) -> list[Entry]:
    """Published entries pointing at this one (an entry not yet saved has none)."""
    if not entry.pk:
        return []
    return list(entry_cards(Entry.objects.published().filter(**{relation: entry.pk})))


def entry_detail_context(*, entry: Entry, preview: bool = False) -> dict[str, Any]:
    """Everything a detail page shows; also the context of the admin's preview.

    In a preview the entry comes from a revision: its parts and many-to-many links live in
    memory (modelcluster), so they are read through the relation managers, never re-queried
    from the database by the entry's id.
    """
    if not entry.entry_type:  # a new entry previewed before its first save
        entry.entry_type = next(
            (t for t, proxy in PROXY_BY_TYPE.items() if isinstance(entry, proxy)), EntryType.DATASET
        )
    entry_type = entry.entry_type
    context: dict[str, Any] = {
        "entry": entry,
        "preview": preview,
        "type_label": entry.get_entry_type_display(),
        "type_plural": entry_type_plural(entry_type),
        "listing_url": f"/{ENTRY_TYPE_PATHS[EntryType(entry_type)]}/",
        "themes": list(entry.themes.all()),
        "countries": list(entry.countries.all()),
        "languages": list(entry.languages.all()),
        "quality_fixes": (entry.quality_report or {}).get("fixes", []),
        "provenance_records": _provenance_records(entry),
        "similar_entries": [] if preview or not entry.pk else related_entries(entry.pk),
    }
    if entry_type == EntryType.DATASET:
        context.update(_dataset_context(entry))
    elif entry_type == EntryType.API:
        context.update(_api_context(entry))
    elif entry_type == EntryType.PPP:
        context.update(_ppp_context(entry))
    elif entry_type == EntryType.CHALLENGE:
        context.update(_challenge_context(entry))
    return context


def _provenance_records(entry: Entry) -> list[Any]:
    """The harvest sources that still list this entry (one dataset may come from two).

    Read through the reverse relation the harvesters app adds, so the catalogue does not
    import the harvesters package.
    """
    if not entry.pk or not hasattr(entry, "harvest_records"):
        return []
    records = entry.harvest_records.filter(gone=False).select_related("source")
    return list(records.order_by("source__name")[:10])


def _dataset_context(entry: Entry) -> dict[str, Any]:
    series = entry.in_series if entry.in_series_id else None
    if series is not None and not (series.live and series.withdrawn_at is None):
        series = None
    return {
        "distributions": list(entry.distributions.select_related("licence").all()),
        "series": series,
        "series_members": _published_reverse(entry, "in_series"),
        "served_by": _published_reverse(entry, "serves_datasets"),
        "offered_in_challenges": _published_reverse(entry, "offered_resources"),
        "used_by_projects": _published_reverse(entry, "related_datasets"),
    }


def _api_context(entry: Entry) -> dict[str, Any]:
    return {
        "datasets_served": _published_among(entry.serves_datasets.all()),
        "offered_in_challenges": _published_reverse(entry, "offered_resources"),
    }


def _ppp_context(entry: Entry) -> dict[str, Any]:
    return {
        "partnerships": list(entry.partnerships.select_related("organisation").all()),
        "milestones": list(entry.milestones.all()),
        "risks": list(entry.risks.all()),
        "documents": list(entry.documents.all()),
        "related_datasets": _published_among(entry.related_datasets.all()),
    }


def _challenge_context(entry: Entry) -> dict[str, Any]:
    offered = _published_among(entry.offered_resources.all())
    criteria = list(entry.criteria.all())
    status = entry.challenge_status()
    return {
        "challenge_status": status,
        "partnerships": list(entry.partnerships.select_related("organisation").all()),
        "prizes": list(entry.prizes.all()),
        "criteria": criteria,
        "criteria_total": sum(c.weight for c in criteria),
        "phases": list(entry.phases.all()),
        "winners": list(entry.winners.select_related("organisation").all()),
        "documents": list(entry.documents.all()),
        "offered_datasets": [e for e in offered if e.entry_type == EntryType.DATASET],
        "offered_apis": [e for e in offered if e.entry_type == EntryType.API],
    }


# --- organisations -------------------------------------------------------------------------


def _with_entry_counts(queryset: QuerySet[Organisation]) -> QuerySet[Organisation]:
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


def organisation_list(*, kind: str | None = None) -> QuerySet[Organisation]:
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
    queryset: QuerySet[Entry], counts: dict[str, int] | None = None
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
        .filter(entry__live=True, entry__withdrawn_at__isnull=True)
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
        entry_count=Count(
            "entries", filter=Q(entries__live=True, entries__withdrawn_at__isnull=True)
        )
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
