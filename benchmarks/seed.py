"""Bulk seeding of synthetic catalogues for the benchmarks (10,000 to 100,000+ entries).

Entries are written with ``bulk_create`` on the core table and its through tables, as a
harvest would, then indexed with the search backend's bulk rebuild. Text follows a Zipf-like
word distribution over a public-sector vocabulary, and some words are deliberately broad:
"data" appears in ~80% of entries and "public" in ~55%, as they would in a real catalogue.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

if TYPE_CHECKING:
    from catalogue.models import Entry

VOCABULARY = """
transport bus rail tram metro bicycle traffic road parking station timetable route passenger
air quality pollution emissions noise climate weather temperature rainfall flood drought river
water wastewater sanitation energy electricity solar wind grid consumption building housing rent
school education student teacher university library museum culture sport tourism visitor hotel
health hospital clinic vaccination disease mortality birth population census household income
employment unemployment labour wage business company procurement contract tender budget spending
tax revenue debt finance grant subsidy agriculture crop livestock forest fishery land soil
biodiversity species habitat protected area waste recycling landfill collection street lighting
crime police court justice safety fire emergency ambulance incident address boundary parcel
cadastre map elevation satellite imagery aerial orthophoto geology mineral mining port airport
flight shipping freight logistics trade export import customs inflation price index statistics
survey election vote parliament council minutes decision regulation permit licence inspection
restaurant food hygiene market vendor broadband mobile coverage digital identity service portal
innovation startup research patent laboratory science technology artificial intelligence model
accessibility disability elderly youth child family social benefit pension migration refugee
gender equality poverty inequality neighbourhood district municipality region province national
monthly annual daily hourly realtime historical forecast indicator dashboard register inventory
""".split()  # noqa: SIM905 - a word list reads better as prose
BROAD_WORDS = [("data", 0.80), ("public", 0.55), ("open", 0.35)]
ORG_KINDS = ["government", "business", "academia", "civil-society", "international"]
FORMATS = ["CSV", "JSON", "GEOJSON", "XLSX", "PDF", "XML", "SHP", "ZIP", "PARQUET", "API"]
TYPES = [("dataset", 0.45), ("api", 0.25), ("ppp", 0.15), ("challenge", 0.15)]


@dataclass(frozen=True)
class SeedReport:
    entries: int
    insert_seconds: float
    index_seconds: float


def _zipf_words(rng: random.Random, n: int) -> list[str]:
    # Rank r is chosen with weight 1/r: a few words are common, most are rare.
    return rng.choices(VOCABULARY, weights=_WEIGHTS, k=n)


_WEIGHTS = [1 / (rank + 1) for rank in range(len(VOCABULARY))]


def _sentence(rng: random.Random, n: int) -> str:
    words = _zipf_words(rng, n)
    for word, share in BROAD_WORDS:
        if rng.random() < share:
            words.insert(rng.randrange(len(words) + 1), word)
    return " ".join(words)


@dataclass(frozen=True)
class _Vocabularies:
    """Primary keys of the seeded vocabularies that synthetic entries draw from."""

    countries: list[int]
    languages: list[int]
    themes: list[int]
    licences: list[int]
    statuses: list[int]


def _vocabularies() -> _Vocabularies:
    from catalogue.models import Country, Language, Licence, ProjectStatus, Theme

    return _Vocabularies(
        countries=list(Country.objects.values_list("id", flat=True))[:60],
        languages=list(
            Language.objects.filter(code__in=["en", "fr", "de", "es", "it", "nl"]).values_list(
                "id", flat=True
            )
        ),
        themes=list(Theme.objects.values_list("id", flat=True)),
        licences=list(Licence.objects.values_list("id", flat=True)),
        statuses=list(ProjectStatus.objects.values_list("id", flat=True)),
    )


def seed(
    total: int, *, seed_value: int = 42, index: bool = True, progress: bool = True
) -> SeedReport:
    """Add ``total`` published entries (and their organisations) to the current database."""
    from catalogue.models import Entry, Organisation

    rng = random.Random(seed_value)
    started = time.perf_counter()
    vocab = _vocabularies()
    prefix = f"s{seed_value}-{Entry.objects.count()}"
    orgs = Organisation.objects.bulk_create(
        Organisation(
            name=f"Benchmark organisation {prefix}-{i}",
            slug=f"bench-{prefix}-{i}",
            kind=ORG_KINDS[i % len(ORG_KINDS)],
            country_id=rng.choice(vocab.countries),
        )
        for i in range(max(20, total // 500))
    )
    org_ids = [o.pk for o in orgs]
    now = timezone.now()
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=total, desc="seed entries", unit="entry")
    batch = 2000
    for start in range(0, total, batch):
        size = min(batch, total - start)
        entries = [
            _entry(rng, i, prefix=prefix, now=now, org_ids=org_ids, vocab=vocab)
            for i in range(start, start + size)
        ]
        _insert(rng, entries, vocab)
        if bar:
            bar.update(size)
    if bar:
        bar.close()
    inserted = time.perf_counter()
    if index:
        _index(progress)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return SeedReport(total, inserted - started, time.perf_counter() - inserted)


def _entry(
    rng: random.Random,
    i: int,
    *,
    prefix: str,
    now: dt.datetime,
    org_ids: list[int],
    vocab: _Vocabularies,
) -> Entry:
    """One published entry, its type-specific fields filled (not saved)."""
    from catalogue.models import Entry

    entry_type = rng.choices([t for t, _ in TYPES], weights=[w for _, w in TYPES])[0]
    title = _sentence(rng, rng.randint(3, 7)).capitalize()
    modified = now - dt.timedelta(days=rng.randint(0, 3000), minutes=rng.randint(0, 1440))
    entry = Entry(
        entry_type=entry_type,
        title=title[:300],
        slug=f"{slugify(title)[:60]}-{prefix}-{i}",
        summary=_sentence(rng, rng.randint(12, 25)).capitalize()[:500],
        description="<p>" + _sentence(rng, rng.randint(40, 120)) + "</p>",
        publisher_id=rng.choice(org_ids),
        licence_id=rng.choice(vocab.licences),
        keywords=_zipf_words(rng, rng.randint(2, 6)),
        live=True,
        has_unpublished_changes=False,
        first_published_at=modified,
        last_published_at=modified,
        issued=modified,
        modified=modified,
        quality_score=rng.randint(20, 100),
    )
    if entry_type == "api":
        entry.api_type = rng.choice(["rest", "rest", "graphql", "soap", "ogc"])
        entry.authentication = rng.choice(["none", "api-key", "oauth2", "registration"])
        entry.endpoint_url = f"https://api.example.gov/{i}"
    elif entry_type == "ppp":
        entry.project_status_id = rng.choice(vocab.statuses)
        entry.sector = rng.choice(["transport", "energy", "water", "health", "ict"])
    elif entry_type == "challenge":
        opens = now + dt.timedelta(days=rng.randint(-400, 60))
        entry.opens_at = opens
        entry.closes_at = opens + dt.timedelta(days=rng.randint(20, 90))
        entry.judging_ends_at = entry.closes_at + dt.timedelta(days=30)
    return entry


def _insert(rng: random.Random, entries: list[Entry], vocab: _Vocabularies) -> None:
    """One batch of entries with their themes, countries, languages and distributions."""
    from catalogue.models import Distribution, Entry

    ThemeLink = Entry.themes.through
    CountryLink = Entry.countries.through
    LanguageLink = Entry.languages.through
    with transaction.atomic():
        Entry.objects.bulk_create(entries, batch_size=500)
        ThemeLink.objects.bulk_create(
            [
                ThemeLink(entry_id=e.pk, theme_id=t)
                for e in entries
                for t in rng.sample(vocab.themes, rng.randint(1, 3))
            ],
            batch_size=2000,
        )
        CountryLink.objects.bulk_create(
            [
                CountryLink(entry_id=e.pk, country_id=c)
                for e in entries
                for c in rng.sample(vocab.countries, rng.randint(1, 2))
            ],
            batch_size=2000,
        )
        LanguageLink.objects.bulk_create(
            [LanguageLink(entry_id=e.pk, language_id=rng.choice(vocab.languages)) for e in entries],
            batch_size=2000,
        )
        Distribution.objects.bulk_create(
            [
                Distribution(
                    entry_id=e.pk,
                    sort_order=k,
                    format=fmt,
                    title=f"{e.title} ({fmt})",
                    download_url=f"https://files.example.gov/{e.pk}/{k}.{fmt.lower()}",
                )
                for e in entries
                if e.entry_type == "dataset"
                for k, fmt in enumerate(rng.sample(FORMATS, rng.randint(1, 3)))
            ],
            batch_size=2000,
        )


def _index(progress: bool) -> None:
    from catalogue.models import Entry
    from search.backends import get_backend

    ibar = None
    if progress:
        from tqdm import tqdm

        ibar = tqdm(total=Entry.objects.published().count(), desc="index", unit="entry")
    get_backend().rebuild(progress=ibar.update if ibar else None)
    if ibar:
        ibar.close()
