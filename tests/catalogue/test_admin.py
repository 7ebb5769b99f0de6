"""The Wagtail admin round trip, through the real admin views with Django's test client.

An editor signs in, creates a dataset with a distribution, publishes it, finds it by search,
unpublishes it and no longer finds it. Around that: moderation, typed listings, the quality
and provenance panels, overrides on harvested entries, preview, and hostile form input.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from wagtail.models import Workflow, WorkflowContentType, WorkflowState

from catalogue.models import Distribution, Entry, Licence, Theme
from catalogue.registry import entry_types
from entrytypes.dataset.models import Dataset
from search.params import parse_search_params
from search.service import search_entries
from tests.factories import make_entry, make_organisation

PASSWORD = "a-long-test-password-42"  # noqa: S105


def url(model: Any, action: str, *args: Any) -> str:
    # Any: Wagtail sets snippet_viewset on the model class when it registers the snippet.
    return reverse(model.snippet_viewset.get_url_name(action), args=args)


def draftail(text: str) -> str:
    """The admin's rich text editor posts Draftail's content state, not HTML."""
    block = {
        "key": "a1b2c",
        "type": "unstyled",
        "text": text,
        "depth": 0,
        "inlineStyleRanges": [],
        "entityRanges": [],
    }
    return json.dumps({"blocks": [block], "entityMap": {}})


def inline_formset(prefix: str, forms: list[dict[str, str]]) -> dict[str, str]:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(forms)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for i, form in enumerate(forms):
        data.update({f"{prefix}-{i}-{key}": value for key, value in form.items()})
        data.setdefault(f"{prefix}-{i}-ORDER", str(i + 1))
        data.setdefault(f"{prefix}-{i}-DELETE", "")
        data.setdefault(f"{prefix}-{i}-id", "")
    return data


def dataset_form(publisher_id: int, **overrides: str) -> dict[str, Any]:
    licence = Licence.objects.get(spdx_id="CC-BY-4.0")
    data: dict[str, Any] = {
        "title": "Bathing water quality at inland lakes",
        "slug": "",
        "summary": "Weekly E. coli and enterococci samples from 42 bathing lakes.",
        "description": draftail(
            "Samples taken every week from May to September at every designated inland "
            "bathing site, with the season's classification."
        ),
        "publisher": str(publisher_id),
        "contact_name": "Water quality team",
        "contact_email": "water@environment.example",
        "contact_url": "",
        "themes": [str(Theme.objects.get(code="ENVI").pk)],
        "keywords": "bathing water, lakes, E. coli",
        "licence": str(licence.pk),
        "access_rights": "public",
        "spatial_label": "",
        "temporal_start": "2019-05-01",
        "temporal_end": "",
        "landing_page": "https://www.environment.example/bathing",
        "identifier": "",
        "issued": "",
        "modified": "",
        "frequency": "WEEKLY",
        "version": "",
        "in_series": "",
        "conforms_to": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(
        inline_formset(
            "distributions",
            [
                {
                    "title": "Samples (CSV)",
                    "access_url": "https://data.environment.example/bathing.csv",
                    "download_url": "https://data.environment.example/bathing.csv",
                    "format": "CSV",
                    "media_type": "text/csv",
                    "byte_size": "120400",
                    "licence": str(licence.pk),
                    "checksum": "",
                    "description": "",
                }
            ],
        )
    )
    data.update(inline_formset("documents", []))
    data.update(overrides)
    return data


@pytest.fixture
def editor_client(db: Any, settings: Any) -> Client:
    """A client signed in through the admin's login form, as a person would."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast
    get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)
    client = Client()
    response = client.post(
        reverse("wagtailadmin_login"), {"username": "editor", "password": PASSWORD}
    )
    assert response.status_code == 302
    return client


def search_count(text: str) -> int:
    return search_entries(parse_search_params({"q": text})).count


def test_round_trip_create_publish_find_unpublish(editor_client: Client) -> None:
    publisher = make_organisation(name="Environment and Climate Agency", kind="government")
    add_url = url(Dataset, "add")
    assert editor_client.get(add_url).status_code == 200

    response = editor_client.post(add_url, {**dataset_form(publisher.pk), "action-publish": "1"})

    assert response.status_code == 302, response.context["form"].errors
    dataset = Entry.objects.get(title="Bathing water quality at inland lakes")
    assert dataset.entry_type == "dataset"  # the proxy's save() sets it
    assert dataset.slug == "bathing-water-quality-at-inland-lakes"  # made from the title
    assert dataset.live and dataset.revisions.count() == 1
    assert dataset.keywords == ["bathing water", "lakes", "E. coli"]
    assert [d.format for d in dataset.distributions.all()] == ["CSV"]
    assert list(dataset.themes.values_list("code", flat=True)) == ["ENVI"]
    assert dataset.quality_score > 0  # refreshed after the admin published it
    assert search_count("bathing lakes") == 1

    response = editor_client.post(url(Dataset, "unpublish", dataset.pk))

    assert response.status_code == 302
    dataset.refresh_from_db()
    assert not dataset.live
    assert search_count("bathing lakes") == 0


def test_saving_a_draft_keeps_it_out_of_search(editor_client: Client) -> None:
    publisher = make_organisation()
    response = editor_client.post(url(Dataset, "add"), dataset_form(publisher.pk))
    assert response.status_code == 302
    dataset = Entry.objects.get(title="Bathing water quality at inland lakes")
    assert not dataset.live
    assert search_count("bathing lakes") == 0


def test_submitting_for_moderation_starts_the_workflow(editor_client: Client) -> None:
    workflow = Workflow.objects.get(name="Moderators approval")
    content_type = ContentType.objects.get_for_model(Dataset, for_concrete_model=False)
    WorkflowContentType.objects.create(content_type=content_type, workflow=workflow)
    publisher = make_organisation()

    response = editor_client.post(
        url(Dataset, "add"), {**dataset_form(publisher.pk), "action-submit": "1"}
    )

    assert response.status_code == 302
    dataset = Dataset.objects.get(title="Bathing water quality at inland lakes")
    state = WorkflowState.objects.for_instance(dataset).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow == workflow
    assert not dataset.live
    edit_page = editor_client.get(url(Dataset, "edit", dataset.pk)).content.decode()
    assert "Moderators approval" in edit_page


def test_each_listing_shows_only_its_own_type(editor_client: Client) -> None:
    make_entry("dataset", title="Tree inventory")
    make_entry("api", title="Tree inventory API")

    datasets = editor_client.get(url(Dataset, "list")).content.decode()
    assert "Tree inventory" in datasets and "Tree inventory API" not in datasets

    from entrytypes.api.models import DataService

    apis = editor_client.get(url(DataService, "list")).content.decode()
    assert "Tree inventory API" in apis
    # An API cannot be opened through the dataset views.
    api = Entry.objects.get(title="Tree inventory API")
    assert editor_client.get(url(Dataset, "edit", api.pk)).status_code == 404


def test_listing_search_and_filters_answer(editor_client: Client) -> None:
    make_entry("dataset", title="Hospital waiting times")
    make_entry("dataset", title="School enrolment")
    response = editor_client.get(url(Dataset, "list"), {"q": "waiting", "live": "true"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Hospital waiting times" in page and "School enrolment" not in page


def test_every_type_has_working_add_and_edit_forms(editor_client: Client) -> None:

    for entry_type, model in ((spec.key, spec.model) for spec in entry_types):
        entry = make_entry(entry_type, title=f"A {entry_type} to edit")
        assert editor_client.get(url(model, "add")).status_code == 200, entry_type
        page = editor_client.get(url(model, "edit", entry.pk))
        assert page.status_code == 200, entry_type
        assert "Metadata quality" in page.content.decode()


def test_edit_page_shows_quality_fixes_and_harvest_provenance(editor_client: Client) -> None:
    entry = make_entry(
        "dataset",
        title="Harvested rainfall",
        origin="harvested",
        remote_url="https://portal.example/dataset/rainfall",
        overridden_fields=["title"],
    )
    page = editor_client.get(url(Dataset, "edit", entry.pk)).content.decode()
    assert "Harvested from" in page and "https://portal.example/dataset/rainfall" in page
    assert "Kept from harvests:" in page
    assert "Choose at least one theme." in page  # a fix from the quality report


def test_editing_a_harvested_entry_records_the_changed_fields(editor_client: Client) -> None:
    publisher = make_organisation()
    entry = make_entry("dataset", title="Rainfall", publisher=publisher, origin="harvested")
    form = dataset_form(publisher.pk, title="Rainfall, daily totals", slug=entry.slug)
    form["summary"] = entry.summary

    response = editor_client.post(url(Dataset, "edit", entry.pk), form)  # a draft

    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.title == "Rainfall"  # the live entry is unchanged until published...
    assert "title" in entry.overridden_fields  # ...but harvests already keep the title
    assert "distributions" in entry.overridden_fields
    assert "summary" not in entry.overridden_fields


def test_editing_a_manual_entry_records_no_overrides(editor_client: Client) -> None:
    publisher = make_organisation()
    entry = make_entry("dataset", title="Rainfall", publisher=publisher)
    form = dataset_form(publisher.pk, title="Rainfall, daily", slug=entry.slug)
    assert editor_client.post(url(Dataset, "edit", entry.pk), form).status_code == 302
    entry.refresh_from_db()
    assert entry.overridden_fields == []


def test_hostile_form_input_is_a_form_error_not_a_crash(editor_client: Client) -> None:
    publisher = make_organisation()
    make_entry("dataset", title="Taken", slug="taken", publisher=publisher)
    bad = dataset_form(
        publisher.pk,
        slug="taken",
        keywords=", ".join(f"word{i}" for i in range(80)),
        conforms_to="not a url",
        temporal_start="2024-01-01",
        temporal_end="2020-01-01",
        title="<script>alert(1)</script>" + "x" * 400,
    )
    response = editor_client.post(url(Dataset, "add"), bad)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"slug", "keywords", "conforms_to", "temporal_end", "title"} <= set(errors)
    assert Entry.objects.filter(entry_type="dataset").count() == 1


def test_html_typed_into_the_admin_is_sanitised(editor_client: Client) -> None:
    publisher = make_organisation()
    form = dataset_form(publisher.pk, title="Lakes <b onmouseover=alert(1)>now</b>")
    assert editor_client.post(url(Dataset, "add"), form).status_code == 302
    dataset = Entry.objects.get(slug__startswith="lakes")
    assert "<" not in dataset.title


def test_preview_renders_the_public_detail_template(editor_client: Client) -> None:
    publisher = make_organisation()
    preview_url = url(Dataset, "preview_on_add")
    form = dataset_form(publisher.pk)
    response = editor_client.post(preview_url, form)
    assert response.status_code == 200 and json.loads(response.content)["is_valid"]
    page = editor_client.get(preview_url)
    assert page.status_code == 200
    assert "Bathing water quality at inland lakes" in page.content.decode()


def test_distribution_rows_are_edited_inline(editor_client: Client) -> None:
    publisher = make_organisation()
    editor_client.post(url(Dataset, "add"), {**dataset_form(publisher.pk), "action-publish": "1"})
    dataset = Dataset.objects.get()
    distribution = Distribution.objects.get(entry=dataset)
    form = dataset_form(publisher.pk, slug=dataset.slug)
    form.update(
        {
            "distributions-INITIAL_FORMS": "1",
            "distributions-0-id": str(distribution.pk),
            "distributions-0-format": "JSON",
            "action-publish": "1",
        }
    )
    assert editor_client.post(url(Dataset, "edit", dataset.pk), form).status_code == 302
    assert list(Distribution.objects.filter(entry=dataset).values_list("format", flat=True)) == [
        "JSON"
    ]


def test_publishing_from_the_admin_sets_modified(editor_client: Client) -> None:
    import datetime

    from django.utils import timezone

    publisher = make_organisation()
    old = datetime.datetime(2020, 6, 29, tzinfo=datetime.UTC)
    entry = make_entry("dataset", title="Rainfall", publisher=publisher, modified=old)
    form = dataset_form(publisher.pk, title="Rainfall, daily", slug=entry.slug)

    assert editor_client.post(url(Dataset, "edit", entry.pk), form).status_code == 302
    entry.refresh_from_db()
    assert entry.modified == old  # a draft changes nothing public

    before = timezone.now()
    form["action-publish"] = "1"
    assert editor_client.post(url(Dataset, "edit", entry.pk), form).status_code == 302
    entry.refresh_from_db()
    assert entry.modified >= before
    # The next draft starts from the published date, not the old one.
    draft = editor_client.get(url(Dataset, "edit", entry.pk)).context["form"]
    assert draft.initial["modified"] >= before
