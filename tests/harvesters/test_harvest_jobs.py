"""Harvest jobs: approval, locks, stuck jobs, broken listings, resuming, incremental runs."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from catalogue.models.entries import Entry
from harvesters.exceptions import SourceBusy, SourceNotApproved
from harvesters.models import HarvestJob, JobStatus
from harvesters.services import (
    harvest_job_create,
    harvest_jobs_close_stuck,
    harvest_source_run,
)

from .conftest import FixtureServer, SourceMaker
from .jsonproto_records import rec, serve

pytestmark = pytest.mark.django_db


def test_unapproved_source_refuses_to_run(
    fixture_server: FixtureServer, test_protocol: str, make_source: SourceMaker
) -> None:
    source = make_source(serve(fixture_server, "/p", [rec(1)]), approved=False)
    with pytest.raises(SourceNotApproved):
        harvest_source_run(source=source)
    assert Entry.objects.count() == 0
    assert fixture_server.hits["/p"] == 0
    # A dry run is how an admin decides: it is allowed, and writes nothing.
    job = harvest_source_run(source=source, dry_run=True)
    assert job.created == 1 and Entry.objects.count() == 0


def test_failed_job_withdraws_nothing_and_resumes(
    fixture_server: FixtureServer, test_protocol: str, make_source: SourceMaker
) -> None:
    page2 = fixture_server.url("/page2")
    url = serve(fixture_server, "/page1", [rec(1), rec(2)], next_url=page2)
    serve(fixture_server, "/page2", [rec(3)])
    source = make_source(url)
    harvest_source_run(source=source, batch_size=1)
    assert Entry.objects.published().count() == 3
    # The source changes record 1, drops 2 from page 1, and its page 2 now fails.
    serve(fixture_server, "/page1", [rec(1, title="One v2")], next_url=page2)
    fixture_server.add("/page2", "{}", status=500)
    job = harvest_source_run(source=source, batch_size=1)
    assert job.status == JobStatus.FAILED and "500" in job.error
    assert job.withdrawn == 0
    assert Entry.objects.published().count() == 3  # nothing withdrawn on a broken listing
    assert job.cursor == page2  # committed batch: page 1; resume from page 2
    # Page 2 works again: the next run resumes from it and only then withdraws record 2.
    serve(fixture_server, "/page2", [rec(3)])
    hits_page1 = fixture_server.hits["/page1"]
    job = harvest_source_run(source=source, batch_size=1)
    assert job.status == JobStatus.SUCCEEDED, job.error
    assert job.resumed_from_id is not None
    assert fixture_server.hits["/page1"] == hits_page1  # not fetched again
    assert job.withdrawn == 1
    assert sorted(Entry.objects.published().values_list("title", flat=True)) == [
        "Dataset 3",
        "One v2",
    ]


def test_unparseable_page_fails_the_job_leaving_entries(
    fixture_server: FixtureServer, test_protocol: str, make_source: SourceMaker
) -> None:
    url = serve(fixture_server, "/p", [rec(1)])
    source = make_source(url)
    harvest_source_run(source=source)
    fixture_server.add("/p", "{not json")
    job = harvest_source_run(source=source)
    assert job.status == JobStatus.FAILED and "not JSON" in job.error
    assert Entry.objects.published().count() == 1


def test_looping_next_link_stops(
    fixture_server: FixtureServer, test_protocol: str, make_source: SourceMaker
) -> None:
    url = serve(fixture_server, "/loop", [rec(1)], next_url=fixture_server.url("/loop"))
    job = harvest_source_run(source=make_source(url))
    assert job.status == JobStatus.FAILED and "loops" in job.error
    assert fixture_server.hits["/loop"] == 1


def test_a_source_never_runs_twice_at_once(
    fixture_server: FixtureServer, test_protocol: str, make_source: SourceMaker
) -> None:
    source = make_source(serve(fixture_server, "/p", [rec(1)]))
    running = harvest_job_create(source=source, status=JobStatus.RUNNING)
    running.heartbeat_at = timezone.now()
    running.save()
    with pytest.raises(SourceBusy):
        harvest_source_run(source=source)
    # Dry runs write nothing, so they may run beside it.
    assert harvest_source_run(source=source, dry_run=True).status == JobStatus.SUCCEEDED


def test_stuck_job_is_closed_and_the_next_run_proceeds(
    fixture_server: FixtureServer, test_protocol: str, make_source: SourceMaker
) -> None:
    source = make_source(serve(fixture_server, "/p", [rec(1)]))
    stuck = harvest_job_create(source=source, status=JobStatus.RUNNING)
    old = timezone.now() - dt.timedelta(hours=2)
    HarvestJob.objects.filter(pk=stuck.pk).update(started_at=old, heartbeat_at=old)
    assert harvest_jobs_close_stuck() == 1
    stuck.refresh_from_db()
    assert stuck.status == JobStatus.FAILED and "No sign of life" in stuck.error
    assert harvest_source_run(source=source).status == JobStatus.SUCCEEDED


def test_incremental_run_withdraws_nothing(
    fixture_server: FixtureServer, test_protocol: str, make_source: SourceMaker
) -> None:
    source = make_source(serve(fixture_server, "/p", [rec(1), rec(2)]))
    harvest_source_run(source=source)
    source.protocol = "test-json-incremental"
    source.save()
    serve(fixture_server, "/p", [rec(2, title="Only the changed one")])
    job = harvest_source_run(source=source)
    assert job.withdrawn == 0 and job.updated == 1
    assert Entry.objects.published().count() == 2
