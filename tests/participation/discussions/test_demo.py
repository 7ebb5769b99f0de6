"""The demo seeder adds its threads once, with the publisher's answer marked."""

from __future__ import annotations

from typing import Any

import pytest

from participation.discussions.demo import seed_demo
from participation.discussions.models import Post, Thread
from tests.factories import make_entry

pytestmark = pytest.mark.django_db


def test_seed_demo_is_idempotent(db: Any) -> None:
    make_entry("dataset", title="Population estimates by district")
    make_entry("dataset", title="Bus and tram stops")
    summary = seed_demo()
    assert summary.startswith("discussions: 2 demo threads added, 1 skipped")
    assert Thread.objects.count() == 2
    assert Post.objects.filter(is_publisher_answer=True).count() == 1
    assert seed_demo().startswith("discussions: 0 demo threads added")
    assert Thread.objects.count() == 2
