"""The reuse admin: a bad address is a form error; gaps (no image, withdrawn links) are
saved with a message that says what to fix."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from catalogue.models import Licence, Theme
from entrytypes.reuse.models import Reuse
from tests.catalogue.test_admin import draftail

PASSWORD = "a-long-test-password-42"  # noqa: S105


@pytest.fixture
def editor_client(db: Any, settings: Any) -> Client:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)
    client = Client()
    assert client.login(username="editor", password=PASSWORD)
    return client


def url(action: str, *args: Any) -> str:
    return reverse(Reuse.snippet_viewset.get_url_name(action), args=args)


def reuse_form(publisher_id: int, uses: list[int], **overrides: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": "Cycling heat map",
        "slug": "",
        "summary": "Where people cycle, street by street.",
        "description": draftail("A heat map of cycle trips drawn from the city's counters."),
        "publisher": str(publisher_id),
        "contact_name": "",
        "contact_email": "",
        "contact_url": "",
        "themes": [str(Theme.objects.get(code="TRAN").pk)],
        "keywords": "cycling, map",
        "licence": str(Licence.objects.get(spdx_id="CC-BY-4.0").pk),
        "access_rights": "public",
        "spatial_label": "",
        "temporal_start": "",
        "temporal_end": "",
        "landing_page": "",
        "identifier": "",
        "issued": "",
        "modified": "",
        "reuse_kind": "visualisation",
        "author_name": "Cycle <b>club</b>",
        "url": "https://viz.reuse.example/heat",
        "image": "",
        "uses": [str(pk) for pk in uses],
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(overrides)
    return data


def test_a_refused_scheme_or_bad_address_is_a_form_error(editor_client, reuse_catalogue):
    ids = [reuse_catalogue["stops"].pk]
    for bad in ("javascript:alert(1)", "ftp://files.example/x", "not an address"):
        form = reuse_form(reuse_catalogue["lab"].pk, ids, url=bad)
        response = editor_client.post(url("add"), form)
        assert response.status_code == 200, bad
        assert "url" in response.context["form"].errors, bad
    assert not Reuse.objects.filter(title="Cycling heat map").exists()


def test_uses_offer_only_datasets_and_apis(editor_client, reuse_catalogue):
    form = editor_client.get(url("add")).context["form"]
    offered = set(form.fields["uses"].queryset.values_list("entry_type", flat=True))
    assert offered == {"dataset", "api"}


def test_gaps_are_saved_with_messages_that_say_what_to_fix(editor_client, reuse_catalogue):
    cat = reuse_catalogue
    uses = [cat["stops"].pk, cat["gone"].pk, cat["api"].pk]
    form = {**reuse_form(cat["lab"].pk, uses), "action-publish": "1"}
    response = editor_client.post(url("add"), form, follow=True)
    assert response.status_code == 200
    reuse = Reuse.objects.get(title="Cycling heat map")
    assert reuse.live and reuse.entry_type == "reuse"
    assert reuse.author_name == "Cycle club"  # sanitised like every text field
    assert set(reuse.uses.values_list("slug", flat=True)) == {"stops", "old-counts", "departures"}
    shown = [str(m) for m in response.context["messages"]]
    assert any(text.startswith("No image") for text in shown), shown
    assert any("1 withdrawn entry" in text for text in shown), shown
    # The edit form keeps saying so until it is fixed.
    edit = editor_client.get(url("edit", reuse.pk)).content.decode()
    assert "No image" in edit and "1 withdrawn entry" in edit
    # The public page leaves the withdrawn dataset out.
    public = Client().get("/reuses/cycling-heat-map/").content.decode()
    assert "Bus and tram stops" in public and "Old traffic counts" not in public


def test_editing_with_two_withdrawn_links_says_two(editor_client, reuse_catalogue):
    from catalogue.services import entry_withdraw

    cat = reuse_catalogue
    entry_withdraw(entry_ids=[cat["stops"].pk])
    app = cat["app"]
    form = reuse_form(cat["lab"].pk, [cat["stops"].pk, cat["gone"].pk], slug=app.slug)
    response = editor_client.post(url("edit", app.pk), form, follow=True)
    assert response.status_code == 200
    shown = [str(m) for m in response.context["messages"]]
    assert any("2 withdrawn entries" in text for text in shown), shown
