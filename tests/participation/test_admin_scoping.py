"""An organisation's editor, in the real Wagtail admin, reaches only its entries: listings,
every per-entry view, bulk actions and the publisher field. Curators stay unrestricted."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from entrytypes.dataset.models import Dataset
from participation.selectors import MODERATORS_GROUP
from participation.services import grant_membership
from tests.catalogue.test_admin import dataset_form, url
from tests.factories import make_entry, make_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(make_account: Any) -> dict[str, Any]:
    ours = make_organisation(name="Northbridge City Council")
    theirs = make_organisation(name="Harbour Authority")
    editor = make_account(email="editor@northbridge.example")
    grant_membership(editor, organisation=ours, role="editor")
    return {
        "ours": ours,
        "theirs": theirs,
        "editor": editor,
        "our_entry": make_entry(title="Street lighting faults", publisher=ours),
        "their_entry": make_entry(title="Harbour tide gauges", publisher=theirs),
    }


def test_the_editor_lists_only_their_organisations_entries(
    client: Client, scene: dict[str, Any], django_assert_max_num_queries: Any
) -> None:
    client.force_login(scene["editor"])
    for _n in range(5):
        make_entry(publisher=scene["ours"])
    with django_assert_max_num_queries(60):
        response = client.get(url(Dataset, "list"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Street lighting faults" in html and "Harbour tide gauges" not in html
    search = client.get(url(Dataset, "list"), {"q": "Harbour"}).content.decode()
    assert "Harbour tide gauges" not in search


def test_every_view_of_another_organisations_entry_is_not_found(
    client: Client, scene: dict[str, Any]
) -> None:
    client.force_login(scene["editor"])
    theirs, ours = scene["their_entry"].pk, scene["our_entry"].pk
    assert client.get(url(Dataset, "edit", ours)).status_code == 200
    for action in ("edit", "delete", "history", "inspect", "unpublish", "usage"):
        assert client.get(url(Dataset, action, theirs)).status_code == 404, action
    assert client.post(url(Dataset, "delete", theirs)).status_code == 404
    assert Dataset.objects.filter(pk=theirs).exists()
    form = dataset_form(scene["theirs"].pk, title="Taken over")
    assert client.post(url(Dataset, "edit", theirs), form).status_code == 404
    assert Dataset.objects.get(pk=theirs).title == "Harbour tide gauges"


def test_bulk_actions_refuse_another_organisations_entries(
    client: Client, scene: dict[str, Any]
) -> None:
    client.force_login(scene["editor"])
    bulk = reverse("wagtail_bulk_action", args=(Dataset._meta.app_label, "dataset", "delete"))
    response = client.post(f"{bulk}?id={scene['their_entry'].pk}", {})
    assert response.status_code == 403
    assert Dataset.objects.filter(pk=scene["their_entry"].pk).exists()
    own = client.post(f"{bulk}?id={scene['our_entry'].pk}", {})
    assert own.status_code in {200, 302}
    assert not Dataset.objects.filter(pk=scene["our_entry"].pk).exists()


def test_the_publisher_field_offers_only_their_organisations(
    client: Client, scene: dict[str, Any]
) -> None:
    client.force_login(scene["editor"])
    page = client.get(url(Dataset, "add")).content.decode()
    select = re.search(r'<select name="publisher".*?</select>', page, re.S)
    assert select, "the publisher is a short list, not the chooser of every organisation"
    assert f'<option value="{scene["ours"].pk}"' in select.group(0)
    assert f'value="{scene["theirs"].pk}"' not in select.group(0)
    refused = client.post(url(Dataset, "add"), dataset_form(scene["theirs"].pk))
    assert refused.status_code == 200  # the form again, with its error
    assert "Select a valid choice" in refused.content.decode()
    assert not Dataset.objects.filter(title="Bathing water quality at inland lakes").exists()
    made = client.post(url(Dataset, "add"), dataset_form(scene["ours"].pk))
    assert made.status_code == 302
    assert (
        Dataset.objects.get(title="Bathing water quality at inland lakes").publisher
        == (scene["ours"])
    )


def test_leaving_the_organisation_closes_the_admin(client: Client, scene: dict[str, Any]) -> None:
    client.force_login(scene["editor"])
    membership = scene["editor"].memberships.get()
    client.post(f"/account/memberships/{membership.pk}/leave/")
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_curators_and_staff_without_membership_stay_unrestricted(
    client: Client, scene: dict[str, Any], make_account: Any
) -> None:
    moderator = make_account()
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    moderator.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(codename__in=["view_dataset", "change_dataset"]),
    )
    grant_membership(moderator, organisation=scene["ours"], role="editor")
    staff = make_account()
    staff.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(codename__in=["view_dataset", "change_dataset"]),
    )
    for person in (moderator, staff):
        client.force_login(person)
        html = client.get(url(Dataset, "list")).content.decode()
        assert "Harbour tide gauges" in html and "Street lighting faults" in html
