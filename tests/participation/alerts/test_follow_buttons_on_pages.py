"""Organisation and theme pages carry the follow button, and following from them works."""

from __future__ import annotations

import pytest
from django.test import Client

from catalogue.models import Theme
from participation.alerts.models import Follow
from tests.factories import make_organisation

pytestmark = pytest.mark.django_db


def test_an_organisation_page_offers_follow_and_it_follows(client: Client, make_account):
    organisation = make_organisation()
    page = client.get(organisation.get_absolute_url())
    assert page.status_code == 200
    assert f"/follow/organisation/{organisation.pk}/" in page.content.decode()
    user = make_account(email="follower@example.org")
    client.force_login(user)
    response = client.post(f"/follow/organisation/{organisation.pk}/", {"frequency": "daily"})
    assert response.status_code in {200, 302, 303}
    assert Follow.objects.filter(user=user, organisation=organisation).exists()


def test_a_theme_page_offers_follow(client: Client):
    theme = Theme.objects.order_by("pk").first()
    assert theme is not None, "themes come from the catalogue's migrations"
    page = client.get(theme.get_absolute_url())
    assert page.status_code == 200
    assert f"/follow/theme/{theme.slug}/" in page.content.decode()
