"""The harvesting admin: sources, approval, run now / dry run, job history, grouped errors."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from pytest_django.fixtures import Settings

from harvesters.models import HarvestJob, HarvestRecord, HarvestSource, JobStatus
from harvesters.services import harvest_source_run

from .conftest import FixtureServer, SourceMaker

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client: Client) -> Client:
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw-12345678")
    client.force_login(user)
    return client


@pytest.fixture
def immediate_tasks(settings: Settings) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def test_source_listing_and_create_form(admin_client: Client, make_source: SourceMaker) -> None:
    make_source("https://example.org/catalog.ttl", protocol="dcat")
    response = admin_client.get("/admin/harvest_sources/")
    assert response.status_code == 200
    assert b"Source" in response.content and b"awaiting" not in response.content
    response = admin_client.get("/admin/harvest_sources/new/")
    assert response.status_code == 200
    assert b"DCAT / DCAT-AP" in response.content


def test_create_refuses_bad_options(admin_client: Client, make_source: SourceMaker) -> None:
    org = make_source("https://example.org/x").organisation
    response = admin_client.post(
        "/admin/harvest_sources/new/",
        {
            "name": "New",
            "slug": "new",
            "protocol": "dcat",
            "url": "https://example.org/c.ttl",
            "organisation": org.pk,
            "schedule": "daily",
            "active": "on",
            "options": json.dumps({"default_licence": "NOT-A-LICENCE"}),
        },
    )
    assert response.status_code == 200
    assert b"no licence with the SPDX id" in response.content
    assert not HarvestSource.objects.filter(slug="new").exists()
    response = admin_client.post(
        "/admin/harvest_sources/new/",
        {
            "name": "New",
            "slug": "new",
            "protocol": "dcat",
            "url": "https://example.org/c.ttl",
            "organisation": org.pk,
            "schedule": "daily",
            "active": "on",
            "options": json.dumps({"default_licence": "CC-BY-4.0", "protected_fields": ["title"]}),
        },
    )
    assert response.status_code == 302
    assert HarvestSource.objects.get(slug="new").approved is False  # approval is separate


def test_approve_needs_the_permission(client: Client, make_source: SourceMaker) -> None:
    source = make_source("https://example.org/x", approved=False)
    user = get_user_model().objects.create_user("editor", "e@example.org", "pw-12345678")
    group = Group.objects.create(name="harvest editors")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_harvestsource"),
    )
    user.groups.add(group)
    client.force_login(user)
    assert client.get(f"/admin/harvesting/sources/{source.pk}/overview/").status_code == 200
    client.post(f"/admin/harvesting/sources/{source.pk}/approve/")  # Wagtail: denied, redirected
    source.refresh_from_db()
    assert not source.approved
    group.permissions.add(Permission.objects.get(codename="approve_harvestsource"))
    user = get_user_model().objects.get(pk=user.pk)
    client.force_login(user)
    response = client.post(f"/admin/harvesting/sources/{source.pk}/approve/")
    assert response.status_code == 302
    assert response["Location"].endswith(f"/harvesting/sources/{source.pk}/overview/")
    source.refresh_from_db()
    assert source.approved and source.approved_by == user


def test_run_now_and_dry_run(
    admin_client: Client,
    fixture_server: FixtureServer,
    test_protocol: str,
    make_source: SourceMaker,
    immediate_tasks: None,
) -> None:
    url = fixture_server.add(
        "/p",
        json.dumps(
            {
                "records": [
                    {"remote_id": "a", "entry_type": "dataset", "title": "Alpha"},
                    {"remote_id": "b", "entry_type": "dataset", "title": " "},
                ]
            }
        ),
    )
    source = make_source(url)
    response = admin_client.post(f"/admin/harvesting/sources/{source.pk}/run/", {"dry_run": "1"})
    assert response.status_code == 302
    job = HarvestJob.objects.get()
    assert job.dry_run and job.created == 1
    admin_client.post(f"/admin/harvesting/sources/{source.pk}/run/")
    assert HarvestJob.objects.filter(dry_run=False).get().status == JobStatus.PARTIAL
    page = admin_client.get(f"/admin/harvesting/sources/{source.pk}/overview/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "The record has no title." in html and "<code>title</code>" in html
    assert "What it would change" in html
    assert admin_client.get("/admin/harvest_jobs/").status_code == 200
    assert admin_client.get(f"/admin/harvest_jobs/inspect/{job.pk}/").status_code == 200
    assert admin_client.get("/admin/harvest_jobs/new/").status_code in (302, 403)


def test_errors_are_grouped_by_field_and_message(
    admin_client: Client,
    fixture_server: FixtureServer,
    test_protocol: str,
    make_source: SourceMaker,
) -> None:
    records = [{"remote_id": f"r{i}", "entry_type": "dataset", "title": ""} for i in range(7)]
    source = make_source(fixture_server.add("/p", json.dumps({"records": records})))
    harvest_source_run(source=source)
    assert HarvestRecord.objects.exclude(last_error="").count() == 7
    html = admin_client.get(f"/admin/harvesting/sources/{source.pk}/overview/").content.decode()
    assert html.count("The record has no title.") == 1  # one group of 7
    assert "<td>7</td>" in html
