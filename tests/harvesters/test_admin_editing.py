"""Editors and harvests on the same entries, through the real admin pages.

An editor opens a harvested entry's edit page, the form is read from its HTML as a browser
would and posted back; a real CKAN API on 127.0.0.1 serves the source between the edits.
"""

from __future__ import annotations

import copy
import json
from html.parser import HTMLParser
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from benchmarks.ckan_server import CkanCatalogue, generate
from catalogue.models import Entry
from harvesters.models import HarvestRecord
from harvesters.services import harvest_source_run

from .conftest import FixtureServer

pytestmark = pytest.mark.django_db

SEARCH = "/api/3/action/package_search"


class FormReader(HTMLParser):
    """The values a browser would submit from the page's main form (no button pressed)."""

    def __init__(self) -> None:
        super().__init__()
        self.data: list[tuple[str, str]] = []
        self.in_form = False
        self.textarea: str | None = None
        self.select: str | None = None
        self.select_first: str | None = None
        self.select_chosen = False
        self.select_multiple = False
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("data-edit-form") is not None:
            self.in_form = True
        if not self.in_form or a.get("disabled") is not None:
            return
        name = a.get("name", "")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in {"submit", "button", "file"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in a:
                return
            self.data.append((name, a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self.textarea, self.text = name, ""
        elif tag == "select" and name:
            self.select, self.select_first, self.select_chosen = name, None, False
            self.select_multiple = "multiple" in a
        elif tag == "option" and self.select:
            if self.select_first is None:
                self.select_first = a.get("value", "")
            if "selected" in a:
                self.select_chosen = True
                self.data.append((self.select, a.get("value", "")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.in_form = False
        elif tag == "textarea" and self.textarea:
            self.data.append((self.textarea, self.text.removeprefix("\n")))
            self.textarea = None
        elif tag == "select" and self.select:
            chosen = self.select_chosen or self.select_multiple
            if not chosen and self.select_first is not None:
                self.data.append((self.select, self.select_first))
            self.select = None

    def handle_data(self, data: str) -> None:
        if self.textarea:
            self.text += data


def read_form(page: str) -> dict[str, Any]:
    reader = FormReader()
    reader.feed(page)
    form: dict[str, Any] = {}
    for name, value in reader.data:
        if name in form:
            existing = form[name]
            form[name] = [*existing, value] if isinstance(existing, list) else [existing, value]
        else:
            form[name] = value
    return form


def edit_url(entry: Entry, action: str = "edit") -> str:
    model: Any = type(entry.specific if hasattr(entry, "specific") else entry)
    from catalogue.registry import entry_types

    model = entry_types.get(entry.entry_type).model
    return reverse(model.snippet_viewset.get_url_name(action), args=[entry.pk])


@pytest.fixture
def editor(client: Client) -> Client:
    user = get_user_model().objects.create_superuser("editor", "ed@example.org", "pw-12345678")
    client.force_login(user)
    return client


@pytest.fixture
def harvested(fixture_server: FixtureServer, make_source: Any) -> dict[str, Any]:
    packages = generate(2)
    packages[0]["notes"] = "Card transactions over £500.\n\nPublished monthly by the council."
    fixture_server.add(SEARCH, CkanCatalogue(packages).package_search)
    options = {"rows": 5, "incremental": False}  # full harvests: unchanged records are listed
    source = make_source(fixture_server.url("/"), protocol="ckan", options=options)
    assert harvest_source_run(source=source).created == 2
    entry = Entry.objects.get(pk=HarvestRecord.objects.get(remote_id=packages[0]["id"]).entry_id)
    return {"source": source, "packages": packages, "entry": entry, "server": fixture_server}


def serve(server: FixtureServer, packages: list[dict[str, Any]]) -> None:
    server.add(SEARCH, CkanCatalogue(packages).package_search)


def test_saving_without_changes_keeps_nothing_from_harvests(
    editor: Client, harvested: dict[str, Any]
) -> None:
    entry = harvested["entry"]
    form = read_form(editor.get(edit_url(entry)).content.decode())
    response = editor.post(edit_url(entry), form)
    assert response.status_code == 302, response.context and response.context["form"].errors
    entry.refresh_from_db()
    assert entry.overridden_fields == []

    # The next harvest still updates the description.
    packages = copy.deepcopy(harvested["packages"])
    packages[0]["notes"] = "A new description from the source."
    packages[0]["metadata_modified"] = "2031-01-01T00:00:00"
    serve(harvested["server"], packages)
    harvest_source_run(source=harvested["source"])
    entry.refresh_from_db()
    assert "new description from the source" in entry.description


def test_changing_one_field_keeps_only_that_field(
    editor: Client, harvested: dict[str, Any]
) -> None:
    entry = harvested["entry"]
    form = read_form(editor.get(edit_url(entry)).content.decode())
    form["summary"] = "An editor's own summary."
    assert editor.post(edit_url(entry), form).status_code == 302
    entry.refresh_from_db()
    assert entry.overridden_fields == ["summary"]


def moderated(entry: Entry) -> None:
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Workflow, WorkflowContentType

    model = type(entry_model(entry))
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    workflow = Workflow.objects.get(name="Moderators approval")
    WorkflowContentType.objects.get_or_create(content_type=content_type, workflow=workflow)


def entry_model(entry: Entry) -> Any:
    from catalogue.registry import entry_types

    return entry_types.get(entry.entry_type).model.objects.get(pk=entry.pk)


def reharvest(harvested: dict[str, Any], **changes: Any) -> None:
    packages = copy.deepcopy(harvested["packages"])
    packages[0].update(changes, metadata_modified="2024-01-01T00:00:00")  # after the first
    serve(harvested["server"], packages)
    job = harvest_source_run(source=harvested["source"])
    assert job.updated == 1


def test_approving_a_draft_written_before_a_harvest(
    editor: Client, harvested: dict[str, Any]
) -> None:
    entry = harvested["entry"]
    moderated(entry)
    form = read_form(editor.get(edit_url(entry)).content.decode())
    form.update({"summary": "An editor's own summary.", "action-submit": "1"})
    assert editor.post(edit_url(entry), form).status_code == 302
    entry.refresh_from_db()
    assert entry.overridden_fields == ["summary"] and entry.has_unpublished_changes

    resources = copy.deepcopy(harvested["packages"][0]["resources"][:1])
    resources[0].update(id="a-new-resource", format="CSV", url="https://example.org/new.csv")
    reharvest(harvested, notes="Corrected by the source.", resources=resources)
    entry.refresh_from_db()
    harvested_modified = entry.modified

    page = editor.get(edit_url(entry)).content.decode()
    assert "Updated by a harvest after this draft was started" in page
    assert "Corrected by the source." in page  # the draft shows the harvest's change
    form = read_form(page)
    form.update({"action-workflow-action": "1", "workflow-action-name": "approve"})
    response = editor.post(edit_url(entry), form)
    assert response.status_code == 302, response.content.decode()[:3000]

    entry.refresh_from_db()
    assert entry.live and not entry.has_unpublished_changes
    assert entry.summary == "An editor's own summary."
    assert "Corrected by the source." in entry.description
    assert entry.modified >= harvested_modified  # never back to the draft's stale value
    assert [d.format for d in entry.distributions.all()] == ["CSV"]


def test_harvest_updates_are_in_the_history_with_a_diff(
    editor: Client, harvested: dict[str, Any]
) -> None:
    entry = harvested["entry"]
    reharvest(harvested, title="Card payments over £500")
    page = editor.get(edit_url(entry, "history")).content.decode()
    assert "Updated by a harvest" in page
    assert "Card payments over £500" in page and "Purchase Card Transactions #0" in page


def test_a_page_opened_before_the_harvest_says_why_it_cannot_be_saved(
    editor: Client, harvested: dict[str, Any]
) -> None:
    entry = harvested["entry"]
    form = read_form(editor.get(edit_url(entry)).content.decode())  # opened...
    resources = copy.deepcopy(harvested["packages"][0]["resources"][:1])
    resources[0].update(id="a-new-resource", url="https://example.org/new.csv")
    reharvest(harvested, resources=resources)  # ...then a harvest replaces the distributions
    form["action-publish"] = "1"
    response = editor.post(edit_url(entry), form)
    assert response.status_code == 200
    assert "were replaced (by a harvest) after this page was opened" in response.content.decode()


def test_a_harvest_never_invents_modified(fixture_server: FixtureServer, make_source: Any) -> None:
    packages = generate(1)
    del packages[0]["metadata_modified"]  # the source does not say
    page = {"success": True, "result": {"count": 1, "results": packages}}
    fixture_server.add(SEARCH, json.dumps(page))
    source = make_source(fixture_server.url("/"), protocol="ckan", options={"rows": 5})
    assert harvest_source_run(source=source).created == 1
    assert Entry.objects.get().modified is None


def test_an_editor_gives_a_kept_field_back_to_the_source(
    editor: Client, harvested: dict[str, Any]
) -> None:
    entry = harvested["entry"]
    form = read_form(editor.get(edit_url(entry)).content.decode())
    form.update({"summary": "An editor's own summary.", "action-publish": "1"})
    assert editor.post(edit_url(entry), form).status_code == 302
    page = editor.get(edit_url(entry)).content.decode()
    release = reverse("harvesters_entry_release_field", args=[entry.pk, "summary"])
    assert f'formaction="{release}"' in page

    response = editor.post(release, read_form(page))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.overridden_fields == []
    assert editor.post(release).status_code == 302  # twice: a message, not an error

    # The source has not changed, yet the next harvest writes its summary back.
    harvest_source_run(source=harvested["source"])
    entry.refresh_from_db()
    assert entry.summary != "An editor's own summary."
