"""Entry pages show what a visitor needs, hide what is not public and escape everything;
previews render drafts.

Objects are made through the services (tests/factories.py); pages are fetched with Django's
test client against the real database.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from decimal import Decimal

import pytest
from django.template.loader import render_to_string

from catalogue.models import (
    ChallengePhase,
    Country,
    Entry,
    EntryDocument,
    JudgingCriterion,
    Language,
    Milestone,
    Organisation,
    Partnership,
    Prize,
    ProjectStatus,
    Risk,
    Winner,
)
from catalogue.selectors import entry_detail_context
from catalogue.services import entry_unpublish, entry_withdraw
from tests.catalogue.pages import HOSTILE_TITLE, now, page_text
from tests.factories import make_entry, make_organisation, theme

pytestmark = pytest.mark.django_db


# --- detail pages -----------------------------------------------------------------------------


def _air_quality(publisher: Organisation) -> Entry:
    """A harvested dataset with every field its page shows, and two distributions."""
    return make_entry(
        "dataset",
        title="Air quality measurements",
        publisher=publisher,
        summary="Hourly NO2 and PM10 readings.",
        description="<p>Readings from <strong>twelve</strong> stations.</p>",
        themes=[theme("ENVI"), theme("SDG11")],
        keywords=["air", "pollution"],
        countries=[Country.objects.get(code="BE")],
        languages=[Language.objects.get(code="nl")],
        contact_name="Data team",
        contact_email="data@example.org",
        temporal_start=dt.date(2020, 1, 1),
        temporal_end=dt.date(2024, 12, 31),
        issued=now() - dt.timedelta(days=400),
        frequency="DAILY",
        origin="harvested",
        remote_url="https://data.example.org/dataset/air",
        last_harvested_at=now(),
        landing_page="https://example.org/air",
        distributions=[
            {
                "title": "All readings",
                "format": "csv",
                "byte_size": 2_500_000,
                "download_url": "https://example.org/air.csv",
            },
            {"title": "Live feed", "format": "json", "access_url": "https://example.org/api"},
        ],
    )


def test_dataset_page_shows_licence_access_provenance_contact_and_distributions(client):
    publisher = make_organisation(name="City of Ghent Statistics", kind="government")
    dataset = _air_quality(publisher)
    api = make_entry("api", title="Air quality API", serves_datasets=[dataset])
    draft_api = make_entry("api", title="Draft air API", serves_datasets=[dataset], publish=False)
    challenge = make_entry("challenge", title="Clean air challenge", offered_resources=[dataset])

    text = page_text(client.get("/datasets/air-quality-measurements/"))

    assert "<h1>Air quality measurements</h1>" in text
    assert "Hourly NO2 and PM10 readings." in text
    assert "<strong>twelve</strong>" in text  # rich text rendered, not escaped
    assert 'href="https://creativecommons.org/licenses/by/4.0/' in text
    assert "CC-BY-4.0" in text
    assert "Public" in text  # access rights
    assert "City of Ghent Statistics" in text and publisher.get_absolute_url() in text
    assert "Data team" in text and 'href="mailto:data@example.org"' in text
    assert "Environment" in text and "Sustainable cities" in text
    assert "pollution" in text and "/search/?q=pollution" in text
    assert "Belgium" in text and "Dutch" in text
    assert "Jan. 1, 2020" in text and "Dec. 31, 2024" in text
    assert "Daily" in text
    assert "Harvested" in text and 'href="https://data.example.org/dataset/air"' in text
    assert "Last harvested" in text
    assert "All readings" in text and "CSV" in text and "2.4\xa0MB" in text
    assert 'href="https://example.org/air.csv"' in text
    assert 'href="https://example.org/api"' in text
    assert f"{dataset.quality_score} out of 100" in text
    assert f'href="/api/v1/datasets/{dataset.slug}"' in text
    assert "APIs serving this dataset" in text and api.get_absolute_url() in text
    assert draft_api.title not in text
    assert challenge.get_absolute_url() in text


def test_dataset_series_links_both_ways(client):
    series = make_entry("dataset", title="Budget series")
    member = make_entry("dataset", title="Budget 2024", in_series=series)

    assert member.get_absolute_url() in page_text(client.get(series.get_absolute_url()))
    member_text = page_text(client.get(member.get_absolute_url()))
    assert "Part of the series" in member_text and series.get_absolute_url() in member_text


def test_api_page_shows_facts_at_a_glance_and_served_datasets(client):
    dataset = make_entry("dataset", title="Bus timetables")
    hidden = make_entry("dataset", title="Hidden draft timetables", publish=False)
    api = make_entry(
        "api",
        title="Transit API",
        endpoint_url="https://api.example.org/v2",
        endpoint_description_url="https://api.example.org/v2/openapi.json",
        api_type="rest",
        authentication="api-key",
        access_instructions="Register on the developer portal to get a key.",
        rate_limits="1000 requests per hour",
        availability="99.5% monthly",
        lifecycle="deprecated",
        sunset_date=dt.date(2030, 6, 30),
        sandbox_url="https://sandbox.example.org",
        version="2.3",
        serves_datasets=[dataset, hidden],
    )
    text = page_text(client.get(api.get_absolute_url()))

    assert "At a glance" in text
    assert "https://api.example.org/v2" in text
    assert 'href="https://api.example.org/v2/openapi.json"' in text
    assert "REST (OpenAPI)" in text and "API key" in text
    assert "Register on the developer portal" in text
    assert "1000 requests per hour" in text and "99.5% monthly" in text
    assert "This API is deprecated." in text and "June 30, 2030" in text
    assert 'href="https://sandbox.example.org"' in text and "2.3" in text
    assert dataset.get_absolute_url() in text
    assert "Hidden draft timetables" not in text


def test_ppp_page_shows_partners_milestones_risks_and_documents(client):
    authority = make_organisation(name="Ministry of Transport", kind="government")
    builder = make_organisation(name="BuildCo", kind="business")
    dataset = make_entry("dataset", title="Traffic counts")
    project = make_entry(
        "ppp",
        title="Ring road concession",
        project_status=ProjectStatus.objects.get(code="implementation"),
        sector="transport",
        contract_type="concession",
        total_investment=Decimal("1250000000.00"),
        currency="EUR",
        public_authority=authority,
        government_support="Availability payments over 25 years.",
        related_datasets=[dataset],
    )
    Partnership.objects.create(entry=project, organisation=builder, role="constructor")
    Milestone.objects.create(entry=project, kind="award", date=dt.date(2022, 3, 1))
    Milestone.objects.create(
        entry=project, kind="operation", date=dt.date(2027, 1, 1), planned=True
    )
    Risk.objects.create(entry=project, category="demand", allocation="public")
    Risk.objects.create(entry=project, category="construction", allocation="private")
    EntryDocument.objects.create(
        entry=project, title="Concession contract", url="https://example.org/contract.pdf"
    )

    text = page_text(client.get(project.get_absolute_url()))

    assert "Implementation" in text and "Transport" in text
    assert "Concession (brownfield)" in text
    assert "1,250,000,000 EUR" in text
    assert authority.get_absolute_url() in text
    assert "BuildCo" in text and "Constructor" in text
    assert "Contract award" in text and "March 1, 2022" in text and "(planned)" in text
    assert "Who bears which risk" in text and "Demand" in text and "Private" in text
    assert 'href="https://example.org/contract.pdf"' in text
    assert "Availability payments over 25 years." in text
    assert dataset.get_absolute_url() in text


def test_challenge_page_shows_status_prizes_criteria_timeline_and_offered_resources(client):
    dataset = make_entry("dataset", title="Flood sensors")
    api = make_entry("api", title="Flood sensor API")
    partner = make_organisation(name="Water University", kind="academia")
    challenge = make_entry(
        "challenge",
        title="Flood early warning",
        problem_statement="<p>Rivers rise <em>fast</em>.</p>",
        challenge_type="prototype",
        eligibility="Teams of up to five people.",
        how_to_enter="Submit a prototype and a short video.",
        opens_at=now() - dt.timedelta(days=10),
        closes_at=now() + dt.timedelta(days=20),
        judging_ends_at=now() + dt.timedelta(days=50),
        outcomes="Two pilots started.",
        offered_resources=[dataset, api],
    )
    Prize.objects.create(
        entry=challenge, title="First prize", amount=Decimal("20000"), currency="EUR"
    )
    Prize.objects.create(
        entry=challenge, title="Incubation", non_monetary="Six months of mentoring"
    )
    JudgingCriterion.objects.create(entry=challenge, name="Impact", weight=60)
    JudgingCriterion.objects.create(entry=challenge, name="Feasibility", weight=40)
    ChallengePhase.objects.create(entry=challenge, name="Demo day", starts_on=dt.date(2030, 5, 1))
    Partnership.objects.create(entry=challenge, organisation=partner, role="co-organiser")
    Winner.objects.create(
        entry=challenge, name="Team River", organisation=partner, prize="First prize"
    )

    text = page_text(client.get(challenge.get_absolute_url()))

    assert 'class="status status--open">Open<' in text and "Entries close on" in text
    assert "Rivers rise <em>fast</em>." in text
    assert "Prototype" in text
    assert "First prize" in text and "20,000 EUR" in text and "Six months of mentoring" in text
    assert "Teams of up to five people." in text and "Submit a prototype" in text
    assert "Impact" in text and "60%" in text and "100%" in text
    assert "Demo day" in text
    assert "Water University" in text and "Co-organiser" in text
    assert "Team River" in text and "Two pilots started." in text
    assert "Datasets offered to participants" in text and dataset.get_absolute_url() in text
    assert "APIs offered to participants" in text and api.get_absolute_url() in text


def test_challenge_status_follows_the_dates(client):
    closed = make_entry(
        "challenge",
        title="Old challenge",
        opens_at=now() - dt.timedelta(days=90),
        closes_at=now() - dt.timedelta(days=30),
    )
    text = page_text(client.get(closed.get_absolute_url()))
    assert 'status--closed">Closed<' in text and "This challenge is over." in text


def test_drafts_withdrawn_unpublished_and_unknown_entries_are_404(client):
    draft = make_entry("dataset", title="Draft dataset", publish=False)
    withdrawn = make_entry("dataset", title="Withdrawn dataset")
    entry_withdraw(entry_ids=[withdrawn.pk])
    unpublished = make_entry("api", title="Unpublished API")
    entry_unpublish(entry=unpublished)
    published = make_entry("dataset", title="Published dataset")

    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(withdrawn.get_absolute_url()).status_code == 404
    assert client.get(unpublished.get_absolute_url()).status_code == 404
    missing = client.get("/datasets/no-such-dataset/")
    assert missing.status_code == 404
    assert b"Page not found" in missing.content and b'id="main-content"' in missing.content
    # A dataset's slug under another type's path is not that entry.
    assert client.get(f"/apis/{published.slug}/").status_code == 404
    assert "Withdrawn dataset" not in page_text(client.get("/datasets/"))


def test_hostile_title_and_urls_are_escaped_everywhere(client):
    publisher = make_organisation(name='<img src=x onerror="alert(1)">Org')
    entry = make_entry(
        "dataset",
        title="Harmless for now",
        publisher=publisher,
        keywords=['"><script>alert(2)</script>'],
        description='<p>ok</p><script>alert(4)</script><a href="javascript:alert(5)">x</a>',
    )
    # A bulk write (as a harvest does) skips form validation: the page must still not link it.
    # The model sanitises on save; text that reached the table another way must still be
    # escaped on output.
    Entry.objects.filter(pk=entry.pk).update(
        title=HOSTILE_TITLE, landing_page="javascript:alert(3)", remote_url=" JavaScript:alert(6)"
    )
    entry.refresh_from_db()

    escaped_title = html.escape(entry.title, quote=False)
    for path in (entry.get_absolute_url(), "/datasets/", publisher.get_absolute_url()):
        text = page_text(client.get(path))
        # the one script a page may carry is its schema.org JSON-LD (interop.standards),
        # whose "<" are \u003c escapes: nothing in it can open or close an element
        text = re.sub(r'<script type="application/ld\+json">[^<]*</script>', "", text)
        text = text.replace('<script src="/static/search/suggest.js" defer></script>', "")
        assert "<script" not in text, path
        assert "alert(" not in text or "&lt;script&gt;" in text, path
        assert "javascript:" not in text, path
        assert "<img" not in text, path
        assert escaped_title.replace('"', "&quot;") in text, path


# --- preview ----------------------------------------------------------------------------------


@pytest.mark.parametrize("entry_type", ["dataset", "api", "ppp", "challenge"])
def test_preview_renders_a_draft_from_its_revision(rf, entry_type):
    entry = make_entry(entry_type, title=f"Previewed {entry_type}", publish=False)
    revision = entry.save_revision()
    from_revision = revision.as_object()
    request = rf.get("/")

    template = from_revision.get_preview_template(request, "")
    context = from_revision.get_preview_context(request, "")
    text = render_to_string(template, context, request=request)

    assert template == f"catalogue/{entry_type}_detail.html"
    assert f"Previewed {entry_type}" in text
    assert "Preview." in text
    assert context["preview"] is True
    assert entry_detail_context(entry=from_revision)["preview"] is False


def test_preview_of_a_new_unsaved_entry_renders(rf):
    from catalogue.models import Distribution
    from entrytypes.challenge.models import Challenge

    challenge = Challenge(title="Not saved yet", publisher=make_organisation(name="Draft Org"))
    challenge.distributions = [Distribution(format="csv")]
    context = entry_detail_context(entry=challenge, preview=True)
    text = render_to_string("catalogue/challenge_detail.html", context, request=rf.get("/"))

    assert "Not saved yet" in text and "Draft Org" in text and "Preview." in text
