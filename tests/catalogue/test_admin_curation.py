"""What curators use around the edit form, through the real Wagtail admin with Django's client:
listing filters, choosers, the dashboard and the preview.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from entrytypes.dataset.models import Dataset
from tests.factories import make_entry

pytestmark = pytest.mark.django_db


def url(model: Any, action: str, *args: Any) -> str:
    return reverse(model.snippet_viewset.get_url_name(action), args=args)


@pytest.fixture
def admin(client: Client) -> Client:
    user = get_user_model().objects.create_superuser("curator", "cu@example.org", "pw-1234567")
    client.force_login(user)
    return client


def listed(client: Client, model: Any, **params: str) -> str:
    response = client.get(url(model, "list"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_listing_filters_harvested_edited_and_withdrawn_entries(admin: Client) -> None:
    make_entry("dataset", title="Typed in by hand")
    make_entry("dataset", title="Harvested as is", origin="harvested")
    make_entry(
        "dataset", title="Harvested then edited", origin="harvested", overridden_fields=["title"]
    )
    make_entry(
        "dataset", title="Withdrawn upstream", origin="harvested", withdrawn_at=timezone.now()
    )
    titles = ["Typed in by hand", "Harvested as is", "Harvested then edited", "Withdrawn upstream"]

    def shown(**params: str) -> list[str]:
        page = listed(admin, Dataset, **params)
        return [title for title in titles if title in page]

    assert shown() == titles
    assert shown(harvested="true") == titles[1:]
    assert shown(harvested="false") == titles[:1]
    assert shown(edited="true") == ["Harvested then edited"]
    assert shown(withdrawn="true") == ["Withdrawn upstream"]
    assert shown(harvested="true", withdrawn="false") == titles[1:3]
    page = listed(admin, Dataset)
    assert "Changed by an editor after harvesting" in page and "Withdrawn by the source" in page
    # A value the filter does not know is a form error on the listing, never a crash.
    assert admin.get(url(Dataset, "list"), {"edited": "perhaps"}).status_code == 200
