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
from tests.factories import make_entry, make_organisation
from tests.harvesters.test_admin_editing import read_form

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


def criteria(*rows: tuple[str, int, bool]) -> dict[str, str]:
    data = {
        "criteria-TOTAL_FORMS": str(len(rows)),
        "criteria-INITIAL_FORMS": "0",
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "1000",
    }
    for i, (name, weight, deleted) in enumerate(rows):
        data.update(
            {
                f"criteria-{i}-name": name,
                f"criteria-{i}-weight": str(weight),
                f"criteria-{i}-description": "",
                f"criteria-{i}-ORDER": str(i + 1),
                f"criteria-{i}-DELETE": "on" if deleted else "",
                f"criteria-{i}-id": "",
            }
        )
    return data


def test_challenge_criteria_weights_must_total_100(admin: Client) -> None:
    from entrytypes.challenge.models import Challenge

    challenge = make_entry("challenge", title="Clean rivers challenge")
    edit = url(Challenge, "edit", challenge.pk)
    form = read_form(admin.get(edit).content.decode())

    form.update(criteria(("Impact", 60, False), ("Feasibility", 30, False)))
    response = admin.post(edit, form)
    assert response.status_code == 200
    assert "The criteria weights total 90%: they must total 100%." in response.content.decode()
    assert not challenge.criteria.exists()

    # A criterion marked for deletion does not count.
    form.update(criteria(("Impact", 60, False), ("Feasibility", 40, False), ("Old", 5, True)))
    form["action-publish"] = "1"
    assert admin.post(edit, form).status_code == 302
    assert sorted(challenge.criteria.values_list("weight", flat=True)) == [40, 60]


def chooser_results(client: Client, model: Any, q: str) -> str:
    name = model.snippet_viewset.chooser_viewset.get_url_name("choose_results")
    response = client.get(reverse(name), {"q": q})
    assert response.status_code == 200
    return response.content.decode()


def test_the_organisation_chooser_search_finds_organisations(admin: Client) -> None:
    from catalogue.models import Organisation

    make_organisation(name="Environment Agency")
    make_organisation(name="Office for National Statistics")
    page = chooser_results(admin, Organisation, "environment agen")
    assert "Environment Agency" in page and "National Statistics" not in page
    assert "Office for National Statistics" in chooser_results(admin, Organisation, "STATISTICS")
    assert "Environment Agency" not in chooser_results(admin, Organisation, "nowhere")


def test_entry_choosers_search_entries(admin: Client) -> None:
    make_entry("dataset", title="River levels")
    make_entry("dataset", title="Air quality", publish=False)  # drafts can be chosen too
    page = chooser_results(admin, Dataset, "air")
    assert "Air quality" in page and "River levels" not in page


def test_the_preview_shows_the_quality_of_what_is_previewed(admin: Client) -> None:
    from catalogue.quality import assess_quality

    entry = make_entry(
        "dataset", title="Noise map", contact_email="noise@city.example", keywords=["noise"]
    )
    entry.refresh_from_db()
    stored = entry.quality_score
    form = read_form(admin.get(url(Dataset, "edit", entry.pk)).content.decode())
    form.update({"contact_email": "", "contact_url": "", "keywords": ""})

    preview = url(Dataset, "preview_on_edit", entry.pk)
    assert admin.post(preview, form).status_code == 200
    page = admin.get(preview).content.decode()

    entry.contact_email, entry.contact_url, entry.keywords = "", "", []
    expected = assess_quality(entry)[0]
    assert expected < stored
    assert f"{expected} out of 100" in page and f"{stored} out of 100" not in page
    assert "Give a contact point." in page


def test_the_series_field_is_a_searching_chooser_not_a_list_of_every_dataset(
    admin: Client,
) -> None:
    series = make_entry("dataset", title="Bathing water, all seasons")
    make_entry("dataset", title="Unrelated roadworks")
    member = make_entry("dataset", title="Bathing water 2024")
    edit = url(Dataset, "edit", member.pk)
    page = admin.get(edit).content.decode()
    assert "Unrelated roadworks" not in page  # no <option> per dataset
    assert reverse(Dataset.snippet_viewset.chooser_viewset.get_url_name("choose")) in page

    form = read_form(page)
    form.update({"in_series": str(series.pk), "action-publish": "1"})
    assert admin.post(edit, form).status_code == 302
    member.refresh_from_db()
    assert member.in_series_id == series.pk
    assert "Bathing water, all seasons" in admin.get(edit).content.decode()
