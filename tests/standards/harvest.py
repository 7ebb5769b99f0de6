"""Harvest a DCAT payload into the catalogue with the real DCAT mapper and loader (no HTTP)."""

from __future__ import annotations

from catalogue.models import Entry
from harvesters.dcat.mapping import map_payload
from harvesters.loader import Loader
from harvesters.models import HarvestJob, HarvestSource, JobStatus
from tests.factories import make_organisation


def harvest_text(content: bytes, *, content_type: str, url: str) -> int:
    """Map and load one payload as a complete listing; returns how many entries exist."""
    owner = make_organisation(name="Harvest owner")
    source = HarvestSource.objects.create(
        name="Round trip",
        slug="round-trip",
        protocol="dcat",
        url=url,
        organisation=owner,
        approved=True,
    )
    job = HarvestJob.objects.create(source=source, status=JobStatus.RUNNING)
    page = map_payload(
        {"content": content, "content_type": content_type, "url": url},
        source_options={},
        page_url=url,
    )
    loader = Loader(source=source, job=job)
    loader.load(page.records, page.errors, cursor="", pages=1)
    loader.finish(complete_listing=True)
    return Entry.objects.published().count()
