"""The publisher's queue in the admin: scoped to their organisations (moderators: all), and
answering records the response and tells the reporter through participation_event."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from participation.events import participation_event
from participation.reports.models import IssueReport, ReportEvent
from participation.reports.services import ReportNotAllowed, answer_report, file_report
from tests.factories import make_entry, make_organisation

pytestmark = pytest.mark.django_db


def _as(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def two_orgs(make_account):
    org_a, org_b = make_organisation(name="City of A"), make_organisation(name="Region of B")
    reporter = make_account(name="Reporter")
    report_a = file_report(
        entry=make_entry(title="Stops of A", publisher=org_a),
        reporter=reporter,
        kind="broken_link",
        description="A's link is broken.",
    )
    report_b = file_report(
        entry=make_entry(title="Budget of B", publisher=org_b),
        reporter=reporter,
        kind="licence",
        description="B's licence is missing.",
    )
    return {
        "a": org_a,
        "b": org_b,
        "report_a": report_a,
        "report_b": report_b,
        "reporter": reporter,
    }


@pytest.fixture
def events():
    received: list[dict[str, Any]] = []

    def receiver(**kwargs: Any) -> None:
        received.append(kwargs)

    participation_event.connect(receiver, dispatch_uid="reports-test")
    yield received
    participation_event.disconnect(dispatch_uid="reports-test")


def test_an_editor_sees_and_answers_only_their_organisations_reports(make_editor, two_orgs):
    client = _as(make_editor(two_orgs["a"]))
    queue = client.get(reverse("reports_admin_queue"))
    html = queue.content.decode()
    assert queue.status_code == 200 and "Stops of A" in html and "Budget of B" not in html
    other = reverse("reports_admin_answer", args=[two_orgs["report_b"].pk])
    assert client.get(other).status_code == 404
    assert client.post(other, {"status": "fixed", "reply": "Done"}).status_code == 404
    assert IssueReport.objects.get(pk=two_orgs["report_b"].pk).status == "open"


def test_the_service_itself_refuses_someone_who_does_not_answer_for_the_entry(
    make_editor, two_orgs
):
    with pytest.raises(ReportNotAllowed):
        answer_report(
            report=two_orgs["report_b"], by=make_editor(two_orgs["a"]), status="fixed", reply=""
        )


def test_people_who_answer_for_nothing_get_403_and_no_menu_item(
    make_account, make_editor, two_orgs
):
    from django.contrib.auth.models import Permission

    member = make_editor(two_orgs["a"], role="member")
    plain = make_account()
    plain.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for user in (member, plain):
        client = _as(user)
        assert client.get(reverse("reports_admin_queue")).status_code == 403
        assert "Issue reports" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_moderator_sees_every_report_and_filters_them(moderator, two_orgs):
    client = _as(moderator)
    html = client.get(reverse("reports_admin_queue")).content.decode()
    assert "Stops of A" in html and "Budget of B" in html and "Issue reports" in html
    html = client.get(reverse("reports_admin_queue"), {"kind": "licence"}).content.decode()
    assert "Budget of B" in html and "Stops of A" not in html
    assert client.get(reverse("reports_admin_queue"), {"status": "bogus"}).status_code == 400


def test_answering_records_it_and_announces_report_answered(make_editor, two_orgs, events):
    editor = make_editor(two_orgs["a"], name="Editor of A")
    report = two_orgs["report_a"]
    url = reverse("reports_admin_answer", args=[report.pk])
    client = _as(editor)
    page = client.get(url)
    assert page.status_code == 200 and "A&#x27;s link is broken." in page.content.decode()
    response = client.post(url, {"status": "fixed", "reply": "<b>Fixed</b> the link, thanks."})
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.status, report.reply, report.replied_by) == (
        "fixed",
        "Fixed the link, thanks.",
        editor,
    )
    assert report.first_response_at is not None and report.status_changed_at is not None
    assert ReportEvent.objects.filter(report=report, status_from="open", status_to="fixed").exists()
    (event,) = events
    assert event["kind"] == "report_answered" and event["subject"] == report
    assert two_orgs["reporter"] in event["notify"] and editor in event["exclude"]
    assert event["url"] == report.get_absolute_url()
    public = Client().get(report.entry.get_absolute_url()).content.decode()
    assert "Fixed the link, thanks." in public and "Reply from City of A" in public


def test_saving_the_same_answer_again_announces_nothing(moderator, two_orgs, events):
    report = two_orgs["report_a"]
    answer_report(report=report, by=moderator, status="acknowledged", reply="")
    answer_report(report=report, by=moderator, status="acknowledged", reply="")
    assert len(events) == 1 and ReportEvent.objects.count() == 1


def test_a_held_report_is_released_by_its_publisher(make_account, make_editor, entry):
    report = file_report(
        entry=entry, reporter=make_account(trusted=False), kind="other", description="Held note."
    )
    assert "Held note." not in Client().get(entry.get_absolute_url()).content.decode()
    url = reverse("reports_admin_answer", args=[report.pk])
    client = _as(make_editor(entry.publisher))
    assert 'name="show_publicly"' in client.get(url).content.decode()
    client.post(url, {"status": "acknowledged", "reply": "", "show_publicly": "on"})
    assert "Held note." in Client().get(entry.get_absolute_url()).content.decode()


def test_a_bad_answer_is_a_400_with_the_form(moderator, two_orgs):
    url = reverse("reports_admin_answer", args=[two_orgs["report_a"].pk])
    response = _as(moderator).post(url, {"status": "done", "reply": "x" * 3001})
    assert response.status_code == 400
    assert IssueReport.objects.get(pk=two_orgs["report_a"].pk).status == "open"


def test_the_queue_queries_are_bounded(
    moderator, make_account, entry, django_assert_max_num_queries
):
    client = _as(moderator)
    file_report(entry=entry, reporter=make_account(), kind="other", description="First")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(reverse("reports_admin_queue"))
    for n in range(30):
        file_report(entry=make_entry(), reporter=make_account(), kind="other", description=f"N{n}")
    with django_assert_max_num_queries(len(few)):
        assert client.get(reverse("reports_admin_queue")).status_code == 200
