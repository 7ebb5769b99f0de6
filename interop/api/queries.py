"""Read queries of the API: what the public may see, loaded in a fixed number of queries.

Every listing selects its foreign keys and prefetches its many-to-many and child rows, so
the number of queries does not grow with the page size (tests assert it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, F, Max, Q, QuerySet

from catalogue.models import Entry, Organisation, Partnership, Theme, published_condition
from search.query import Facet, SearchQuery
from search.service import count_facets

from .parts import api_part

LAST_CHANGE_CACHE_KEY = "api:catalogue-last-change"
PUBLISHED = published_condition()


def catalogue_last_change() -> dt.datetime | None:
    """When any entry last changed (published or not), reused for a few seconds.

    Lists and facets change when an entry is added, edited, unpublished or withdrawn; each of
    those saves the entry, so the newest ``updated_at`` of the whole table bounds them. The
    table-wide aggregate costs a scan, so a worker reuses it for
    ``API_LAST_MODIFIED_CACHE_SECONDS`` (well inside the responses' own ``max-age``).
    """
    seconds = getattr(settings, "API_LAST_MODIFIED_CACHE_SECONDS", 5)
    cached = cache.get(LAST_CHANGE_CACHE_KEY) if seconds > 0 else None
    if cached is not None:
        return cached or None  # "" caches "no entries yet"
    # Withdrawal is a bulk update that leaves updated_at alone, so its time counts too.
    moments = Entry.objects.aggregate(edited=Max("updated_at"), withdrawn=Max("withdrawn_at"))
    value = latest(moments["edited"], moments["withdrawn"])
    if seconds > 0:
        cache.set(LAST_CHANGE_CACHE_KEY, value or "", timeout=seconds)
    return value


def latest(*moments: dt.datetime | None) -> dt.datetime | None:
    present = [m for m in moments if m is not None]
    return max(present) if present else None


def public_entries() -> QuerySet[Entry]:
    return Entry.objects.filter(PUBLISHED).only(
        "id", "entry_type", "slug", "title", "live", "withdrawn_at"
    )


def entry_list_queryset(
    *,
    entry_type: str,
    organisations: Sequence[str] = (),
    themes: Sequence[str] = (),
    licences: Sequence[str] = (),
    countries: Sequence[str] = (),
    modified_since: dt.datetime | None = None,
) -> QuerySet[Entry]:
    """Published entries of one type, filtered; unknown filter values match nothing."""
    qs = Entry.objects.filter(PUBLISHED, entry_type=entry_type)
    if organisations:
        qs = qs.filter(
            Q(publisher__slug__in=organisations)
            | Q(public_authority__slug__in=organisations)
            | Q(
                pk__in=Partnership.objects.filter(organisation__slug__in=organisations).values(
                    "entry_id"
                )
            )
        )
    if themes:
        theme_ids = Theme.objects.filter(Q(slug__in=themes) | Q(code__in=themes)).values("pk")
        qs = qs.filter(
            pk__in=Entry.themes.through.objects.filter(theme_id__in=theme_ids).values("entry_id")
        )
    if licences:
        qs = qs.filter(licence__spdx_id__in=licences)
    if countries:
        codes = [c.upper() for c in countries]
        qs = qs.filter(
            pk__in=Entry.countries.through.objects.filter(country__code__in=codes).values(
                "entry_id"
            )
        )
    if modified_since is not None:
        qs = qs.filter(modified__gte=modified_since)
    return qs


def with_summary_relations(qs: QuerySet[Entry], entry_type: str) -> QuerySet[Entry]:
    qs = qs.select_related("publisher", "licence").prefetch_related("themes", "countries")
    return api_part(entry_type).summary_relations(qs)


def ordered(qs: QuerySet[Entry]) -> QuerySet[Entry]:
    return qs.order_by(F("modified").desc(nulls_last=True), "-pk")


def entry_detail_queryset(entry_type: str) -> QuerySet[Entry]:
    """One published entry with everything its type shows, in a fixed number of queries."""
    qs = (
        Entry.objects.filter(PUBLISHED, entry_type=entry_type)
        .select_related("publisher", "licence")
        .prefetch_related("themes", "countries", "languages", "documents")
    )
    return api_part(entry_type).detail_relations(qs)


def organisation_queryset(
    *, kinds: Sequence[str] = (), countries: Sequence[str] = ()
) -> QuerySet[Organisation]:
    qs = Organisation.objects.select_related("country").annotate(
        entry_count=Count(
            "published_entries",
            filter=published_condition("published_entries__"),
        )
    )
    if kinds:
        qs = qs.filter(kind__in=kinds)
    if countries:
        qs = qs.filter(country__code__in=[c.upper() for c in countries])
    return qs.order_by("name", "pk")


def organisation_counts(org: Organisation) -> dict[str, int]:
    """Published entries per type that the organisation publishes, partners in or oversees."""
    involved = (
        Q(publisher=org)
        | Q(public_authority=org)
        | Q(pk__in=Partnership.objects.filter(organisation=org).values("entry_id"))
    )
    rows = (
        Entry.objects.filter(PUBLISHED)
        .filter(involved)
        .values("entry_type")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["entry_type"]: row["n"] for row in rows}


def theme_queryset(*, schemes: Sequence[str] = ()) -> QuerySet[Theme]:
    qs = Theme.objects.all()
    if schemes:
        qs = qs.filter(scheme__in=schemes)
    return qs.order_by("scheme", "code")


def theme_entry_counts() -> dict[str, int]:
    """Published entries per theme slug, read from the search index's facet counts.

    Counting the theme links of every published entry in SQL costs a join over the whole
    catalogue on each request (about 170 ms at 20,000 entries); the index already keeps those
    counts (bitmaps in the database backend, a cached aggregation in Elasticsearch), so this
    is a facet lookup. Themes no published entry has are absent (their count is 0).
    """
    return count_facets(SearchQuery(), [Facet.THEME])[Facet.THEME]


def theme_counts(theme: Theme) -> tuple[int, dict[str, int]]:
    """A theme's published entries, in all and per entry type, from the index's facets."""
    query = SearchQuery(filters={Facet.THEME.value: (theme.slug,)})
    counts = count_facets(query, [Facet.THEME, Facet.TYPE])
    return counts[Facet.THEME].get(theme.slug, 0), counts[Facet.TYPE]
