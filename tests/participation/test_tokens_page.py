"""The API tokens page: a token is shown once, listed by its prefix, revoked by a POST."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from participation.models import ApiToken
from participation.tokens import create_token, user_for_token

pytestmark = pytest.mark.django_db


def test_a_new_token_is_shown_once_and_works(client: Client, make_account: Any) -> None:
    user = make_account()
    client.force_login(user)
    response = client.post("/account/tokens/", {"name": "harvest script"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    raw = re.search(r'id="new-token-value"[^>]*value="(eco_[^"]+)"', html)
    assert raw, html
    assert user_for_token(raw.group(1)) == user
    listing = client.get("/account/tokens/").content.decode()
    token = ApiToken.objects.get(user=user)
    assert "harvest script" in listing and token.prefix in listing
    assert raw.group(1) not in listing
    assert "Never" not in listing  # used once above: its last use is shown


def test_revoking_a_token_stops_it(client: Client, make_account: Any) -> None:
    user = make_account()
    token, raw = create_token(user, "old")
    client.force_login(user)
    assert client.get(f"/account/tokens/{token.pk}/revoke/").status_code == 405
    assert client.post(f"/account/tokens/{token.pk}/revoke/").status_code == 302
    assert user_for_token(raw) is None
    assert "Revoked" in client.get("/account/tokens/").content.decode()


def test_nobody_revokes_anothers_token_and_bad_names_are_refused(
    client: Client, make_account: Any
) -> None:
    owner = make_account()
    token, raw = create_token(owner, "mine")
    client.force_login(make_account())
    client.post(f"/account/tokens/{token.pk}/revoke/")
    assert user_for_token(raw) == owner
    for name in ("", "<script>x</script>", "x" * 81):
        assert client.post("/account/tokens/", {"name": name}).status_code == 400
    assert ApiToken.objects.count() == 1


def test_the_tokens_page_needs_csrf_and_an_account(make_account: Any) -> None:
    assert Client().get("/account/tokens/").status_code == 302
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_account())
    assert client.post("/account/tokens/", {"name": "x"}).status_code == 403
