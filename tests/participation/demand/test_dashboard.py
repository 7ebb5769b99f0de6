"""The demand dashboard: who sees it, which period, every panel rendered and exported as CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from participation import dashboard
from participation.dashboard import DemandPanel, register_demand_panel
from participation.demand.services import log_search

pytestmark = pytest.mark.django_db

URL = "/admin/demand/"


@pytest.fixture
def scoped_panel() -> Iterator[list[Any]]:
    """A panel as the other apps register one: it records the scope it was called with."""
    calls: list[Any] = []

    def rows(organisation_ids: Sequence[int] | None) -> list[list[Any]]:
        calls.append(organisation_ids)
        return [["Water quality", "=1+2", 7]]

    register_demand_panel(
        DemandPanel("test-requested", "Requested in the test", ["What", "Formula", "Votes"], rows)
    )
    yield calls
    dashboard._PANELS.pop("test-requested", None)


def _searches(query: str, times: int, result_count: int = 0, days_ago: int = 0) -> None:
    when = dt.datetime.now(dt.UTC) - dt.timedelta(days=days_ago)
    for _ in range(times):
        log_search(
            query=query,
            filters={"theme": ["envi"]},
            result_count=result_count,
            source="page",
            now=when,
        )


def _csv(response: Any) -> list[list[str]]:
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(body)))


def test_anonymous_is_sent_to_log_in(client: Any) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert client.get(URL + "zero-result-searches.csv").status_code == 302


def test_admin_users_who_administer_nothing_are_refused(
    client: Any, editor_with_admin_access: Any
) -> None:
    client.force_login(editor_with_admin_access)
    assert client.get(URL).status_code == 403
    assert client.get(URL + "zero-result-searches.csv").status_code == 403
    assert '"url": "/admin/demand/"' not in client.get("/admin/").content.decode()


def test_a_plain_account_never_reaches_it(client: Any, make_account: Any) -> None:
    client.force_login(make_account())
    response = client.get(URL)
    assert response.status_code in (302, 403)  # Wagtail refuses admin access itself
    assert b"Searches that found nothing" not in response.content


def test_moderator_sees_every_panel_unscoped(
    client: Any, moderator: Any, scoped_panel: list[Any]
) -> None:
    _searches("bathing water", 3)
    _searches("harbour tides", 4, result_count=12)
    client.force_login(moderator)
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert scoped_panel == [None]
    assert html.index("Searches that found nothing") < html.index("Most frequent searches")
    assert html.index("Most frequent searches") < html.index("Requested in the test")
    assert "<caption>Searches that found nothing</caption>" in html
    assert '<th scope="col">Search words</th>' in html
    assert '<th scope="row">bathing water</th>' in html
    assert "theme: envi" in html
    assert 'href="/admin/demand/zero-result-searches.csv?days=30"' in html
    assert '"url": "/admin/demand/"' in client.get("/admin/").content.decode()


def test_organisation_admin_gets_panels_scoped_to_their_organisations(
    client: Any, organisation_admin: Any, scoped_panel: list[Any]
) -> None:
    client.force_login(organisation_admin)
    assert client.get(URL).status_code == 200
    assert scoped_panel == [[organisation_admin.demand_organisation.pk]]


def test_period_filter_and_bad_periods(client: Any, moderator: Any) -> None:
    _searches("tides", 2, days_ago=50)
    client.force_login(moderator)
    assert "tides" not in client.get(URL).content.decode()
    ninety = client.get(URL, {"days": "90"})
    assert '<th scope="row">tides</th>' in ninety.content.decode()
    assert '<option value="90" selected>' in ninety.content.decode()
    for bad in ("31", "abc", "-7", "9" * 40, "<script>"):
        response = client.get(URL, {"days": bad})
        assert response.status_code == 400
        assert "The period must be one of 7, 30, 90 days." in response.content.decode()
        assert "<script>" not in response.content.decode()
        csv_response = client.get(URL + "frequent-searches.csv", {"days": bad})
        assert csv_response.status_code == 400


def test_csv_is_parsed_as_a_spreadsheet_would_with_formulas_defused(
    client: Any, moderator: Any, scoped_panel: list[Any]
) -> None:
    _searches('=HYPERLINK("http://evil.test","click")', 2)
    _searches("@SUM(A1)", 2, result_count=3)
    client.force_login(moderator)
    rows = _csv(client.get(URL + "zero-result-searches.csv", {"days": "7"}))
    assert rows[0] == ["Search words", "Filters", "Searches", "Last seen"]
    assert rows[1][:3] == ['\'=hyperlink("http://evil.test","click")', "theme: envi", "2"]
    frequent = _csv(client.get(URL + "frequent-searches.csv"))
    assert ["'@sum(a1)", "theme: envi", "2", "3"] in frequent
    assert _csv(client.get(URL + "test-requested.csv"))[1] == ["Water quality", "'=1+2", "7"]
    assert client.get(URL + "no-such-panel.csv").status_code == 404


def test_queries_stay_bounded_however_many_searches(client: Any, moderator: Any) -> None:
    """The count is fixed by the registered panels (each app adds its own), never by the data."""
    client.force_login(moderator)
    for n in range(8):
        _searches(f"query {n}", 2 + n % 3, result_count=n % 4)
    assert client.get(URL).status_code == 200  # the session is read once
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL).status_code == 200
    for n in range(8, 120):
        _searches(f"query {n}", 2 + n % 3, result_count=n % 4)
    client.get(URL)
    with CaptureQueriesContext(connection) as many:
        response = client.get(URL)
    assert response.status_code == 200
    assert len(many.captured_queries) == len(few.captured_queries) <= 40
    # 30 of the queries found nothing; the 120 frequent ones are capped at 50 rows.
    assert response.content.decode().count('<th scope="row">query ') == 30 + 50
