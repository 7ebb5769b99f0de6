"""Listings make a fixed number of queries, however many entries they show (no N+1).

Each test counts the queries of a page with a few entries, adds many more entries with every
relation a card shows (publisher, licence, themes, distributions, status), and asserts the
page makes no more queries than before, and no more than a small absolute bound.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalogue.models import Entry, Partnership, ProjectStatus
from tests.factories import make_entry, make_organisation, theme

pytestmark = pytest.mark.django_db

# Count, page rows, themes, distributions, plus room for the session/user framework.
MAX_LISTING_QUERIES = 8


def _rich_entries(entry_type: str, count: int, **fields) -> None:
    status = ProjectStatus.objects.get(code="implementation")
    for i in range(count):
        extra = dict(fields)
        extra["publisher"] = extra.get("publisher") or make_organisation()
        extra.setdefault("themes", [theme("ENVI"), theme("SDG13")])
        if entry_type == "dataset":
            extra["distributions"] = [
                {"format": "csv", "download_url": f"https://example.org/{i}.csv"},
                {"format": "json", "access_url": f"https://example.org/{i}"},
            ]
        if entry_type == "ppp":
            extra["project_status"] = status
        if entry_type == "challenge":
            extra["closes_at"] = timezone.now() + dt.timedelta(days=i + 1)
        make_entry(entry_type, title=f"{entry_type} {i}", **extra)


def _queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    ("entry_type", "path"),
    [
        ("dataset", "/datasets/"),
        ("api", "/apis/"),
        ("ppp", "/ppp-projects/"),
        ("challenge", "/challenges/"),
    ],
)
def test_listing_queries_do_not_grow_with_entries(
    client, django_assert_max_num_queries, entry_type, path
):
    _rich_entries(entry_type, 2)
    few = _queries(client, path)

    _rich_entries(entry_type, 23)  # more than one page
    with django_assert_max_num_queries(min(few, MAX_LISTING_QUERIES)):
        response = client.get(path)
    assert response.content.decode().count('class="card card--') == 20
    with django_assert_max_num_queries(min(few, MAX_LISTING_QUERIES)):
        client.get(path + "?page=2")


def test_organisation_and_theme_pages_are_bounded(client, django_assert_max_num_queries):
    org = make_organisation(name="Busy Agency")
    for entry_type in ("dataset", "api", "ppp", "challenge"):
        _rich_entries(entry_type, 2, publisher=org)
    partnered = make_entry("ppp", title="Partnered once", public_authority=org)
    Partnership.objects.create(entry=partnered, organisation=org, role="lender")
    few_org = _queries(client, org.get_absolute_url())
    theme_url = theme("ENVI").get_absolute_url()
    few_theme = _queries(client, theme_url)
    few_orgs = _queries(client, "/organisations/")
    few_themes = _queries(client, "/themes/")

    for entry_type in ("dataset", "api", "ppp", "challenge"):
        _rich_entries(entry_type, 6, publisher=org)
    for entry in Entry.objects.of_type("challenge")[:10]:
        Partnership.objects.create(entry=entry, organisation=org, role="sponsor")
    for _ in range(5):
        make_entry("ppp", public_authority=org)

    with django_assert_max_num_queries(few_org):
        client.get(org.get_absolute_url())
    with django_assert_max_num_queries(few_theme):
        client.get(theme_url)
    with django_assert_max_num_queries(few_orgs):
        client.get("/organisations/")
    with django_assert_max_num_queries(few_themes):
        client.get("/themes/")
