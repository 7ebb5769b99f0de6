"""Catalogue changes people care about become events, once per entry and transaction."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from catalogue.models import Distribution, Theme, Winner
from catalogue.services import entry_publish, entry_update
from participation.alerts.models import Alert
from participation.alerts.services import follow_create
from tests.factories import make_entry, make_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def made(django_capture_on_commit_callbacks):
    """Entries made and committed (their own announcements done), as a real site's are."""

    def make(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return make_entry(*args, **kwargs)

    return make


@pytest.fixture
def follower(make_account):
    return make_account(email="follower@example.org")


def _summaries(user):
    return [a.summary for a in Alert.objects.filter(user=user).order_by("id")]


def test_a_new_distribution_published_through_a_revision_alerts_followers(
    follower, made, django_capture_on_commit_callbacks
):
    entry = made(title="Air quality", distributions=[{"title": "CSV 2024", "format": "CSV"}])
    follow_create(user=follower, target_type="entry", target=entry)
    with django_capture_on_commit_callbacks(execute=True):
        entry.distributions.add(Distribution(title="CSV 2025", format="CSV"))
        entry.save_revision()
        entry_publish(entry=entry)
    assert _summaries(follower) == ["Air quality: new distribution: CSV 2025"]
    assert Alert.objects.get(user=follower).url == entry.get_absolute_url()


def test_an_api_deprecated_and_given_a_sunset_date_is_one_alert(
    follower, made, django_capture_on_commit_callbacks
):
    api = made("api", title="Bus times API", lifecycle="production")
    follow_create(user=follower, target_type="entry", target=api)
    with django_capture_on_commit_callbacks(execute=True):
        entry_update(
            entry=api, data={"lifecycle": "deprecated", "sunset_date": dt.date(2027, 6, 30)}
        )
    [summary] = _summaries(follower)
    assert summary.startswith("Bus times API: deprecated; sunset on ")
    assert "2027" in summary


def test_unchanged_fields_and_draft_revisions_alert_nobody(
    follower, made, django_capture_on_commit_callbacks
):
    api = made("api", lifecycle="production")
    follow_create(user=follower, target_type="entry", target=api)
    with django_capture_on_commit_callbacks(execute=True):
        entry_update(entry=api, data={"summary": "A new summary."})
        api.lifecycle = "deprecated"
        api.save_revision()  # a draft: the public entry did not change
    assert _summaries(follower) == []


def test_a_challenge_whose_dates_change_its_status_and_its_winners(
    follower, made, django_capture_on_commit_callbacks
):
    now = timezone.now()
    challenge = made(
        "challenge",
        title="Clean rivers",
        opens_at=now + dt.timedelta(days=3),
        closes_at=now + dt.timedelta(days=30),
    )
    follow_create(user=follower, target_type="entry", target=challenge)
    with django_capture_on_commit_callbacks(execute=True):
        entry_update(entry=challenge, data={"opens_at": now - dt.timedelta(days=1)})
    with django_capture_on_commit_callbacks(execute=True):
        Winner.objects.create(entry=challenge, name="Team Otter")
    assert _summaries(follower) == [
        "Clean rivers: now open for entries",
        "Clean rivers: winners announced",
    ]
    assert set(Alert.objects.values_list("kind", flat=True)) == {"challenge_status"}


def test_a_first_publication_alerts_the_publisher_and_theme_followers_once(
    make_account, django_capture_on_commit_callbacks
):
    theme = Theme.objects.get(code="ENVI")
    publisher = make_organisation()
    org_follower, theme_follower = make_account(), make_account()
    follow_create(user=org_follower, target_type="organisation", target=publisher)
    follow_create(user=theme_follower, target_type="theme", target=theme)
    with django_capture_on_commit_callbacks(execute=True):
        make_entry(
            title="Noise map",
            publisher=publisher,
            themes=[theme],
            distributions=[{"title": "GeoJSON"}],
        )
    assert _summaries(org_follower) == ["New: Noise map"]
    assert _summaries(theme_follower) == ["New: Noise map"]
    assert set(Alert.objects.values_list("kind", flat=True)) == {"entry_published"}


def test_a_rolled_back_change_is_not_announced_later(
    follower, made, django_capture_on_commit_callbacks
):
    from django.db import transaction

    api = made("api", title="Parking API", lifecycle="production")
    follow_create(user=follower, target_type="entry", target=api)
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                entry_update(entry=api, data={"lifecycle": "retired"})
                raise RuntimeError("editor cancelled")
        except RuntimeError:
            pass
        api.refresh_from_db()
        entry_update(entry=api, data={"sunset_date": dt.date(2028, 1, 1)})
    [summary] = _summaries(follower)
    assert "retired" not in summary and "sunset" in summary
