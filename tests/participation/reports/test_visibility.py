"""Personal-data reports are private: only the reporter, the publisher and moderators see
them — never the public list, the API or anyone else's HTML. The API shows no e-mail."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from participation.reports.services import file_report
from tests.factories import make_organisation

pytestmark = pytest.mark.django_db

SECRET = "Row 12 lists the home address of Jane Doe, 4 Elm Street."  # no character to escape
PUBLIC = "The timetable link points to the file of last year."


def _as(user: Any | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def reports(make_account, entry):
    reporter = make_account(email="reporter.private@example.org", name="Careful reporter")
    private = file_report(entry=entry, reporter=reporter, kind="personal_data", description=SECRET)
    public = file_report(
        entry=entry, reporter=reporter, kind="wrong_or_outdated", description=PUBLIC
    )
    return {"reporter": reporter, "private": private, "public": public}


def test_others_never_see_a_personal_data_report(make_account, make_editor, entry, reports):
    other_org_editor = make_editor(make_organisation())
    for viewer in (None, make_account(), other_org_editor):
        html = _as(viewer).get(entry.get_absolute_url()).content.decode()
        assert PUBLIC in html and SECRET not in html
        assert _as(viewer).get(reports["private"].get_absolute_url()).status_code == 404
        assert _as(viewer).get(reports["public"].get_absolute_url()).status_code == 200


def test_the_reporter_the_publisher_and_moderators_see_it(make_editor, moderator, entry, reports):
    for viewer in (reports["reporter"], make_editor(entry.publisher), moderator):
        html = _as(viewer).get(entry.get_absolute_url()).content.decode()
        assert SECRET in html and "Private" in html
        assert _as(viewer).get(reports["private"].get_absolute_url()).status_code == 200


def test_the_api_lists_public_reports_only_without_e_mail(entry, reports):
    for viewer in (None, reports["reporter"]):
        response = _as(viewer).get(reverse("reports:api-list"), {"entry": entry.pk})
        body = response.content.decode()
        assert response.status_code == 200 and response["Content-Type"] == "application/json"
        data = json.loads(body)
        assert data["count"] == 1 and [r["id"] for r in data["results"]] == [reports["public"].pk]
        assert data["results"][0]["reporter"] == "Careful reporter"
        assert "Jane Doe" not in body and "@example.org" not in body


@pytest.mark.parametrize(
    ("query", "status"),
    [({}, 400), ({"entry": "x"}, 400), ({"entry": "99999999"}, 404), ({"page": "9"}, 404)],
)
def test_bad_api_queries_are_clear_4xx(entry, query, status):
    query = {"entry": str(entry.pk), **query} if "page" in query else query
    response = Client().get(reverse("reports:api-list"), query)
    assert response.status_code == status and "message" in json.loads(response.content)["error"]


def test_an_unknown_token_is_401_not_anonymous(entry):
    response = Client().get(
        reverse("reports:api-list"), {"entry": entry.pk}, headers={"Authorization": "Bearer x"}
    )
    assert response.status_code == 401


def test_the_entry_page_queries_are_bounded(make_account, entry, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    viewer = make_account()
    client = _as(viewer)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(entry.get_absolute_url()).status_code == 200
        return len(queries)

    for n in range(3):
        file_report(entry=entry, reporter=make_account(), kind="other", description=f"Note {n}")
    few = count()
    for n in range(40):
        file_report(
            entry=entry, reporter=make_account(), kind="licence", description=f"Licence {n}"
        )
    assert count() == few
    with django_assert_max_num_queries(few):
        client.get(reverse("reports:api-list"), {"entry": entry.pk})
