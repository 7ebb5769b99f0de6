"""Related-entry fields search instead of listing every entry (issue 10): with thousands of
datasets the reuse edit page renders only the entries chosen, an editor adds one by its
title, a title that names no entry is a form error quoting it, and the chooser's search (the
same database lookups, catalogue.choosers) finds a dataset by title among thousands."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from catalogue.services.bulk import EntryWrite, entries_bulk_create
from entrytypes.dataset.models import Dataset
from entrytypes.reuse.tests.test_admin import editor_client, reuse_form, url

MANY = 3000
__all__ = ["editor_client"]  # the fixture, shared with test_admin


@pytest.fixture
def crowded(reuse_catalogue: dict[str, Any]) -> dict[str, Any]:
    city = reuse_catalogue["lab"].pk
    writes = [
        EntryWrite(
            entry_type="dataset", fields={"title": f"Sensor feed {n:04d}", "publisher_id": city}
        )
        for n in range(MANY)
    ]
    entries_bulk_create(writes=writes)
    return reuse_catalogue


def test_the_edit_page_renders_the_chosen_entries_only(editor_client, crowded) -> None:
    app = crowded["app"]
    html = editor_client.get(url("edit", app.pk)).content.decode()
    assert "Sensor feed 1234" not in html
    chosen = re.findall(r'<input type="checkbox" name="uses" value="(\d+)" checked', html)
    assert sorted(map(int, chosen)) == sorted(app.uses.values_list("pk", flat=True))
    assert html.count("<option") < 1000  # countries, languages, licences: not 3,000 entries
    assert len(html) < 400_000
    assert 'name="uses-add"' in html


def test_an_entry_is_added_by_its_title_and_a_wrong_title_is_refused(editor_client, crowded):
    app = crowded["app"]
    kept = [crowded["stops"].pk]
    form = {**reuse_form(crowded["lab"].pk, kept, slug=app.slug), "action-publish": "1"}
    form["uses-add"] = "sensor feed 2999\n"
    response = editor_client.post(url("edit", app.pk), form)
    assert response.status_code == 302, response.context["form"].errors
    titles = set(app.uses.values_list("title", flat=True))
    assert titles == {"Bus and tram stops", "Sensor feed 2999"}
    form["uses-add"] = "No such dataset"
    response = editor_client.post(url("edit", app.pk), form)
    assert response.status_code == 200
    assert "No such dataset" in str(response.context["form"].errors["uses"])


def test_the_chooser_search_finds_one_dataset_among_thousands(editor_client, crowded) -> None:
    name = Dataset.snippet_viewset.chooser_viewset.get_url_name("choose_results")
    page = editor_client.get(reverse(name), {"q": "feed 0042"}).content.decode()
    assert "Sensor feed 0042" in page and "Sensor feed 0043" not in page
