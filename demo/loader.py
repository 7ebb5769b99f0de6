"""Load the demo catalogue through the catalogue services (so revisions and the index exist).

Idempotent: by default nothing happens once any demo organisation exists; ``force`` loads
whatever part of the demo is missing and never duplicates what is there.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from django.db import transaction
from django.utils import timezone

from catalogue.models import (
    ChallengePhase,
    Country,
    Distribution,
    Entry,
    EntryDocument,
    EntryType,
    JudgingCriterion,
    Language,
    Licence,
    Milestone,
    Organisation,
    Partnership,
    Prize,
    ProjectStatus,
    Risk,
    Theme,
    Winner,
)
from catalogue.services import entry_create

from .apis import APIS
from .challenges import CHALLENGES
from .datasets import DATASETS
from .organisations import ORGANISATIONS
from .ppp import PROJECTS

MEDIA_TYPES = {
    "CSV": "text/csv",
    "JSON": "application/json",
    "GEOJSON": "application/geo+json",
    "PDF": "application/pdf",
    "GTFS": "application/zip",
    "PARQUET": "application/vnd.apache.parquet",
    "GPKG": "application/geopackage+sqlite3",
}

Progress = Callable[[str], None]


@dataclass
class DemoSummary:
    """What a load did, for the command's closing line and for tests."""

    skipped: bool = False
    created: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def add(self, what: str, n: int = 1) -> None:
        self.created[what] = self.created.get(what, 0) + n

    @property
    def total(self) -> int:
        return sum(self.created.values())


def demo_item_count() -> int:
    """Organisations plus entries in the demo: the length of a progress bar."""
    return len(ORGANISATIONS) + len(DATASETS) + len(APIS) + len(PROJECTS) + len(CHALLENGES)


def demo_is_loaded() -> bool:
    return Organisation.objects.filter(slug__in=[o["slug"] for o in ORGANISATIONS]).exists()


@contextmanager
def quiet_wagtail_log() -> Iterator[None]:
    """Wagtail logs one line per revision and publish; a progress bar says it better."""
    logger = logging.getLogger("wagtail")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def demo_load(*, force: bool = False, progress: Progress | None = None) -> DemoSummary:
    """Create the demo organisations and entries that are missing; report what was made."""
    started = time.monotonic()
    summary = DemoSummary()
    if not force and demo_is_loaded():
        summary.skipped = True
        return summary
    step = progress or (lambda label: None)
    with quiet_wagtail_log(), transaction.atomic():
        loader = _Loader(summary=summary, step=step, now=timezone.now())
        loader.organisations()
        loader.datasets()
        loader.apis()
        loader.projects()
        loader.challenges()
    summary.seconds = time.monotonic() - started
    return summary


class _Loader:
    def __init__(self, *, summary: DemoSummary, step: Progress, now: dt.datetime) -> None:
        self.summary = summary
        self.step = step
        self.now = now
        self.themes = {t.code: t for t in Theme.objects.all()}
        self.licences = {lic.spdx_id: lic for lic in Licence.objects.all()}
        self.statuses = {s.code: s for s in ProjectStatus.objects.all()}
        self.english = list(Language.objects.filter(code="en"))
        self.orgs: dict[str, Organisation] = {}
        self.entries: dict[str, Entry] = {
            e.slug: e for e in Entry.objects.filter(slug__in=self._all_entry_slugs())
        }

    @staticmethod
    def _all_entry_slugs() -> list[str]:
        return [item["slug"] for items in (DATASETS, APIS, PROJECTS, CHALLENGES) for item in items]

    # --- organisations --------------------------------------------------------------------
    def organisations(self) -> None:
        existing = {o.slug: o for o in Organisation.objects.all()}
        countries = {
            c.code: c
            for c in Country.objects.filter(code__in={o["country"] for o in ORGANISATIONS})
        }
        new = []
        for data in ORGANISATIONS:
            if data["slug"] not in existing:
                fields = {k: v for k, v in data.items() if k != "country"}
                new.append(Organisation(country=countries.get(data["country"]), **fields))
            self.step(data["slug"])
        Organisation.objects.bulk_create(new)
        self.summary.add("organisations", len(new))
        self.orgs = {
            o.slug: o
            for o in Organisation.objects.filter(slug__in=[o["slug"] for o in ORGANISATIONS])
        }

    # --- shared core ----------------------------------------------------------------------
    def _core(self, data: dict[str, Any], index: int, entry_type: str) -> dict[str, Any]:
        org = self.orgs[data["publisher"]]
        site = org.website.rstrip("/")
        host = urlsplit(site).hostname or "example.org"
        path = {"dataset": "datasets", "api": "apis", "ppp": "projects", "challenge": "challenges"}[
            entry_type
        ]
        codes = data.get("countries") or ([org.country.code] if org.country else [])
        start, end = data.get("temporal", (None, None))
        return {
            "slug": data["slug"],
            "summary": data["summary"],
            "description": data.get("description", ""),
            "themes": [self.themes[code] for code in data["themes"]],
            "keywords": data["keywords"],
            "licence": self.licences[data.get("licence", "CC-BY-4.0")],
            "countries": list(Country.objects.filter(code__in=codes)),
            "languages": self.english,
            "spatial_label": data.get("spatial", ""),
            "temporal_start": dt.date.fromisoformat(start) if start else None,
            "temporal_end": dt.date.fromisoformat(end) if end else None,
            "contact_name": f"{org.name} open data team",
            "contact_email": org.email,
            "contact_url": f"{site}/contact/",
            "landing_page": f"{site}/{path}/{data['slug']}/",
            "identifier": f"https://{host}/id/{entry_type}/{data['slug']}",
            # Spread publication over the last two years so "newest" means something.
            "issued": self.now - dt.timedelta(days=30 + 41 * index),
            "modified": self.now - dt.timedelta(days=1 + 3 * index),
            "documents": [
                EntryDocument(title=title, url=url, document_type=kind, sort_order=i)
                for i, (title, url, kind) in enumerate(data.get("documents", []))
            ],
        }

    def _create(self, entry_type: str, data: dict[str, Any], fields: dict[str, Any]) -> None:
        if data["slug"] in self.entries:
            self.step(data["slug"])
            return
        entry = entry_create(
            entry_type=entry_type,
            title=data["title"],
            publisher=self.orgs[data["publisher"]],
            publish=True,
            **fields,
        )
        self.entries[entry.slug] = entry
        self.summary.add(str(entry_type))
        for name in (
            "distributions",
            "partnerships",
            "milestones",
            "risks",
            "documents",
            "phases",
            "prizes",
            "criteria",
            "winners",
        ):
            if fields.get(name):
                self.summary.add(name, len(fields[name]))
        self.step(data["slug"])

    def _linked(self, slugs: list[str]) -> list[Entry]:
        missing = [slug for slug in slugs if slug not in self.entries]
        if missing:
            raise LookupError(f"Demo content links to unknown entries: {', '.join(missing)}")
        return [self.entries[slug] for slug in slugs]

    # --- per type -------------------------------------------------------------------------
    def datasets(self) -> None:
        for i, data in enumerate(DATASETS):
            fields = self._core(data, i, EntryType.DATASET)
            licence = fields["licence"]
            fields.update(
                frequency=data.get("frequency", ""),
                version=data.get("version", ""),
                conforms_to=data.get("conforms_to", []),
                distributions=[
                    Distribution(
                        title=d["title"],
                        description=d["description"],
                        format=d["format"],
                        media_type=MEDIA_TYPES.get(d["format"].upper(), ""),
                        access_url=d["url"],
                        download_url=d["url"] if d["download"] else "",
                        byte_size=d["byte_size"],
                        licence=licence,
                        sort_order=n,
                    )
                    for n, d in enumerate(data["distributions"])
                ],
            )
            self._create(EntryType.DATASET, data, fields)

    def apis(self) -> None:
        for i, data in enumerate(APIS):
            fields = self._core(data, i, EntryType.API)
            sunset = data.get("sunset_in_days")
            fields.update(
                endpoint_url=data["endpoint_url"],
                endpoint_description_url=data["endpoint_description_url"],
                api_type=data["api_type"],
                authentication=data["authentication"],
                access_instructions=data.get("access_instructions", ""),
                rate_limits=data.get("rate_limits", ""),
                availability=data.get("availability", ""),
                lifecycle=data["lifecycle"],
                sunset_date=(self.now + dt.timedelta(days=sunset)).date() if sunset else None,
                sandbox_url=data.get("sandbox_url", ""),
                version=data.get("version", ""),
                serves_datasets=self._linked(data["serves"]),
            )
            self._create(EntryType.API, data, fields)

    def projects(self) -> None:
        for i, data in enumerate(PROJECTS):
            fields = self._core(data, i, EntryType.PPP)
            fields.update(
                project_status=self.statuses[data["status"]],
                sector=data["sector"],
                contract_type=data["contract_type"],
                total_investment=Decimal(data["total_investment"]),
                currency=data.get("currency", "EUR"),
                public_authority=self.orgs[data["publisher"]],
                government_support=data.get("government_support", ""),
                related_datasets=self._linked(data["related"]),
                partnerships=self._partners(data["partners"]),
                milestones=[
                    Milestone(
                        kind=kind,
                        date=dt.date.fromisoformat(day),
                        planned=planned,
                        note=note,
                        sort_order=n,
                    )
                    for n, (kind, day, planned, note) in enumerate(data["milestones"])
                ],
                risks=[
                    Risk(category=category, allocation=allocation, note=note, sort_order=n)
                    for n, (category, allocation, note) in enumerate(data["risks"])
                ],
            )
            self._create(EntryType.PPP, data, fields)

    def challenges(self) -> None:
        for i, data in enumerate(CHALLENGES):
            fields = self._core(data, i, EntryType.CHALLENGE)
            opens, closes, results = (self.now + dt.timedelta(days=d) for d in data["timeline"])
            # A challenge is announced before it opens.
            fields["issued"] = min(fields["issued"], opens - dt.timedelta(days=14))
            fields.update(
                landing_page=f"https://challenges.northbridge.example/{data['slug']}/",
                problem_statement=data["problem_statement"],
                challenge_type=data["challenge_type"],
                eligibility=data["eligibility"],
                how_to_enter=data["how_to_enter"],
                opens_at=opens,
                closes_at=closes,
                judging_ends_at=results,
                outcomes=data.get("outcomes", ""),
                offered_resources=self._linked(data["offered"]),
                partnerships=self._partners(data["partners"]),
                phases=self._phases(data["challenge_type"], opens, closes, results),
                prizes=[
                    Prize(
                        title=title,
                        amount=Decimal(amount) if amount else None,
                        currency=currency,
                        non_monetary=other,
                        sort_order=n,
                    )
                    for n, (title, amount, currency, other) in enumerate(data["prizes"])
                ],
                criteria=[
                    JudgingCriterion(name=name, weight=weight, description=text, sort_order=n)
                    for n, (name, weight, text) in enumerate(data["criteria"])
                ],
                winners=[
                    Winner(
                        name=name,
                        organisation=self.orgs.get(org) if org else None,
                        prize=prize,
                        description=text,
                        sort_order=n,
                    )
                    for n, (name, org, prize, text) in enumerate(data.get("winners", []))
                ],
            )
            self._create(EntryType.CHALLENGE, data, fields)

    def _partners(self, partners: list[tuple[str, str, str]]) -> list[Partnership]:
        return [
            Partnership(organisation=self.orgs[slug], role=role, note=note, sort_order=n)
            for n, (slug, role, note) in enumerate(partners)
        ]

    @staticmethod
    def _phases(
        kind: str, opens: dt.datetime, closes: dt.datetime, results: dt.datetime
    ) -> list[ChallengePhase]:
        if kind == "hackathon":
            event = closes - dt.timedelta(days=2)
            spans = [
                ("Registration", opens, event, "Form a team and choose a problem."),
                ("Hackathon weekend", event, closes, "48 hours of building, with mentors."),
            ]
        else:
            spans = [("Open for entries", opens, closes, "Ask questions and send your entry.")]
        spans += [
            ("Judging", closes, results, "The jury scores every eligible entry."),
            ("Results", results, results, "Winners announced and prizes awarded."),
        ]
        return [
            ChallengePhase(
                name=name,
                starts_on=start.date(),
                ends_on=end.date(),
                description=text,
                sort_order=n,
            )
            for n, (name, start, end, text) in enumerate(spans)
        ]
