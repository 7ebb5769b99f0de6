"""The profile page: a person edits what others see of them, as plain text only."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from catalogue.models import Country, Theme
from participation.selectors import profile_of

pytestmark = pytest.mark.django_db


def _form(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"display_name": "Ada Lovelace", "organisation_name": "Analytical"}
    data.update(overrides)
    return data


def test_the_profile_needs_an_account(client: Client) -> None:
    response = client.get("/account/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_profile_page_is_an_accessible_form(
    client: Client, make_account: Any, django_assert_max_num_queries: Any
) -> None:
    user = make_account(email="ada@example.org")
    client.force_login(user)
    with django_assert_max_num_queries(20):
        response = client.get("/account/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "ada@example.org" in html
    assert '<label for="id_display_name"' in html
    assert html.count("<fieldset") >= 2 and "<legend>Themes of interest" in html
    assert 'name="csrfmiddlewaretoken"' in html
    for link in ("/accounts/email/", "/accounts/password/change/", "/account/memberships/"):
        assert f'href="{link}"' in html
    for link in ("/account/tokens/", "/account/data/", "/account/delete/"):
        assert f'href="{link}"' in html


def test_saving_the_profile_keeps_name_organisation_and_interests(
    client: Client, make_account: Any
) -> None:
    user = make_account()
    client.force_login(user)
    envi, ie = Theme.objects.get(code="ENVI"), Country.objects.get(code="IE")
    response = client.post(
        "/account/", _form(interest_themes=[envi.pk], interest_countries=[ie.pk])
    )
    assert response.status_code == 302
    profile = profile_of(user)
    assert (profile.display_name, profile.organisation_name) == ("Ada Lovelace", "Analytical")
    assert list(profile.interest_themes.all()) == [envi]
    assert list(profile.interest_countries.all()) == [ie]
    page = client.get("/account/").content.decode()
    assert "Your profile is saved." in page
    assert f'value="{envi.pk}" id="id_interest_themes_' in page and "checked" in page


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        'Ada <img src=x onerror="alert(1)">',
        "javascript:alert(1)",
        "<a href='x'>Ada</a>",
    ],
)
def test_markup_in_text_is_refused_with_a_message_and_nothing_saved(
    client: Client, make_account: Any, hostile: str
) -> None:
    user = make_account(name="Before")
    client.force_login(user)
    response = client.post("/account/", _form(display_name=hostile))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Plain text only" in html
    assert 'aria-describedby="id_display_name_helptext id_display_name_error"' in html
    assert 'id="id_display_name_error"' in html
    assert "<script>alert" not in html
    assert profile_of(user).display_name == "Before"


def test_an_over_long_name_and_an_unknown_theme_are_form_errors(
    client: Client, make_account: Any
) -> None:
    client.force_login(make_account())
    response = client.post("/account/", _form(display_name="x" * 81, interest_themes=["999999"]))
    assert response.status_code == 400
    assert "at most 80 characters" in response.content.decode()


def test_the_profile_form_needs_its_csrf_token(make_account: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_account())
    assert client.post("/account/", _form()).status_code == 403


def test_the_privacy_page_says_what_is_kept_and_sets_no_tracking(client: Client) -> None:
    response = client.get("/privacy/")
    html = response.content.decode()
    assert response.status_code == 200
    for words in ("session cookie", "CSRF cookie", "language cookie", "No tracking"):
        assert words in html
    assert "never your account, your address" in html
    assert html.index("<h1") < html.index("<h2")
