"""Elasticsearch down: the site answers from the database, admins are told, nothing is lost.

The "down" cluster is a real closed port on 127.0.0.1 (connection refused), not a mock; the
queue is django-tasks' real database backend, drained with its real worker command.
"""

from __future__ import annotations

import socket
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from catalogue.models.entries import Entry
from search.checks import elasticsearch_reachable
from search.params import parse_search_params
from search.query import SearchQuery
from search.service import get_backend, reset_backend_cache
from tests.factories import make_entry

pytestmark = [pytest.mark.django_db, pytest.mark.elasticsearch]


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture
def cluster_down(es_settings: Any) -> Any:
    """The same settings as a working cluster, but nothing listens at the URL."""
    working = es_settings.ELASTICSEARCH_URL
    es_settings.ELASTICSEARCH_URL = closed_port_url()
    es_settings.TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
    es_settings.WORKING_ELASTICSEARCH_URL = working
    reset_backend_cache()
    yield es_settings
    es_settings.ELASTICSEARCH_URL = working
    reset_backend_cache()


def drain_queue() -> None:
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


def pending_sync_tasks() -> Any:
    return DBTaskResult.objects.filter(task_path="search.tasks.sync_entries_task", status="READY")


def test_searches_fall_back_to_the_database_and_admins_are_told(
    cluster_down: Any, admin_client: Any
) -> None:
    entry = make_entry("dataset", title="Harbour tide gauges")
    results = get_backend().search(parse_search_params({"q": "tide"}))
    assert results.backend == "database"
    assert [h.entry_id for h in results.hits] == [entry.pk]

    warnings = elasticsearch_reachable()
    assert [w.id for w in warnings] == ["catalogue_search.W001"]
    assert "database" in warnings[0].msg

    dashboard = admin_client.get("/admin/")
    assert dashboard.status_code == 200
    assert "Search is running on the database backend" in dashboard.content.decode()


def test_indexing_waits_in_the_queue_and_lands_when_the_cluster_returns(cluster_down: Any) -> None:
    entry = make_entry("dataset", title="Harbour tide gauges")
    assert pending_sync_tasks().exists()

    drain_queue()  # still down: each task re-enqueues itself, later
    deferred = pending_sync_tasks()
    assert deferred.exists()
    assert all(t.run_after > timezone.now() for t in deferred)
    assert all(t.args_kwargs["args"][1] == 1 for t in deferred)  # attempt 1

    # The cluster is back (the real test node), and the retry delay has passed.
    cluster_down.ELASTICSEARCH_URL = cluster_down.WORKING_ELASTICSEARCH_URL
    reset_backend_cache()
    deferred.update(run_after=timezone.now())
    drain_queue()
    assert not pending_sync_tasks().exists()
    results = get_backend().search(parse_search_params({"q": "tide"}))
    assert results.backend == "elasticsearch"
    assert [h.entry_id for h in results.hits] == [entry.pk]


def test_check_reports_drift_and_fix_repairs_it(es_backend: Any) -> None:
    kept = make_entry("dataset", title="Kept dataset")
    gone = make_entry("dataset", title="Deleted behind our back")
    es_backend.rebuild()
    es_backend.bulk_client.delete(index=es_backend.alias, id=str(gone.pk), refresh=True)
    Entry.objects.filter(pk=kept.pk).update(withdrawn_at=timezone.now())

    out = StringIO()
    with pytest.raises(CommandError):
        call_command("search_index", "check", stdout=out)
    report = out.getvalue()
    assert "missing from the index: 1" in report
    assert "in the index but not published: 1" in report

    call_command("search_index", "check", "--fix", stdout=StringIO())
    out = StringIO()
    call_command("search_index", "check", stdout=out)
    assert "No drift." in out.getvalue()


def test_rebuild_command_reports_progress_and_the_new_index(es_backend: Any) -> None:
    make_entry("dataset", title="One")
    make_entry("api", title="Two", endpoint_url="https://api.x.test/")
    out, err = StringIO(), StringIO()
    call_command("search_index", "rebuild", "--backend", "all", stdout=out, stderr=err)
    assert "elasticsearch: indexed 2 entries" in out.getvalue()
    assert "database: indexed 2 entries" in out.getvalue()
    assert "core only" in out.getvalue()
    assert get_backend().search(SearchQuery()).count == 2
