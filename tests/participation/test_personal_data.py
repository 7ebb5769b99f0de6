"""A person downloads everything held about them, and deletes their account: every
registered part is erased, the account's rows are gone and nobody can sign in with it."""

from __future__ import annotations

import json
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.test import Client

from catalogue.models import Theme
from participation import personal_data
from participation.models import ApiToken, Membership, Profile
from participation.selectors import profile_of
from participation.services import grant_membership
from participation.tokens import create_token, user_for_token
from tests.factories import make_organisation

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(make_account: Any) -> Any:
    user = make_account(email="ada@example.org", name="Ada Lovelace")
    profile_of(user).interest_themes.add(Theme.objects.get(code="ENVI"))
    grant_membership(user, organisation=make_organisation(name="Analytical Society"), role="editor")
    create_token(user, "my script")
    return user


def test_the_download_holds_every_part_and_no_secret(client: Client, person: Any) -> None:
    client.force_login(person)
    response = client.get("/account/data/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "ada@example.org"
    assert data["account"]["profile"]["display_name"] == "Ada Lovelace"
    assert data["account"]["profile"]["interest_themes"] == ["ENVI"]
    assert data["account"]["email_addresses"] == [
        {"email": "ada@example.org", "verified": True, "primary": True}
    ]
    assert data["memberships"][0]["organisation"] == "Analytical Society"
    assert data["api_tokens"][0]["name"] == "my script"
    token = ApiToken.objects.get(user=person)
    assert token.key_hash not in response.content.decode()
    assert "password" not in response.content.decode()


def test_the_download_includes_every_registered_part(
    client: Client, person: Any, monkeypatch: Any
) -> None:
    part = personal_data.PersonalDataPart("elsewhere", lambda u: {"id": u.pk}, lambda u: None)
    monkeypatch.setitem(personal_data._parts, "elsewhere", part)
    client.force_login(person)
    assert json.loads(client.get("/account/data/").content)["elsewhere"] == {"id": person.pk}


def test_the_download_needs_an_account(client: Client) -> None:
    assert client.get("/account/data/").status_code == 302


def test_a_wrong_password_deletes_nothing(client: Client, person: Any) -> None:
    client.force_login(person)
    page = client.get("/account/delete/").content.decode()
    assert '<label for="id_password"' in page and 'name="csrfmiddlewaretoken"' in page
    response = client.post("/account/delete/", {"password": "not it"})
    assert response.status_code == 400
    assert "This is not your password." in response.content.decode()
    assert get_user_model().objects.filter(pk=person.pk).exists()


def test_deleting_the_account_erases_every_part_and_the_login(
    client: Client, person: Any, monkeypatch: Any
) -> None:
    erased: list[int] = []
    part = personal_data.PersonalDataPart(
        "elsewhere", lambda u: None, lambda u: erased.append(u.pk)
    )
    monkeypatch.setitem(personal_data._parts, "elsewhere", part)
    user_id = person.pk
    raw = create_token(person, "second")[1]
    client.force_login(person)
    response = client.post("/account/delete/", {"password": PASSWORD})
    assert response.status_code == 302
    assert erased == [user_id]
    assert not get_user_model().objects.filter(pk=user_id).exists()
    for model in (Profile, Membership, ApiToken, EmailAddress):
        assert not model.objects.filter(user_id=user_id).exists(), model
    assert user_for_token(raw) is None
    assert client.get("/account/").status_code == 302  # signed out
    login = client.post("/accounts/login/", {"login": "ada@example.org", "password": PASSWORD})
    assert login.status_code == 200  # the form again: no such account
    assert "_auth_user_id" not in client.session


def test_deletion_needs_a_post_with_csrf(person: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(person)
    assert client.post("/account/delete/", {"password": PASSWORD}).status_code == 403
    assert get_user_model().objects.filter(pk=person.pk).exists()
