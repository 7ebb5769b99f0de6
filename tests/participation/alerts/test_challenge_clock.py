"""A challenge opens and closes by the clock: followers hear it when the dates pass, once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from participation.alerts.clock import announce_challenge_milestones
from participation.alerts.models import Alert
from participation.alerts.services import follow_create
from tests.factories import make_entry

pytestmark = pytest.mark.django_db


def test_opening_and_closing_are_announced_when_their_time_passes(
    make_account, django_capture_on_commit_callbacks
):
    follower = make_account(email="follower@example.org")
    start = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        challenge = make_entry(
            "challenge",
            title="Cleaner rivers",
            opens_at=start + dt.timedelta(hours=1),
            closes_at=start + dt.timedelta(days=10),
        )
        make_entry("challenge", title="Old one", closes_at=start - dt.timedelta(days=3))
    follow_create(user=follower, target_type="entry", target=challenge)
    Alert.objects.all().delete()

    assert announce_challenge_milestones(now=start) == 0  # the first run starts the clock
    assert announce_challenge_milestones(now=start + dt.timedelta(minutes=30)) == 0
    assert announce_challenge_milestones(now=start + dt.timedelta(hours=2)) == 1
    assert announce_challenge_milestones(now=start + dt.timedelta(hours=3)) == 0  # once
    assert announce_challenge_milestones(now=start + dt.timedelta(days=11)) == 1
    summaries = list(Alert.objects.filter(user=follower).values_list("summary", flat=True))
    assert summaries == ["Cleaner rivers: now open for entries", "Cleaner rivers: closed"]


def test_the_digest_command_runs_the_clock_first(make_account) -> None:
    call_command("announce_challenge_milestones")  # starts the clock
    call_command("send_alert_digests", "--frequency", "daily")  # runs it again: nothing new
