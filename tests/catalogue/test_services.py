"""Model rules, enforced by the services: what an editor or a harvest can rely on."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from catalogue.models import Country, Entry, Theme, challenge_status_at
from catalogue.services import entry_create, entry_restore, entry_update, entry_withdraw
from tests.factories import make_entry, make_organisation

pytestmark = pytest.mark.django_db


def test_a_draft_keeps_its_themes_and_countries():
    org = make_organisation()
    envi = Theme.objects.get(code="ENVI")
    draft = entry_create(
        entry_type="dataset",
        title="River levels",
        publisher=org,
        themes=[envi],
        countries=[Country.objects.get(code="BE")],
    )
    fresh = Entry.objects.get(pk=draft.pk)
    assert not fresh.live
    assert list(fresh.themes.all()) == [envi]
    assert [c.code for c in fresh.countries.all()] == ["BE"]


def test_an_update_keeps_many_to_many_changes():
    entry = make_entry("dataset", title="Bridges")
    heal = Theme.objects.get(code="HEAL")
    entry_update(entry=entry, data={"themes": [heal], "summary": "All bridges."})
    fresh = Entry.objects.get(pk=entry.pk)
    assert list(fresh.themes.all()) == [heal]
    assert fresh.summary == "All bridges."


def test_slugs_are_unique_within_a_type_only():
    org = make_organisation()
    first = entry_create(entry_type="dataset", title="Parking", publisher=org)
    second = entry_create(entry_type="dataset", title="Parking", publisher=org)
    api = entry_create(entry_type="api", title="Parking", publisher=org)
    assert (first.slug, second.slug, api.slug) == ("parking", "parking-2", "parking")


def test_text_from_outside_is_sanitised_on_save():
    entry = make_entry(
        "dataset",
        title="<b>Bold</b> <script>alert(1)</script>title",
        description=(
            '<p onclick="x()">Hi <img src=x onerror=alert(1)><a href="javascript:x">l</a></p>'
        ),
        keywords=["<i>roads</i>", "  "],
    )
    fresh = Entry.objects.get(pk=entry.pk)
    assert fresh.title == "Bold title"
    assert "onclick" not in fresh.description and "onerror" not in fresh.description
    assert "javascript:" not in fresh.description and "<script" not in fresh.description
    assert fresh.keywords == ["roads"]


def test_withdrawn_entries_are_hidden_kept_and_restorable():
    entry = make_entry("dataset", title="Old dataset")
    assert entry_withdraw(entry_ids=[entry.pk]) == 1
    assert not Entry.objects.published().filter(pk=entry.pk).exists()
    assert Entry.objects.filter(pk=entry.pk).exists()
    assert entry_restore(entry_ids=[entry.pk]) == 1
    assert Entry.objects.published().filter(pk=entry.pk).exists()


def test_challenge_status_follows_the_clock():
    now = timezone.now()
    day = dt.timedelta(days=1)
    assert challenge_status_at(now, now + day, now + 2 * day, None) == "upcoming"
    assert challenge_status_at(now, now - day, now + day, None) == "open"
    assert challenge_status_at(now, now - 2 * day, now - day, now + day) == "judging"
    assert challenge_status_at(now, now - 3 * day, now - 2 * day, now - day) == "closed"
    assert challenge_status_at(now, None, None, None) == "open"


def test_quality_score_rewards_complete_metadata():
    bare = make_entry("dataset", title="Bare", licence=None, summary="")
    rich = make_entry(
        "dataset",
        title="Rich",
        keywords=["roads"],
        themes=[Theme.objects.get(code="TRAN")],
        countries=[Country.objects.get(code="FR")],
        contact_email="data@example.org",
        description="<p>" + "A thorough description of the road network dataset. " * 3 + "</p>",
        temporal_start=dt.date(2020, 1, 1),
        distributions=[{"format": "CSV", "download_url": "https://x.test/r.csv"}],
    )
    from catalogue.services import entry_refresh_quality

    entry_refresh_quality(entry=rich)
    assert rich.quality_score > bare.quality_score
    assert {fix["field"] for fix in bare.quality_report["fixes"]} >= {"licence", "keywords"}
