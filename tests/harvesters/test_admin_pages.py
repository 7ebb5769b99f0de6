"""Harvesting seen by editors in the real Wagtail admin (Django's client, a signed-in
superuser): the dashboard summary, job pages and record warnings."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from harvesters.models import HarvestJob, HarvestRecord
from tests.factories import make_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client: Client) -> Client:
    user = get_user_model().objects.create_superuser("admin", "ad@example.org", "pw-1234567")
    client.force_login(user)
    return client


def test_the_dashboard_summarises_the_catalogue(admin: Client, make_source: Any) -> None:
    make_entry("dataset", title="Live one")
    make_entry("dataset", title="A draft", publish=False)
    make_entry("api", title="Harvested API", origin="harvested")
    source = make_source("https://portal.example/api/3/", approved=False)
    failed = HarvestJob.objects.create(source=source, status="failed", error="Connection refused")
    HarvestRecord.objects.create(source=source, remote_id="r1", last_error="No title")

    page = admin.get(reverse("wagtailadmin_home")).content.decode()

    assert "The catalogue" in page
    assert 'class="w-summary"' not in page  # Wagtail's page and image counts are gone
    assert "1 harvest source" in page and "1 awaiting approval" in page
    assert "1 failed harvest in the last 30 days" in page
    assert "1 harvested record with errors" in page
    assert reverse("harvest_jobs:inspect", args=[failed.pk]) in page
    assert "?harvested=true" in page  # the harvested API's count links to the filtered list


def test_job_pages_are_readable_and_each_job_is_linked(admin: Client, make_source: Any) -> None:
    source = make_source("https://portal.example/api/3/")
    job = HarvestJob.objects.create(
        source=source,
        status="partial",
        dry_run=True,
        log="page 1: 20 records\npage 2: 3 records",
        plan={"create": ["Bathing water <quality>"], "update": [], "withdraw": ["Old roads"]},
    )
    page = admin.get(reverse("harvest_jobs:inspect", args=[job.pk])).content.decode()
    assert "Finished with record errors" in page and "(partial)" not in page
    assert "Would create" in page and "<li>Bathing water &lt;quality&gt;</li>" in page
    assert "Would withdraw" in page and "{&#x27;create&#x27;" not in page
    assert "<pre" in page and "page 2: 3 records" in page
    assert "Yes: nothing was written" in page

    overview = admin.get(reverse("harvesters_source_overview", args=[source.pk]))
    assert reverse("harvest_jobs:inspect", args=[job.pk]) in overview.content.decode()
    listing = admin.get(reverse("harvest_jobs:index")).content.decode()
    assert reverse("harvest_jobs:inspect", args=[job.pk]) in listing


def test_record_warnings_are_shown_on_the_source(admin: Client, make_source: Any) -> None:
    source = make_source("https://portal.example/api/3/")
    message = "licence: 'my own licence' is not a licence the catalogue knows; left out"
    for n in range(3):
        HarvestRecord.objects.create(
            source=source,
            remote_id=f"r{n}",
            remote_url=f"https://portal.example/d/{n}",
            warnings=[message] if n < 2 else [],
        )
    page = admin.get(reverse("harvesters_source_overview", args=[source.pk])).content.decode()
    assert "Record warnings, by message" in page
    assert "licence: &#x27;my own licence&#x27; is not a licence" in page
    assert "https://portal.example/d/1" in page and "https://portal.example/d/2" not in page


def test_a_demo_source_runs_again_from_the_admin(admin: Client, settings: Any) -> None:
    from harvesters.demo import harvest_demo_sources

    settings.HARVEST_ALLOW_PRIVATE_ADDRESSES = False  # the demo opens loopback for itself only
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    (first,) = harvest_demo_sources(only=("demo-dcat-ap-hvd",))
    source = first.source  # its address is the port of a server that has stopped since

    response = admin.post(reverse("harvesters_source_run", args=[source.pk]))
    assert response.status_code == 302
    again = HarvestJob.objects.filter(source=source).exclude(pk=first.pk).get()
    assert again.status == "succeeded", again.error
    assert again.unchanged == first.created > 0
