"""HTTP behaviour shared by every endpoint: validators and 304s, CORS, methods, rate limits."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.utils.http import http_date

from interop.api.ratelimit import parse_rate_limit

from .conftest import assert_matches_openapi

pytestmark = pytest.mark.django_db

GET_PATHS = [
    "/api/v1/search",
    "/api/v1/datasets",
    "/api/v1/organisations",
    "/api/v1/themes",
    "/api/openapi.json",
]


@pytest.mark.parametrize("path", GET_PATHS)
def test_every_get_has_validators_and_answers_304(
    client: Any, linked_catalogue: dict, path: str
) -> None:
    first = client.get(path)
    assert first.status_code == 200
    etag = first["ETag"]
    assert etag.startswith('"') and etag.endswith('"')
    if path != "/api/openapi.json":
        assert first["Last-Modified"]
    again = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert again["Access-Control-Allow-Origin"] == "*"
    assert client.get(path, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_detail_if_modified_since_and_change(client: Any, linked_catalogue: dict) -> None:
    from catalogue.services import entry_update

    dataset = linked_catalogue["dataset"]
    url = f"/api/v1/datasets/{dataset.slug}"
    first = client.get(url)
    last_modified = first["Last-Modified"]
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=http_date(0)).status_code == 200
    # If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2).
    stale = client.get(url, HTTP_IF_NONE_MATCH='"old"', HTTP_IF_MODIFIED_SINCE=last_modified)
    assert stale.status_code == 200

    entry_update(entry=dataset, data={"title": "Bus stops, renamed"})
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert changed.json()["title"] == "Bus stops, renamed"
    assert changed["ETag"] != first["ETag"]


def test_list_last_modified_moves_when_an_entry_is_withdrawn(
    client: Any, linked_catalogue: dict
) -> None:
    import time

    from catalogue.services import entry_withdraw

    first = client.get("/api/v1/apis")
    time.sleep(1.1)  # HTTP dates count whole seconds
    entry_withdraw(entry_ids=[linked_catalogue["api"].pk])
    cache.clear()  # the last-change time is reused for a few seconds
    after = client.get("/api/v1/apis", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert after.status_code == 200
    assert after.json()["count"] == 0


def test_cors_headers_and_preflight(client: Any, linked_catalogue: dict) -> None:
    response = client.get("/api/v1/datasets", HTTP_ORIGIN="https://reuser.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/api/v1/datasets",
        HTTP_ORIGIN="https://reuser.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert preflight["Access-Control-Allow-Headers"] == "if-none-match"
    assert int(preflight["Access-Control-Max-Age"]) > 0


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_are_refused_with_405(client: Any, db: Any, method: str) -> None:
    response = getattr(client, method)("/api/v1/datasets")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response.json()["error"]["message"]


def test_head_has_headers_and_no_body(client: Any, linked_catalogue: dict) -> None:
    response = client.head("/api/v1/datasets")
    assert response.status_code == 200
    assert response["ETag"] and response.content == b""


def test_rate_limit_answers_429_with_retry_after(client: Any, db: Any, settings: Any) -> None:
    settings.API_RATE_LIMIT = "3/minute"
    statuses = [client.get("/api/v1/themes").status_code for _ in range(3)]
    assert statuses == [200, 200, 200]
    limited = client.get("/api/v1/themes")
    assert limited.status_code == 429
    assert int(limited["Retry-After"]) >= 1
    assert limited["Access-Control-Allow-Origin"] == "*"
    assert limited.json()["error"]["message"]
    assert_matches_openapi(limited, "/api/v1/themes")
    # Another client has its own bucket.
    other = client.get("/api/v1/themes", REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200
    assert other["RateLimit-Remaining"] == "2"


def test_rate_limit_bucket_refills(rf: Any, settings: Any) -> None:
    from interop.api.ratelimit import Decision, take_token

    settings.API_RATE_LIMIT = "2/second"
    request = rf.get("/api/v1/themes")

    def take(now: float) -> Decision:
        decision = take_token(request, now=now)
        assert decision is not None  # None only when the limit is off
        return decision

    assert take(100.0).allowed
    assert take(100.0).allowed
    refused = take(100.0)
    assert not refused.allowed and refused.retry_after == 1
    assert take(100.6).allowed  # 0.6 s x 2/s = 1.2 tokens back


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("120/minute", (120, 60)),
        ("5/second", (5, 1)),
        ("1000 / hours", (1000, 3600)),
        ("off", None),
        ("", None),
        ("0/minute", None),
    ],
)
def test_rate_limit_setting(spec: str, expected: Any) -> None:
    rule = parse_rate_limit(spec)
    assert (None if rule is None else (rule.limit, rule.period_seconds)) == expected


def test_bad_rate_limit_setting_is_refused() -> None:
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        parse_rate_limit("lots")
