"""The demo seeder posts its requests once, however often it runs."""

from __future__ import annotations

import pytest

from participation.data_requests.demo import seed_demo
from participation.data_requests.models import DataRequest
from participation.demo import seed_demo as seed_accounts

pytestmark = pytest.mark.django_db


def test_seeding_twice_posts_once():
    seed_accounts()
    seed_demo()
    count = DataRequest.objects.count()
    seed_demo()
    assert count == 3 and DataRequest.objects.count() == count
    assert DataRequest.objects.filter(vote_count__gt=0).exists()
