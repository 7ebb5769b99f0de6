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
