"""A task worker killed mid-harvest (kill -9): its job is closed as failed with a clear error,
its task row no longer RUNNING, the source unblocked, and the harvest queued again up to
HARVEST_TASK_RETRIES times (issue 10). Real ``manage.py db_worker`` processes, a file SQLite
database and the fixture server."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from pytest_django.fixtures import Settings

from harvesters.models import HarvestJob, JobStatus
from harvesters.recovery import harvest_jobs_recover

from .conftest import FixtureServer, SourceMaker, read_fixture

ROOT = Path(__file__).resolve().parents[2]
FILE = "dcat/semic_dcat-ap-3-hvd_example-ms_catalogue.ttl"
SETUP = """
from harvesters.models import HarvestSource
from harvesters.tasks import harvest_source_enqueue
from tests.factories import make_organisation
source = HarvestSource.objects.create(name="Slow", slug="slow", protocol="dcat", url={url!r},
    approved=True, organisation=make_organisation())
print(harvest_source_enqueue(source=source).pk)
"""
WORKER = ("db_worker", "--interval", "0.2", "--no-startup-delay", "--no-reload")
RECOVER = "from harvesters.recovery import harvest_jobs_recover; print(harvest_jobs_recover())"


def manage(env: dict[str, str], *args: str, **kwargs: Any) -> Any:
    command = [sys.executable, "manage.py", *args]
    if kwargs.pop("background", False):
        return subprocess.Popen(command, cwd=ROOT, env=env, **kwargs)  # noqa: S603
    return subprocess.run(  # noqa: S603
        command, cwd=ROOT, env=env, check=True, capture_output=True, text=True, timeout=300
    )


def wait_for(query: Callable[[], Any], timeout: float = 120) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = query()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError("timed out")


@pytest.mark.slow
def test_a_killed_worker_s_harvest_is_failed_and_retried(
    tmp_path: Path, _fixture_httpd: FixtureServer
) -> None:
    release, calls = threading.Event(), []

    def slow_once(_query: dict[str, list[str]]) -> bytes:
        calls.append(1)
        if len(calls) == 1:
            release.wait(120)  # the worker is killed while it waits for this page
        return read_fixture(FILE)

    url = _fixture_httpd.add("/slow-once.ttl", slow_once, content_type="text/turtle")
    database = tmp_path / "catalogue.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "HARVEST_ALLOW_PRIVATE_ADDRESSES": "1",
        "TASKS_BACKEND": "django_tasks_db.backend.DatabaseBackend",
        "DJANGO_SETTINGS_MODULE": "portal.settings",
    }
    manage(env, "migrate", "--noinput")
    job_id = int(manage(env, "shell", "-c", SETUP.format(url=url)).stdout.split()[-1])
    db = sqlite3.connect(database, timeout=30)

    def tasks() -> list[tuple[str]]:
        return db.execute(
            "SELECT status FROM django_tasks_database_dbtaskresult WHERE task_path = ? "
            "ORDER BY status",
            ["harvesters.tasks.harvest_source_task"],
        ).fetchall()

    def job(pk: int) -> tuple[str, str, int]:
        return db.execute(
            "SELECT status, error, attempt FROM harvesters_harvestjob WHERE id = ?", [pk]
        ).fetchone()

    worker = manage(env, *WORKER, background=True)
    try:
        wait_for(lambda: job(job_id)[0] == "running" and calls)
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(30)
        assert tasks() == [("RUNNING",)]
        manage({**env, "HARVEST_STUCK_MINUTES": "0"}, "shell", "-c", RECOVER)
        status, error, _attempt = job(job_id)
        assert status == "failed"
        assert "No sign of life" in error and "Retry 1 of 2 queued" in error
        assert tasks() == [("FAILED",), ("READY",)]
        retry_id = db.execute("SELECT MAX(id) FROM harvesters_harvestjob").fetchone()[0]
        assert job(retry_id)[0] == "pending" and job(retry_id)[2] == 2
        worker = manage(env, *WORKER, background=True)
        wait_for(lambda: job(retry_id)[0] == "succeeded")
    finally:
        release.set()
        if worker.poll() is None:
            worker.send_signal(signal.SIGTERM)
            worker.wait(30)
        db.close()


@pytest.mark.django_db
def test_retries_stop_after_harvest_task_retries(
    make_source: SourceMaker, settings: Settings
) -> None:
    settings.HARVEST_TASK_RETRIES = 1
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
    source = make_source("https://example.org/catalog.ttl", protocol="dcat")
    old = timezone.now() - dt.timedelta(hours=1)
    first = HarvestJob.objects.create(source=source, status=JobStatus.RUNNING)
    HarvestJob.objects.filter(pk=first.pk).update(started_at=old, heartbeat_at=old)
    [retry] = harvest_jobs_recover()
    assert retry.attempt == 2 and retry.status == JobStatus.PENDING
    HarvestJob.objects.filter(pk=retry.pk).update(
        status=JobStatus.RUNNING, started_at=old, heartbeat_at=old
    )
    assert harvest_jobs_recover() == []
    retry.refresh_from_db()
    assert retry.status == JobStatus.FAILED
    assert "Not retried: 1 of 1 retries used." in retry.error
    assert not HarvestJob.objects.filter(source=source, status__in=["pending", "running"])
