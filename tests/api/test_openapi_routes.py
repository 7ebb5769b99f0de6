"""The OpenAPI document lists every ``/api/v1`` route the URLconf serves, autocomplete too.

A route missing from the document is invisible to generated clients and to schemathesis.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from interop.api.openapi import build_openapi
from tests.factories import make_entry

from .conftest import assert_matches_openapi

# The JSON 404 for any other address under /api/v1/: not an endpoint.
NOT_ENDPOINTS = {"not-found"}


def _routes(patterns: list[Any], prefix: str = "") -> list[tuple[str, str]]:
    """(regex of the whole path, route name) of every URL pattern, nested includes walked."""
    found: list[tuple[str, str]] = []
    for pattern in patterns:
        regex = prefix + str(pattern.pattern.regex.pattern).lstrip("^").removesuffix("$")
        if isinstance(pattern, URLResolver):
            found += _routes(pattern.url_patterns, regex.removesuffix("\\Z"))
        elif isinstance(pattern, URLPattern) and pattern.name:
            found.append((regex, pattern.name))
    return found


def _api_v1_route_names() -> set[str]:
    return {
        name
        for regex, name in _routes(get_resolver().url_patterns)
        if regex.startswith("api/v1") and name not in NOT_ENDPOINTS
    }


def _documented_route_names() -> set[str]:
    names: set[str] = set()
    for path in build_openapi()["paths"]:
        # Numeric ids ({follow_id}) take a number; slugs take a slug.
        example = re.sub(r"\{[^}]+_id\}", "1", path)
        match = resolve(re.sub(r"\{[^}]+\}", "some-slug", example))
        names.add(str(match.url_name))
    return names


def test_every_api_v1_route_is_in_the_document() -> None:
    routes = _api_v1_route_names()
    assert {"search", "suggest", "entry-list", "entry-detail"} <= routes
    assert routes - _documented_route_names() == set()


@pytest.mark.django_db
def test_suggest_answers_as_documented(client: Any) -> None:
    make_entry("dataset", title="Bicycle counts", slug="bicycle-counts")
    response = client.get("/api/v1/suggest?q=bicy&limit=3")
    assert response.status_code == 200
    assert_matches_openapi(response, "/api/v1/suggest")
    assert [s["title"] for s in response.json()["suggestions"]] == ["Bicycle counts"]
    for bad in ("limit=0", "limit=21", "q=" + "x" * 101):
        response = client.get("/api/v1/suggest?" + bad)
        assert response.status_code == 400
        assert_matches_openapi(response, "/api/v1/suggest")
