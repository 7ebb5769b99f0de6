"""An event becomes one alert per person: followers of the subject, plus notify, minus exclude."""

from __future__ import annotations

import pytest

from catalogue.models import Theme
from participation.alerts.models import Alert, Follow, MailOptOut
from participation.alerts.services import follow_create
from participation.events import announce
from tests.factories import make_entry, make_organisation

pytestmark = pytest.mark.django_db


def _announce(subject, **kw):
    announce(
        sender="test",
        subject=subject,
        kind=kw.pop("kind", "entry_changed"),
        summary=kw.pop("summary", "Something changed"),
        url=kw.pop("url", "/somewhere/"),
        **kw,
    )


def test_followers_of_entry_organisation_and_theme_get_one_alert_each(make_account):
    theme = Theme.objects.get(code="ENVI")
    publisher = make_organisation()
    entry = make_entry(publisher=publisher, themes=[theme])
    by_entry, by_org, by_theme, by_all, nobody = (make_account() for _ in range(5))
    follow_create(user=by_entry, target_type="entry", target=entry)
    follow_create(user=by_org, target_type="organisation", target=publisher, frequency="daily")
    follow_create(user=by_theme, target_type="theme", target=theme, frequency="weekly")
    entry_follow, _ = follow_create(user=by_all, target_type="entry", target=entry)
    follow_create(user=by_all, target_type="organisation", target=publisher, frequency="weekly")
    follow_create(user=by_all, target_type="theme", target=theme, frequency="weekly")

    _announce(entry)

    alerts = {a.user_id: a for a in Alert.objects.all()}
    assert set(alerts) == {by_entry.pk, by_org.pk, by_theme.pk, by_all.pk}
    assert nobody.pk not in alerts
    assert alerts[by_org.pk].frequency == "daily"
    assert alerts[by_theme.pk].frequency == "weekly"
    # one alert for someone who follows it three ways: the most specific follow wins
    assert Alert.objects.filter(user=by_all).count() == 1
    assert alerts[by_all.pk].follow_id == entry_follow.pk
    assert alerts[by_all.pk].frequency == "immediate"


def test_notify_reaches_non_followers_and_exclude_removes_the_actor(make_account):
    entry = make_entry()
    follower, actor, reporter, opted_out = (make_account() for _ in range(4))
    follow_create(user=follower, target_type="entry", target=entry)
    follow_create(user=actor, target_type="entry", target=entry)
    MailOptOut.objects.create(user=opted_out)

    _announce(
        entry, kind="report_answered", notify=(reporter, follower, opted_out), exclude=(actor,)
    )

    alerts = Alert.objects.order_by("user_id")
    assert [a.user_id for a in alerts] == sorted([follower.pk, reporter.pk])
    direct = alerts.get(user=reporter)
    assert direct.follow_id is None and direct.frequency == "immediate"
    assert alerts.get(user=follower).follow_id is not None  # not duplicated by notify


def test_a_subject_nobody_can_follow_alerts_only_the_people_told(make_account):
    reporter = make_account()
    _announce(object(), kind="request_answered", notify=(reporter,))
    assert list(Alert.objects.values_list("user_id", flat=True)) == [reporter.pk]


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        announce(sender="t", subject=None, kind="nonsense", summary="", url="")


def test_one_follow_per_target_enforced_by_the_database(make_account):
    from django.db import IntegrityError, transaction

    user = make_account()
    entry = make_entry()
    Follow.objects.create(user=user, entry=entry)
    with pytest.raises(IntegrityError), transaction.atomic():
        Follow.objects.create(user=user, entry=entry)
    with pytest.raises(IntegrityError), transaction.atomic():
        Follow.objects.create(user=user)  # no target
    with pytest.raises(IntegrityError), transaction.atomic():
        Follow.objects.create(user=user, entry=entry, theme=Theme.objects.first())


def test_alerts_for_many_followers_in_bounded_queries(make_account, django_assert_max_num_queries):
    entry = make_entry()
    users = [make_account() for _ in range(30)]
    Follow.objects.bulk_create([Follow(user=u, entry=entry) for u in users])
    with django_assert_max_num_queries(6):
        _announce(entry)
    assert Alert.objects.count() == 30
