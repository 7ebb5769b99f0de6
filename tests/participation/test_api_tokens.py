"""Personal API tokens: a script calls as its owner; a revoked or unknown token is a 401."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.test import RequestFactory

from participation.tokens import api_view, create_token, revoke_token

pytestmark = pytest.mark.django_db


@api_view
def whoami(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"user": request.user.pk if request.user.is_authenticated else None})


def _call(method: str = "get", user: Any = None, **headers: str) -> HttpResponse:
    from django.contrib.auth.models import AnonymousUser

    request = getattr(RequestFactory(), method)("/api/whoami", headers=headers)
    request.user = user or AnonymousUser()
    request._dont_enforce_csrf_checks = False
    return whoami(request)


def test_a_token_acts_as_its_owner_until_revoked(make_account):
    user = make_account(email="script@example.org")
    token, raw = create_token(user, "my script")
    assert token.key_hash != raw and raw not in token.prefix + token.key_hash
    assert json.loads(_call(Authorization=f"Bearer {raw}").content) == {"user": user.pk}
    assert revoke_token(user, token.pk)
    response = _call(Authorization=f"Bearer {raw}")
    assert response.status_code == 401
    assert "revoked" in json.loads(response.content)["error"]["message"]


def test_an_unknown_token_is_refused_not_treated_as_anonymous():
    assert _call(Authorization="Bearer eco_nonsense").status_code == 401


def test_a_session_write_without_csrf_token_is_refused(make_account):
    response = _call("post", user=make_account())
    assert response.status_code == 403
    assert "CSRF" in json.loads(response.content)["error"]["message"]


def test_a_write_with_neither_token_nor_session_is_a_401():
    response = _call("post")
    assert response.status_code == 401
    assert "token" in json.loads(response.content)["error"]["message"]


def test_nobody_revokes_someone_elses_token(make_account):
    owner = make_account(email="owner@example.org")
    other = make_account(email="other@example.org")
    token, _raw = create_token(owner, "mine")
    assert not revoke_token(other, token.pk)
