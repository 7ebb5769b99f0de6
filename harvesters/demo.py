"""Demo harvests: real catalogues bundled in ``harvesters/demo_data/``, served on 127.0.0.1.

``harvest_demo_sources()`` starts a throw-away HTTP server on a free loopback port, creates
(or reuses) one approved, manual-schedule source per bundled catalogue and harvests each
through the real client → mapper → loader path. Only this call's HTTP client may reach
loopback; the SSRF guard stays on for everything else. The bundled files and their origins
are listed in ``demo_data/SOURCES.md``: US federal data.json files (public domain) and SEMIC
DCAT-AP 3 examples (CC-BY 4.0, (c) European Union).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from django.db import transaction

from catalogue.services.bulk import organisation_match_or_create

from .exceptions import HarvestFailed
from .http import HttpClient, HttpPolicy
from .models import HarvestJob, HarvestSource, Schedule
from .registry import get_harvester_class
from .services import harvest_source_run

logger = logging.getLogger(__name__)
DEMO_DATA = Path(__file__).resolve().parent / "demo_data"


@dataclass(frozen=True)
class DemoSource:
    slug: str
    name: str
    protocol: str
    file: str
    organisation: str
    original_url: str
    kind: str = "government"


DEMO_SOURCES = (
    DemoSource(
        "demo-cfpb-data-json",
        "Consumer Financial Protection Bureau (data.json)",
        "datajson",
        "consumerfinance_gov_data.json",
        "Consumer Financial Protection Bureau",
        "https://www.consumerfinance.gov/data.json",
    ),
    DemoSource(
        "demo-openfda-data-json",
        "openFDA (data.json)",
        "datajson",
        "fda_gov_data.json",
        "U.S. Food and Drug Administration",
        "https://open.fda.gov/data.json",
    ),
    DemoSource(
        "demo-dcat-ap-hvd",
        "DCAT-AP 3 high-value datasets example (SEMIC)",
        "dcat",
        "semic_dcat-ap-3-hvd_example-ms_catalogue.ttl",
        "SEMIC (European Commission)",
        "https://github.com/SEMICeu/DCAT-AP",
        "international",
    ),
    DemoSource(
        "demo-dcat-ap-series",
        "DCAT-AP 3 dataset series example (SEMIC)",
        "dcat",
        "semic_bee-population-dataset-series-fixed.ttl",
        "SEMIC (European Commission)",
        "https://github.com/SEMICeu/DCAT-AP",
        "international",
    ),
)


class _QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".ttl": "text/turtle",
        ".json": "application/json",
        ".jsonld": "application/ld+json",
    }

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_demo_data() -> Iterator[str]:
    """Serve ``demo_data/`` on a free 127.0.0.1 port for the duration of the block."""
    handler = partial(_QuietHandler, directory=str(DEMO_DATA))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def harvest_demo_sources(*, only: tuple[str, ...] = ()) -> list[HarvestJob]:
    """Create the demo sources and harvest them; returns the finished jobs."""
    jobs: list[HarvestJob] = []
    http = HttpClient(policy=HttpPolicy.from_settings(allow_private=True))
    with serve_demo_data() as base:
        for demo in DEMO_SOURCES:
            if only and demo.slug not in only:
                continue
            try:
                get_harvester_class(demo.protocol)
            except (KeyError, ImportError, AttributeError):
                logger.warning(
                    "demo: protocol %s not available, %s skipped", demo.protocol, demo.slug
                )
                continue
            source = _demo_source(demo, f"{base}/{demo.file}")
            try:
                job = harvest_source_run(source=source, http=http)
            except HarvestFailed as exc:
                logger.warning("demo: %s not harvested: %s", demo.slug, exc)
                continue
            logger.info("demo: %s %s %s", demo.slug, job.status, job.counts())
            jobs.append(job)
    return jobs


@transaction.atomic
def _demo_source(demo: DemoSource, url: str) -> HarvestSource:
    organisation = organisation_match_or_create(name=demo.organisation, kind=demo.kind)
    source, _created = HarvestSource.objects.update_or_create(
        slug=demo.slug,
        defaults={
            "name": demo.name,
            "protocol": demo.protocol,
            "url": url,  # the loopback port changes each time: the schedule stays manual
            "organisation": organisation,
            "schedule": Schedule.MANUAL,
            "active": True,
            "approved": True,
            "options": {"demo": True, "original_url": demo.original_url},
        },
    )
    return source


def demo_of(source: HarvestSource) -> DemoSource | None:
    """The bundled catalogue a demo source harvests, if ``source`` is one."""
    if not (source.options or {}).get("demo"):
        return None
    return next((demo for demo in DEMO_SOURCES if demo.slug == source.slug), None)


def harvest_demo_source_run(
    *, source: HarvestSource, demo: DemoSource, dry_run: bool = False, job: HarvestJob | None = None
) -> HarvestJob:
    """Run a demo source again ("Run now" in the admin): its stored address is the loopback
    port of the server that served it last time, long gone. The bundled file is served again
    and the source points at it (with the demo's protocol, so only bundled data is read)."""
    http = HttpClient(policy=HttpPolicy.from_settings(allow_private=True))
    with serve_demo_data() as base:
        url = f"{base}/{demo.file}"
        HarvestSource.objects.filter(pk=source.pk).update(url=url, protocol=demo.protocol)
        source.url, source.protocol = url, demo.protocol
        return harvest_source_run(source=source, dry_run=dry_run, job=job, http=http)
