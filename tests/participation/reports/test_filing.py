"""Filing a report from an entry page: what is kept, what is refused, and how."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from participation.reports.models import IssueReport, ReportStatus
from participation.selectors import profile_of

pytestmark = pytest.mark.django_db

VALID = {
    "kind": "broken_link",
    "description": "The GTFS download returns 404 since Monday.",
    "url": "https://transport.example.org/gtfs.zip",
}


def _client(user: Any | None = None, **kwargs: Any) -> Client:
    client = Client(**kwargs)
    if user is not None:
        client.force_login(user)
    return client


def _file(client: Client, entry: Any, **data: str) -> Any:
    return client.post(reverse("reports:file", args=[entry.pk]), {**VALID, **data})


def test_a_verified_account_files_a_report_and_reads_it_on_its_page(make_account, entry):
    reporter = make_account(name="Amina")
    response = _file(_client(reporter), entry)
    report = IssueReport.objects.get()
    assert response.status_code == 302 and response["Location"] == report.get_absolute_url()
    assert (report.entry, report.reporter, report.status) == (entry, reporter, ReportStatus.OPEN)
    assert report.url == VALID["url"] and not report.held
    page = _client().get(report.get_absolute_url())
    assert page.status_code == 200 and VALID["description"] in page.content.decode()


def test_the_entry_page_offers_the_form_and_lists_public_reports(make_account, entry):
    reporter = make_account(name="Amina")
    _file(_client(reporter), entry)
    html = _client(make_account()).get(entry.get_absolute_url()).content.decode()
    assert f'action="/reports/new/{entry.pk}/"' in html
    assert 'name="csrfmiddlewaretoken"' in html and 'name="website"' in html
    assert "<legend>" in html and 'for="report_description"' in html
    assert VALID["description"] in html and "Amina" in html
    anonymous = _client().get(entry.get_absolute_url()).content.decode()
    assert "Sign in to report a problem" in anonymous and "/reports/new/" not in anonymous
    assert VALID["description"] in anonymous  # public reports are public


def test_a_signed_out_visitor_is_asked_to_sign_in_and_nothing_is_saved(entry):
    response = _file(_client(), entry)
    assert response.status_code == 401 and "Sign in" in response.content.decode()
    assert not IssueReport.objects.exists()


@pytest.mark.parametrize("problem", ["unverified", "blocked"])
def test_unverified_or_blocked_accounts_cannot_report(make_account, entry, problem):
    user = make_account(verified=problem != "unverified")
    if problem == "blocked":
        profile = profile_of(user)
        profile.blocked_at = timezone.now()
        profile.save()
    assert _file(_client(user), entry).status_code == 403
    assert not IssueReport.objects.exists()


def test_the_honeypot_and_a_missing_csrf_token_are_refused(make_account, entry):
    user = make_account()
    assert _file(_client(user), entry, website="http://spam.example").status_code == 400
    assert _file(_client(user, enforce_csrf_checks=True), entry).status_code == 403
    assert not IssueReport.objects.exists()


def test_a_flood_answers_429_with_retry_after(make_account, entry, settings):
    settings.PARTICIPATION_RATE_LIMIT = "2/minute"
    client = _client(make_account())
    statuses = [_file(client, entry).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
    flood = _file(client, entry)
    assert int(flood["Retry-After"]) > 0 and "too fast" in flood.content.decode()
    assert IssueReport.objects.count() == 2


def test_an_over_long_description_is_a_400_that_keeps_the_text(make_account, entry):
    text = "The figures for 2023 are wrong. " * 100  # 3,200 characters
    response = _file(_client(make_account()), entry, description=text)
    html = response.content.decode()
    assert response.status_code == 400 and "at most 3000 characters" in html
    assert (
        text.strip() in html
        and 'aria-describedby="report_description_help report_description_errors"' in html
    )
    assert not IssueReport.objects.exists()


def test_markup_scripts_and_event_handlers_are_removed(make_account, entry):
    hostile = (
        '<script>alert("x")</script>Broken <b onmouseover="alert(1)">link</b>\n'
        '<a href="javascript:alert(2)">here</a> <img src=x onerror=alert(3)>'
    )
    _file(_client(make_account()), entry, description=hostile)
    assert IssueReport.objects.get().description == "Broken link\nhere"
    html = _client().get(entry.get_absolute_url()).content.decode()
    assert "alert(" not in html and "onerror" not in html and "javascript:" not in html


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://files.example.org/x.csv", "data:text/html,hi"]
)
def test_only_web_addresses_are_accepted_as_the_url(make_account, entry, url):
    response = _file(_client(make_account()), entry, url=url)
    assert response.status_code == 400
    assert "starting with http:// or https://" in response.content.decode()
    assert not IssueReport.objects.exists()


def test_markup_only_descriptions_and_unknown_kinds_are_400(make_account, entry):
    client = _client(make_account())
    assert _file(client, entry, description="<script>x</script>").status_code == 400
    assert _file(client, entry, kind="spam").status_code == 400
    assert not IssueReport.objects.exists()


def test_a_withdrawn_or_unknown_entry_cannot_be_reported(make_account, entry):
    from catalogue.services import entry_withdraw

    client = _client(make_account())
    assert client.post(reverse("reports:file", args=[999999]), VALID).status_code == 404
    entry_withdraw(entry_ids=[entry.pk])
    assert _file(client, entry).status_code == 404


def test_a_new_accounts_report_reaches_the_publisher_but_waits_to_be_public(make_account, entry):
    _file(_client(make_account(name="Newcomer", trusted=False)), entry)
    report = IssueReport.objects.get()
    assert report.held
    assert VALID["description"] not in _client().get(entry.get_absolute_url()).content.decode()
    assert _client().get(report.get_absolute_url()).status_code == 404
