"""A NUL (or other control character) in a slug or query answers 400 with a message, never
500: PostgreSQL cannot compare text with a NUL (issue 10)."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = [pytest.mark.django_db, pytest.mark.postgresql]

PATHS = [
    "/api/v1/datasets/%00",
    "/api/v1/datasets/%00/",
    "/apis/%00/",
    "/organisations/%00/",
    "/themes/%00/",
    "/datasets/a%01b/",
    "/api/v1/datasets?q=%00",
    "/api/v1/datasets?organisation=%00",
    "/search/?q=air%00",
]


@pytest.mark.parametrize("path", PATHS)
def test_a_control_character_is_refused_with_400(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 400
    assert "control character" in response.content.decode()


def test_the_api_answer_is_json(client: Client) -> None:
    response = client.get("/api/v1/datasets/%00")
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith("The address contains")


def test_line_breaks_in_a_search_stay_allowed(client: Client) -> None:
    assert client.get("/search/?q=air%0Aquality").status_code == 200


def test_the_ckan_api_answers_in_ckan_envelope(client: Client) -> None:
    response = client.get("/api/3/action/package_show?id=%00")
    assert response.status_code == 400
    body = response.json()
    assert body["success"] is False
    assert body["error"]["__type"] == "Bad Request"


def test_a_nul_posted_to_the_ckan_api_is_refused(client: Client) -> None:
    """ckanapi's RemoteCKAN posts JSON: the NUL is in the body, not in the address."""
    response = client.post(
        "/api/action/package_show", data='{"id": "a\\u0000b"}', content_type="application/json"
    )
    assert response.status_code == 400
    body = response.json()
    assert body["success"] is False
    assert "NUL" in body["error"]["message"]
