"""Unchanged CKAN re-harvests skip mapping by fingerprint (id + metadata_modified)."""

from __future__ import annotations

from typing import Any

import pytest

from benchmarks.ckan_server import CkanCatalogue, generate
from harvesters.ckan.listing import package_fingerprint
from harvesters.ckan.mapping import map_search_page
from harvesters.models import HarvestRecord
from harvesters.services import harvest_source_run

from .conftest import FixtureServer

SEARCH = "/api/3/action/package_search"


def serve(server: FixtureServer, packages: list[dict[str, Any]]) -> None:
    server.add(SEARCH, CkanCatalogue(packages).package_search)


def test_a_known_fingerprint_is_not_mapped() -> None:
    packages = generate(3)
    known = {packages[0]["id"]: package_fingerprint(packages[0])}
    page = map_search_page(
        {"success": True, "result": {"count": 3, "results": packages}}, known=known
    )
    assert page.unchanged_ids == (packages[0]["id"],)
    assert {r.remote_id for r in page.records} == {p["id"] for p in packages[1:]}
    assert set(page.fingerprints) == {p["id"] for p in packages[1:]}
    assert package_fingerprint({"id": "x"}) == ""  # no marker: no shortcut


@pytest.mark.django_db
def test_reharvest_skips_unchanged_and_keeps_loader_rules(
    fixture_server: FixtureServer, make_source: Any
) -> None:
    packages = generate(12)
    serve(fixture_server, packages)
    source = make_source(
        fixture_server.url("/"), protocol="ckan", options={"incremental": False, "rows": 5}
    )
    first = harvest_source_run(source=source)
    assert first.created == 12
    assert HarvestRecord.objects.filter(source=source).exclude(fingerprint="").count() == 12

    second = harvest_source_run(source=source)
    assert (second.unchanged, second.updated, second.withdrawn) == (12, 0, 0)
    assert HarvestRecord.objects.filter(source=source, last_seen_job=second).count() == 12

    # One changed, one vanished: the changed one is mapped, the vanished one withdrawn.
    changed = dict(packages[0], title="A new title", metadata_modified="2031-01-01T00:00:00")
    serve(fixture_server, [changed, *packages[1:-1]])
    third = harvest_source_run(source=source)
    assert (third.unchanged, third.updated, third.withdrawn) == (10, 1, 1)
    entry = HarvestRecord.objects.get(remote_id=packages[0]["id"]).entry
    assert entry is not None and entry.title == "A new title"

    # The vanished one returns as it was: its fingerprint still matches, so it is restored
    # without being mapped again.
    serve(fixture_server, [changed, *packages[1:]])
    fourth = harvest_source_run(source=source)
    assert (fourth.unchanged, fourth.restored, fourth.withdrawn) == (12, 1, 0)

    # New options: every record is mapped again (no fingerprint matches the new tag).
    source.options = {**source.options, "default_themes": ["ECON"]}
    source.save()
    fifth = harvest_source_run(source=source)
    assert fifth.updated == 12 and fifth.unchanged == 0
