"""Every management command's main path, run with Django's system checks as ``manage.py`` runs
them (``call_command`` skips the checks unless told; ``search_index`` once crashed there, with
``Command.check()`` shadowing Django's own ``check``, before doing anything)."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from catalogue.models import Entry

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture(autouse=True)
def configured_site(settings: Any) -> None:
    """A configured deployment: tests run with DEBUG off, where an unset BASE_URL would add
    the catalogue.W001 warning to every command's output."""
    settings.PUBLIC_BASE_URL = "https://catalogue.example.org"


def run(*args: str) -> str:
    out, err = StringIO(), StringIO()
    call_command(*args, skip_checks=False, stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


def test_load_demo_then_search_index_rebuild_on_the_database() -> None:
    run("load_demo")
    assert Entry.objects.published().exists()
    output = run("search_index", "rebuild", "--backend", "database", "--no-progress")
    assert f"database: indexed {Entry.objects.published().count()} entries" in output


def test_search_index_check_reports_no_drift_after_a_rebuild() -> None:
    run("load_demo")
    run("search_index", "rebuild", "--no-progress")
    output = run("search_index", "check")
    assert "missing from the index: 0" in output
    assert output.rstrip().endswith("No drift.")


def test_harvest_dry_run_of_every_source_with_none_configured() -> None:
    output = run("harvest", "--all", "--dry-run")
    header, rule = output.splitlines()  # the summary table, with no source in it
    assert header.split()[:2] == ["source", "status"] and set(rule) <= {"-", " "}


def test_bootstrap_makes_a_working_catalogue(tmp_path, settings) -> None:
    settings.VAR_DIR = tmp_path
    output = run("bootstrap")
    assert Entry.objects.published().exists()
    assert "admin" in output.lower()
