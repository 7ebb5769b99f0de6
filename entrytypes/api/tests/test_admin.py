"""Editors record pricing, registration and the successor in the API's edit form; they
travel with the draft and are published with it; an API cannot succeed itself."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from catalogue.models import Licence, Theme
from entrytypes.api.models import AccessConditions, DataService
from tests.catalogue.test_admin import draftail, editor_client, inline_formset, url
from tests.factories import make_entry, make_organisation

__all__ = ["editor_client"]

pytestmark = pytest.mark.django_db


def api_form(publisher_id: int, conditions: list[dict[str, str]], **overrides: str) -> dict:
    data: dict[str, Any] = {
        "title": "Departures API v3",
        "slug": "",
        "summary": "Next departures at every stop.",
        "description": draftail("Real-time departures for every bus and tram stop."),
        "publisher": str(publisher_id),
        "contact_name": "",
        "contact_email": "",
        "contact_url": "",
        "themes": [str(Theme.objects.get(code="TRAN").pk)],
        "keywords": "transport",
        "licence": str(Licence.objects.get(spdx_id="CC-BY-4.0").pk),
        "access_rights": "public",
        "spatial_label": "",
        "temporal_start": "",
        "temporal_end": "",
        "landing_page": "",
        "identifier": "",
        "issued": "",
        "modified": "",
        "endpoint_url": "https://api.transit.example/v3/",
        "endpoint_description_url": "",
        "api_type": "rest",
        "version": "3.0",
        "authentication": "oauth2",
        "access_instructions": "",
        "rate_limits": "10 requests per second",
        "sandbox_url": "",
        "lifecycle": "production",
        "sunset_date": "",
        "availability": "",
        "serves_datasets": [],
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(inline_formset("access_conditions", conditions))
    data.update(inline_formset("documents", []))
    data.update(overrides)
    return data


def test_conditions_are_edited_with_the_api(editor_client: Client) -> None:
    publisher = make_organisation()
    old = make_entry("api", title="Departures API v2", publisher=publisher)
    page = editor_client.get(url(DataService, "add")).content.decode()
    assert "Pricing, registration and successor" in page
    form = api_form(
        publisher.pk,
        [{"cost_model": "free-tier", "registration": "", "successor": ""}],
        **{"action-publish": "1"},
    )
    response = editor_client.post(url(DataService, "add"), form)
    assert response.status_code == 302, response.content.decode()[:3000]
    new = DataService.objects.get(title="Departures API v3")
    conditions = AccessConditions.objects.get(entry=new)
    assert (conditions.cost_model, conditions.registration) == ("free-tier", "")
    html = Client().get(new.get_absolute_url()).content.decode()
    assert "Free tier with limits" in html and "Not known" in html

    # The old API names its successor, in a draft first: the public page waits for publish.
    edit = {
        **api_form(publisher.pk, [], title=old.title, slug=old.slug, lifecycle="deprecated"),
        **inline_formset(
            "access_conditions",
            [{"cost_model": "free", "registration": "not-required", "successor": str(new.pk)}],
        ),
    }
    assert editor_client.post(url(DataService, "edit", old.pk), edit).status_code == 302
    assert not AccessConditions.objects.filter(entry=old).exists()
    edit["action-publish"] = "1"
    assert editor_client.post(url(DataService, "edit", old.pk), edit).status_code == 302
    assert AccessConditions.objects.get(entry=old).successor == new
    page = Client().get(old.get_absolute_url()).content.decode()
    assert f'href="{new.get_absolute_url()}"' in page and "This API is deprecated." in page


def test_an_api_cannot_succeed_itself(editor_client: Client) -> None:
    publisher = make_organisation()
    api = make_entry("api", title="Loop API", publisher=publisher)
    dataset = make_entry("dataset", title="Not an API", publisher=publisher)
    for target, message in ((api, "cannot succeed itself"), (dataset, "")):
        form = {
            **api_form(publisher.pk, [], title=api.title, slug=api.slug),
            **inline_formset(
                "access_conditions",
                [{"cost_model": "", "registration": "", "successor": str(target.pk)}],
            ),
            "action-publish": "1",
        }
        response = editor_client.post(url(DataService, "edit", api.pk), form)
        assert response.status_code == 200  # the form again, with the error
        assert message in response.content.decode()
    assert not AccessConditions.objects.filter(entry=api).exists()
