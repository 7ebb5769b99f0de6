"""The loader's rules, end to end: real HTTP server, real SQLite, the test JSON protocol."""

from __future__ import annotations

import pytest

from catalogue.models.entries import Entry
from catalogue.models.organisations import Organisation
from catalogue.quality import assess_quality
from harvesters.models import HarvestRecord, JobStatus
from harvesters.services import (
    harvest_source_run,
)

from .conftest import FixtureServer, SourceMaker
from .jsonproto_records import rec, serve, titles

pytestmark = pytest.mark.django_db


def test_first_harvest_creates_published_entries_with_provenance(
    fixture_server: FixtureServer, test_protocol: str, make_source: SourceMaker
) -> None:
    url = serve(fixture_server, "/p", [rec(1, publisher={"name": "Water Agency"}), rec(2)])
    source = make_source(url)
    job = harvest_source_run(source=source)
    assert job.status == JobStatus.SUCCEEDED, job.error
    assert (job.created, job.updated, job.unchanged, job.failed) == (2, 0, 0, 0)
    e1 = Entry.objects.get(title="Dataset 1")
    assert e1.live and e1.origin == "harvested" and e1.withdrawn_at is None
    assert e1.publisher.name == "Water Agency"
    assert Entry.objects.get(title="Dataset 2").publisher == source.organisation
    assert list(e1.themes.values_list("code", flat=True)) == ["ENVI"]
    assert e1.distributions.get().format == "CSV"
    assert e1.licence.spdx_id == "CC-BY-4.0"
    assert e1.quality_score > 50
    assert (e1.quality_score, e1.quality_report) == assess_quality(e1)  # same as one by one
    hr = HarvestRecord.objects.get(source=source, remote_id="r1")
    assert hr.entry == e1 and hr.last_seen_job == job and hr.content_hash


def test_unchanged_records_are_skipped_without_writing(
    fixture_server: FixtureServer, test_protocol: str, make_source: SourceMaker
) -> None:
    url = serve(fixture_server, "/p", [rec(1), rec(2)])
    source = make_source(url)
    harvest_source_run(source=source)
    before = dict(Entry.objects.values_list("id", "updated_at"))
    job = harvest_source_run(source=source)
    assert (job.created, job.updated, job.unchanged) == (0, 0, 2)
    assert dict(Entry.objects.values_list("id", "updated_at")) == before


def test_changed_record_updates_its_entry(
    fixture_server: FixtureServer, test_protocol: str, make_source: SourceMaker
) -> None:
    url = serve(fixture_server, "/p", [rec(1), rec(2)])
    source = make_source(url)
    harvest_source_run(source=source)
    serve(fixture_server, "/p", [rec(1, title="Dataset one, renamed"), rec(2)])
    job = harvest_source_run(source=source)
    assert (job.created, job.updated, job.unchanged) == (0, 1, 1)
    assert titles() == ["Dataset 2", "Dataset one, renamed"]
    renamed = Entry.objects.get(title="Dataset one, renamed")
    assert (renamed.quality_score, renamed.quality_report) == assess_quality(renamed)


def test_vanished_records_are_withdrawn_and_come_back(
    fixture_server: FixtureServer, test_protocol: str, make_source: SourceMaker
) -> None:
    url = serve(fixture_server, "/p", [rec(1), rec(2)])
    source = make_source(url)
    harvest_source_run(source=source)
    serve(fixture_server, "/p", [rec(1)])
    job = harvest_source_run(source=source)
    assert job.withdrawn == 1
    gone = Entry.objects.get(title="Dataset 2")
    assert gone.withdrawn_at is not None  # kept, not deleted
    assert list(Entry.objects.published().values_list("title", flat=True)) == ["Dataset 1"]
    serve(fixture_server, "/p", [rec(1), rec(2)])
    job = harvest_source_run(source=source)
    assert job.restored == 1
    assert Entry.objects.published().count() == 2


def test_editor_overrides_and_protected_fields_survive(
    fixture_server: FixtureServer, test_protocol: str, make_source: SourceMaker
) -> None:
    url = serve(fixture_server, "/p", [rec(1)])
    source = make_source(url, options={"protected_fields": ["keywords"]})
    harvest_source_run(source=source)
    entry = Entry.objects.get()
    Entry.objects.filter(pk=entry.pk).update(
        title="Editor's title", overridden_fields=["title", "themes"], keywords=["curated"]
    )
    entry.themes.set([])
    serve(
        fixture_server,
        "/p",
        [rec(1, title="Remote title", summary="New summary", keywords=["remote"])],
    )
    job = harvest_source_run(source=source)
    assert job.updated == 1
    entry.refresh_from_db()
    assert entry.title == "Editor's title"
    assert entry.keywords == ["curated"]
    assert entry.summary == "New summary"
    assert entry.themes.count() == 0


def test_same_dataset_through_two_sources_is_one_entry(
    fixture_server: FixtureServer, test_protocol: str, make_source: SourceMaker
) -> None:
    a = make_source(
        serve(
            fixture_server,
            "/a",
            [
                rec(1, identifier="https://id.example/ds/1"),
                rec(2, landing_page="https://example.org/2"),
            ],
        )
    )
    b = make_source(
        serve(
            fixture_server,
            "/b",
            [
                rec(9, title="Same one, other portal", identifier="https://id.example/ds/1"),
                rec(8, title="Same by landing page", landing_page="https://example.org/2"),
            ],
        )
    )
    harvest_source_run(source=a)
    job = harvest_source_run(source=b)
    assert (job.created, job.updated) == (0, 2)
    assert Entry.objects.count() == 2
    entry = Entry.objects.get(identifier="https://id.example/ds/1")
    assert sorted(entry.harvest_records.values_list("source__slug", flat=True)) == sorted(
        [a.slug, b.slug]
    )
    # Dropped by one source, still listed by the other: not withdrawn.
    serve(fixture_server, "/b", [])
    assert harvest_source_run(source=b, dry_run=True).withdrawn == 0
    assert harvest_source_run(source=b).withdrawn == 0
    assert Entry.objects.published().count() == 2


def test_one_source_sharing_a_landing_page_keeps_its_records_apart(
    fixture_server: FixtureServer, test_protocol: str, make_source: SourceMaker
) -> None:
    generic = "https://portal.example.org/data"
    a = make_source(
        serve(fixture_server, "/a", [rec(1, landing_page=generic), rec(2, landing_page=generic)])
    )
    job = harvest_source_run(source=a)
    assert job.created == 2 and Entry.objects.count() == 2
    # A second source with that generic page: ambiguous, so it is not merged either.
    b = make_source(serve(fixture_server, "/b", [rec(3, landing_page=generic)]))
    assert harvest_source_run(source=b).created == 1
    assert Entry.objects.count() == 3


def test_dry_run_writes_nothing_and_reports(
    fixture_server: FixtureServer, test_protocol: str, make_source: SourceMaker
) -> None:
    url = serve(fixture_server, "/p", [rec(1), rec(2)])
    source = make_source(url)
    harvest_source_run(source=source)
    serve(fixture_server, "/p", [rec(1, title="Changed"), rec(3)])
    before = list(Entry.objects.values("id", "title", "updated_at", "withdrawn_at"))
    records_before = list(HarvestRecord.objects.values())
    job = harvest_source_run(source=source, dry_run=True)
    assert job.status == JobStatus.SUCCEEDED and job.dry_run
    assert (job.created, job.updated, job.withdrawn) == (1, 1, 1)
    assert job.plan == {"create": ["Dataset 3"], "update": ["Changed"], "withdraw": ["Dataset 2"]}
    assert list(Entry.objects.values("id", "title", "updated_at", "withdrawn_at")) == before
    assert list(HarvestRecord.objects.values()) == records_before


def test_one_bad_record_fails_alone_with_its_field(
    fixture_server: FixtureServer, test_protocol: str, make_source: SourceMaker
) -> None:
    url = serve(
        fixture_server,
        "/p",
        [
            rec(1),
            rec(2, title="   "),
            rec(3, entry_type="ppp"),
            rec(4, contact_email="not-an-email", themes=["NOPE"]),
        ],
        errors=[{"remote_id": "r5", "message": "Invalid date in modified", "field": "modified"}],
    )
    source = make_source(url)
    job = harvest_source_run(source=source)
    assert job.status == JobStatus.PARTIAL
    assert (job.created, job.failed) == (2, 3)
    errors = dict(
        HarvestRecord.objects.exclude(last_error="").values_list("remote_id", "error_field")
    )
    assert errors == {"r2": "title", "r3": "entry_type", "r5": "modified"}
    r4 = HarvestRecord.objects.get(remote_id="r4")
    assert any("contact_email" in w for w in r4.warnings)
    assert any("NOPE" in w for w in r4.warnings)


def test_hostile_text_is_sanitised(
    fixture_server: FixtureServer, test_protocol: str, make_source: SourceMaker
) -> None:
    url = serve(
        fixture_server,
        "/p",
        [
            rec(
                1,
                title="<script>alert(1)</script>Rivers",
                summary='<img src=x onerror="alert(1)">Hi',
                description=(
                    '<p onclick="x()">Text<script>evil()</script><a href="javascript:x">l</a></p>'
                ),
                landing_page="javascript:alert(1)",
            )
        ],
    )
    harvest_source_run(source=make_source(url))
    entry = Entry.objects.get()
    assert "script" not in entry.title and entry.title.endswith("Rivers")
    assert "onerror" not in entry.summary
    assert "onclick" not in entry.description and "script" not in entry.description
    assert "javascript" not in entry.description
    assert entry.landing_page == ""


def test_api_linked_to_datasets_in_whichever_order(
    fixture_server: FixtureServer, test_protocol: str, make_source: SourceMaker
) -> None:
    api = rec(
        10,
        entry_type="api",
        title="Water API",
        endpoint_url="https://api.example.org/",
        serves_refs=["r2", "https://id.example/ds/1"],
        distributions=[],
    )
    page2 = fixture_server.url("/2")
    url = serve(
        fixture_server, "/1", [api, rec(1, identifier="https://id.example/ds/1")], next_url=page2
    )
    serve(fixture_server, "/2", [rec(2)])
    harvest_source_run(source=make_source(url), batch_size=1)
    service = Entry.objects.get(entry_type="api")
    assert sorted(service.serves_datasets.values_list("title", flat=True)) == [
        "Dataset 1",
        "Dataset 2",
    ]


def test_organisations_are_matched_not_duplicated(
    fixture_server: FixtureServer, test_protocol: str, make_source: SourceMaker
) -> None:
    existing = Organisation.objects.create(
        name="Water Agency", slug="water-agency", kind="government"
    )
    url = serve(
        fixture_server,
        "/p",
        [
            rec(1, publisher={"name": "Water Agency"}),
            rec(2, publisher={"name": "Air Office", "identifier": "https://org.example/air"}),
            rec(
                3,
                publisher={"name": "Air Office (renamed)", "identifier": "https://org.example/air"},
            ),
        ],
    )
    harvest_source_run(source=make_source(url))
    assert Entry.objects.get(title="Dataset 1").publisher == existing
    assert (
        Entry.objects.get(title="Dataset 2").publisher
        == Entry.objects.get(title="Dataset 3").publisher
    )
    assert Organisation.objects.filter(name__startswith="Air").count() == 1
