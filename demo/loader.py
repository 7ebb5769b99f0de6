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
from typing import Any
from urllib.parse import urlsplit

from django.db import transaction
from django.utils import timezone

from catalogue.models import (
    Country,
    Entry,
    EntryDocument,
    Language,
    Licence,
    Organisation,
    Partnership,
    ProjectStatus,
    Theme,
)
from catalogue.services import entry_create

from .organisations import ORGANISATIONS
from .parts import demo_parts

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
    return len(ORGANISATIONS) + sum(len(part.items) for part in demo_parts().values())


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
        loader = DemoLoader(summary=summary, step=step, now=timezone.now())
        loader.organisations()
        for entry_type, part in demo_parts().items():  # the registry's order: links resolve
            for index, item in enumerate(part.items):
                if item["slug"] in loader.entries:
                    loader.step(item["slug"])
                    continue
                loader.create(entry_type, item, part.fields(loader, item, index))
    summary.seconds = time.monotonic() - started
    return summary


class DemoLoader:
    """What every type's demo part shares: the vocabularies, organisations and entries made."""

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
        return [item["slug"] for part in demo_parts().values() for item in part.items]

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
    def core(
        self, data: dict[str, Any], index: int, entry_type: str, *, segment: str
    ) -> dict[str, Any]:
        """The fields every type shares; ``segment`` is the type's part of the publisher's
        made-up landing-page address."""
        org = self.orgs[data["publisher"]]
        site = org.website.rstrip("/")
        host = urlsplit(site).hostname or "example.org"
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
            "landing_page": f"{site}/{segment}/{data['slug']}/",
            "identifier": f"https://{host}/id/{entry_type}/{data['slug']}",
            # Spread publication over the last two years so "newest" means something.
            "issued": self.now - dt.timedelta(days=30 + 41 * index),
            "modified": self.now - dt.timedelta(days=1 + 3 * index),
            "documents": [
                EntryDocument(title=title, url=url, document_type=kind, sort_order=i)
                for i, (title, url, kind) in enumerate(data.get("documents", []))
            ],
        }

    def create(self, entry_type: str, data: dict[str, Any], fields: dict[str, Any]) -> None:
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

    def linked(self, slugs: list[str]) -> list[Entry]:
        missing = [slug for slug in slugs if slug not in self.entries]
        if missing:
            raise LookupError(f"Demo content links to unknown entries: {', '.join(missing)}")
        return [self.entries[slug] for slug in slugs]

    def partners(self, partners: list[tuple[str, str, str]]) -> list[Partnership]:
        return [
            Partnership(organisation=self.orgs[slug], role=role, note=note, sort_order=n)
            for n, (slug, role, note) in enumerate(partners)
        ]
