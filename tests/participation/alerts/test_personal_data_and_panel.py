"""What alerts hold about a person is exported and erased; the most-followed demand panel."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from participation.alerts.demo import seed_demo
from participation.alerts.models import Alert, Follow, SavedSearch
from participation.alerts.services import follow_create, saved_search_create
from participation.dashboard import demand_panel
from participation.events import announce
from participation.personal_data import personal_data_parts
from tests.factories import make_entry, make_organisation

pytestmark = pytest.mark.django_db


def test_export_and_erase(make_account):
    user = make_account()
    entry = make_entry(title="Air quality")
    follow_create(user=user, target_type="entry", target=entry)
    saved_search_create(user=user, params=QueryDict("q=air"), name="Air")
    announce(sender="t", subject=entry, kind="entry_changed", summary="changed", url="/x/")
    part = next(p for p in personal_data_parts() if p.key == "alerts")
    data = part.export(user)
    assert {f["type"] for f in data["follows"]} == {"entry", "saved_search"}
    assert data["saved_searches"][0]["query"] == "q=air"
    assert data["pending_alerts"][0]["summary"] == "changed"
    part.erase(user)
    assert not Follow.objects.filter(user=user).exists()
    assert not SavedSearch.objects.filter(user=user).exists()
    assert not Alert.objects.filter(user=user).exists()


def test_most_followed_panel_counts_per_publisher(make_account):
    mine, theirs = make_organisation(name="Mine"), make_organisation(name="Theirs")
    popular, other = make_entry(publisher=mine, title="Popular"), make_entry(publisher=theirs)
    for _ in range(3):
        follow_create(user=make_account(), target_type="entry", target=popular)
    follow_create(user=make_account(), target_type="entry", target=other)
    panel = demand_panel("most-followed")
    assert panel is not None
    assert [list(r) for r in panel.rows([mine.pk])] == [["Popular", "Mine", 3]]
    assert len(panel.rows(None)) == 2


def test_demo_seed_is_idempotent():
    make_entry()
    first = seed_demo()
    count = Follow.objects.count()
    assert seed_demo() == first and Follow.objects.count() == count >= 2
