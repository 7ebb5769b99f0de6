"""The demo's reuses: at least fifteen, every kind, each using published datasets or APIs."""

from __future__ import annotations

import pytest
from django.test import Client

from demo.loader import demo_load
from entrytypes.reuse.models import Reuse, ReuseKind

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_demo_has_linked_reuses_of_every_kind() -> None:
    summary = demo_load()
    assert summary.created["reuse"] >= 15
    reuses = list(Reuse.objects.published().prefetch_related("uses", "themes"))
    assert len(reuses) >= 15
    assert {r.reuse_kind for r in reuses} == set(ReuseKind.values)
    for reuse in reuses:
        used = [e for e in reuse.uses.all() if e.live and e.withdrawn_at is None]
        assert used, reuse
        assert {e.entry_type for e in reuse.uses.all()} <= {"dataset", "api"}, reuse
        assert reuse.url.startswith("https://") and ".example/" in reuse.url, reuse
        assert reuse.themes.all() and reuse.image_id is None, reuse
    assert any(r.author_name for r in reuses) and any(not r.author_name for r in reuses)
    assert {e.entry_type for r in reuses for e in r.uses.all()} == {"dataset", "api"}
    client = Client()
    for path in ("/reuses/", f"/reuses/{reuses[0].slug}/", "/datasets/bus-and-tram-stops/"):
        assert client.get(path).status_code == 200, path
    stops = client.get("/datasets/bus-and-tram-stops/").content.decode()
    assert "Reused in" in stops and "Northbridge Transit Companion" in stops
