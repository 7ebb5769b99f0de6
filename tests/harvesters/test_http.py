"""The one HTTP policy, against a real server on 127.0.0.1."""

from __future__ import annotations

import time
from typing import Any

import pytest
from pytest_django.fixtures import Settings

from harvesters.exceptions import (
    BlockedAddress,
    FetchError,
    PagingError,
    ResponseTooLarge,
    TooManyRedirects,
)
from harvesters.guard import check_url
from harvesters.http import HttpClient, HttpPolicy, PageGuard, retry_after_seconds

from .conftest import FixtureServer

FILE = "dcat/semic_dcat-ap-3-hvd_example-ms_catalogue.ttl"


def client(**overrides: Any) -> HttpClient:
    return HttpClient(policy=HttpPolicy.from_settings(**overrides))


def test_fetches_a_fixture(fixture_server: FixtureServer) -> None:
    response = client().get(fixture_server.fixture_url(FILE))
    assert response.status == 200
    assert response.content_type == "text/turtle"
    assert b"dcat:Dataset" in response.content


def test_429_then_success_honours_retry_after(fixture_server: FixtureServer) -> None:
    url = fixture_server.url(f"/retry/1/1/{'fixtures/' + FILE}")
    started = time.monotonic()
    response = client().get(url)
    assert response.status == 200
    assert time.monotonic() - started >= 1.0  # waited as Retry-After asked
    assert fixture_server.hits[url.removeprefix(fixture_server.base)] == 2


def test_gives_up_after_max_retries(fixture_server: FixtureServer) -> None:
    url = fixture_server.url("/status/503/x")
    with pytest.raises(FetchError) as info:
        client(max_retries=2).get(url)
    assert info.value.status == 503
    assert fixture_server.hits["/status/503/x"] == 3


def test_retry_after_longer_than_allowed_fails_at_once(fixture_server: FixtureServer) -> None:
    with pytest.raises(FetchError, match="retry after"):
        client().get(fixture_server.url(f"/retry/1/3600/fixtures/{FILE}"))


def test_client_error_is_not_retried(fixture_server: FixtureServer) -> None:
    with pytest.raises(FetchError) as info:
        client().get(fixture_server.url("/status/404/x"))
    assert info.value.status == 404
    assert fixture_server.hits["/status/404/x"] == 1


def test_slow_response_times_out(fixture_server: FixtureServer) -> None:
    with pytest.raises(FetchError, match="timed out"):
        client(timeout=0.2, max_retries=1).get(fixture_server.url(f"/slow/1/fixtures/{FILE}"))


def test_truncated_body_is_an_error(fixture_server: FixtureServer) -> None:
    with pytest.raises(FetchError, match="cut off"):
        client(max_retries=1).get(fixture_server.url(f"/truncated/fixtures/{FILE}"))


def test_one_redirect_is_followed(fixture_server: FixtureServer) -> None:
    response = client().get(fixture_server.url(f"/redirect/fixtures/{FILE}"))
    assert response.url == fixture_server.fixture_url(FILE)


def test_redirect_loop_stops(fixture_server: FixtureServer) -> None:
    with pytest.raises(TooManyRedirects):
        client().get(fixture_server.url("/redirect-loop/0"))


def test_size_cap_with_content_length(fixture_server: FixtureServer) -> None:
    with pytest.raises(ResponseTooLarge):
        client(max_bytes=100_000).get(fixture_server.url("/huge/5000000"))


def test_size_cap_without_content_length(fixture_server: FixtureServer) -> None:
    with pytest.raises(ResponseTooLarge):
        client(max_bytes=100_000).get(fixture_server.url("/huge-chunked/5000000"))


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost:8000/x",
        "http://10.0.0.8/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",  # cloud metadata endpoint
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
        "file:///etc/passwd",
        "gopher://example.org/",
    ],
)
def test_ssrf_guard_refuses_non_public_targets(url: str) -> None:
    with pytest.raises(BlockedAddress):
        check_url(url, allow_private=False)


def test_ssrf_guard_refuses_by_default(settings: Settings, _fixture_httpd: FixtureServer) -> None:
    settings.HARVEST_ALLOW_PRIVATE_ADDRESSES = False
    with pytest.raises(BlockedAddress):
        HttpClient().get(_fixture_httpd.fixture_url(FILE))
    assert _fixture_httpd.hits[f"/fixtures/{FILE}"] == 0  # never even connected


def test_redirect_target_is_rechecked(fixture_server: FixtureServer) -> None:
    # Loopback is allowed in tests, but a scheme outside http(s) never is: a redirect to
    # file:// shows that every hop goes through the guard again.
    url = fixture_server.url("/redirect-to?url=file:///etc/passwd")
    with pytest.raises(BlockedAddress, match="http and https"):
        client().get(url)


def test_retry_after_parsing() -> None:
    assert retry_after_seconds("7") == 7
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None


def test_page_guard_stops_loops_and_caps() -> None:
    guard = PageGuard(max_pages=3)
    guard.check_url("a")
    with pytest.raises(PagingError):
        guard.check_url("a")
    guard.check_content(("x", "y"))
    guard.check_content(())
    guard.check_content(())
    with pytest.raises(PagingError):
        guard.check_content(("x", "y"))
    guard.check_url("b")
    with pytest.raises(PagingError, match="cap"):
        guard.check_url("c")
