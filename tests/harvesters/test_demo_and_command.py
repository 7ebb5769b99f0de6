"""The demo harvest, the harvest command and the background tasks."""

from __future__ import annotations

import json
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from pytest_django.fixtures import Settings

from catalogue.models.entries import Entry
from harvesters.demo import harvest_demo_sources
from harvesters.models import HarvestJob, HarvestSource, JobStatus

from .conftest import FixtureServer, SourceMaker

pytestmark = pytest.mark.django_db


@pytest.mark.slow
def test_demo_harvest_shows_harvested_entries_with_provenance(settings: Settings) -> None:
    settings.HARVEST_ALLOW_PRIVATE_ADDRESSES = False  # the demo opens loopback for itself only
    jobs = harvest_demo_sources(only=("demo-dcat-ap-hvd", "demo-dcat-ap-series"))
    assert [j.status for j in jobs] == [JobStatus.SUCCEEDED, JobStatus.SUCCEEDED]
    entry = Entry.objects.published().get(title="The population of bees")
    record = entry.harvest_records.get()
    assert record.source.slug == "demo-dcat-ap-hvd"
    # Run again: everything unchanged.
    again = harvest_demo_sources(only=("demo-dcat-ap-hvd",))
    assert again[0].unchanged == again[0].total


def _source(
    fixture_server: FixtureServer,
    make_source: SourceMaker,
    slug: str = "cmd",
    records: list[dict[str, Any]] | None = None,
) -> HarvestSource:
    records = records or [{"remote_id": "a", "entry_type": "dataset", "title": "Alpha"}]
    url = fixture_server.add(f"/{slug}", json.dumps({"records": records}))
    source = make_source(url)
    HarvestSource.objects.filter(pk=source.pk).update(slug=slug)
    source.refresh_from_db()
    return source


def test_command_harvests_and_prints_a_summary(
    fixture_server: FixtureServer, test_protocol: str, make_source: SourceMaker
) -> None:
    _source(fixture_server, make_source)
    out = StringIO()
    call_command("harvest", "cmd", "--no-progress", stdout=out)
    text = out.getvalue()
    assert "created" in text and "succeeded" in text
    assert Entry.objects.filter(title="Alpha").exists()


def test_command_dry_run_writes_nothing(
    fixture_server: FixtureServer, test_protocol: str, make_source: SourceMaker
) -> None:
    _source(fixture_server, make_source)
    out = StringIO()
    call_command("harvest", "--all", "--dry-run", "--no-progress", stdout=out)
    assert "dry run" in out.getvalue()
    assert Entry.objects.count() == 0


def test_command_reports_failure_and_unknown_source(
    fixture_server: FixtureServer, test_protocol: str, make_source: SourceMaker
) -> None:
    source = _source(fixture_server, make_source)
    fixture_server.add("/cmd", "{}", status=404)
    with pytest.raises(CommandError):
        call_command("harvest", source.slug, "--no-progress", stdout=StringIO())
    assert HarvestJob.objects.get().status == JobStatus.FAILED
    with pytest.raises(CommandError, match="No such source"):
        call_command("harvest", "nope", stdout=StringIO())


def test_task_runs_a_queued_job(
    fixture_server: FixtureServer, test_protocol: str, make_source: SourceMaker, settings: Settings
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    from harvesters.tasks import enqueue_due_sources, harvest_source_enqueue

    source = _source(fixture_server, make_source)
    job = harvest_source_enqueue(source=source)
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED
    HarvestSource.objects.filter(pk=source.pk).update(schedule="hourly")
    source.refresh_from_db()
    assert not source.is_due()  # it just ran
    HarvestSource.objects.filter(pk=source.pk).update(last_run_at=None)
    enqueue_due_sources.enqueue()
    assert HarvestJob.objects.filter(source=source).count() == 2
