"""A real search on the page or the API logs one row, holding nothing about who searched."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest

from participation.demand.models import SearchDaily, SearchLog
from search.signals import search_performed
from tests.factories import make_entry, make_organisation

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/128.0"


@pytest.fixture
def harbour_entries() -> None:
    city = make_organisation(name="Harbour City", slug="harbour-city")
    for n in range(3):
        make_entry("dataset", title=f"Harbour tides {n}", publisher=city)


def test_model_has_no_field_for_a_person() -> None:
    for model in (SearchLog, SearchDaily):
        names = {field.name for field in model._meta.get_fields()}
        assert not any(
            word in name
            for name in names
            for word in ("user", "ip", "address", "session", "agent", "account", "email")
        ), names
        assert not any(field.is_relation for field in model._meta.get_fields())


def test_a_search_on_the_page_logs_exactly_one_row(client: Any, harbour_entries: None) -> None:
    response = client.get(
        "/search/", {"q": "  Harbour   TIDES ", "type": "dataset"}, HTTP_USER_AGENT=BROWSER
    )
    assert response.status_code == 200
    (row,) = SearchLog.objects.all()
    assert row.query == "harbour tides"
    assert json.loads(row.filters) == {"type": ["dataset"]}
    assert row.result_count == 3
    assert row.source == "page"
    assert (row.created_at.minute, row.created_at.second, row.created_at.microsecond) == (0, 0, 0)
    (daily,) = SearchDaily.objects.all()
    assert (daily.query, daily.result_count, daily.searches) == ("harbour tides", 3, 1)
    stored = json.dumps([row.query, row.filters, row.source, str(row.created_at)])
    assert "Firefox" not in stored and "127.0.0.1" not in stored


def test_the_api_logs_too_with_its_source(client: Any, harbour_entries: None) -> None:
    response = client.get("/api/v1/search", {"q": "nothing-like-this"}, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    (row,) = SearchLog.objects.all()
    assert (row.query, row.result_count, row.source) == ("nothing-like-this", 0, "api")


def test_later_pages_empty_searches_bad_input_and_crawlers_log_nothing(
    client: Any, harbour_entries: None
) -> None:
    client.get("/search/", {"q": "harbour", "page_size": "1"})
    assert SearchLog.objects.count() == 1
    assert (
        client.get("/search/", {"q": "harbour", "page_size": "1", "page": "2"}).status_code == 200
    )
    client.get("/search/")  # browsing, not asking
    assert client.get("/search/", {"sort": "nonsense", "q": "x"}).status_code == 400
    crawler = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
    assert client.get("/search/", {"q": "harbour"}, HTTP_USER_AGENT=crawler).status_code == 200
    assert SearchLog.objects.count() == 1


def test_a_failing_receiver_is_logged_and_the_search_answers(
    client: Any, harbour_entries: None, caplog: Any
) -> None:
    def broken(sender: Any, **kwargs: Any) -> None:
        raise RuntimeError("receiver broke")

    search_performed.connect(broken, dispatch_uid="test.broken")
    try:
        with caplog.at_level(logging.ERROR, logger="search.signals"):
            response = client.get("/search/", {"q": "harbour"})
    finally:
        search_performed.disconnect(dispatch_uid="test.broken")
    assert response.status_code == 200
    assert "3 results" in response.content.decode()
    assert "failed" in caplog.text
    assert SearchLog.objects.count() == 1  # the other receiver still logged it


def test_a_failing_write_does_not_break_the_search(
    client: Any, harbour_entries: None, monkeypatch: Any
) -> None:
    """The log's savepoint: a database error in the log leaves the page's own queries intact."""
    from django.db import DatabaseError

    from participation.demand import services

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise DatabaseError("disk full")

    monkeypatch.setattr(services, "_upsert_daily", refuse)
    response = client.get("/search/", {"q": "harbour"})
    assert response.status_code == 200
    assert SearchLog.objects.count() == 0  # rolled back with its savepoint, nothing half-written


def test_a_long_query_is_trimmed_not_refused(client: Any, harbour_entries: None) -> None:
    client.get("/search/", {"q": "abcdefghij" * 30})
    assert len(SearchLog.objects.get().query) == 200
