"""The public pages render what a visitor needs, hide what is not public and escape everything.

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
from django.utils import timezone
from wagtail.models import Page, Site

from catalogue.models import (
    ChallengePhase,
    ContentPage,
    Country,
    Entry,
    EntryDocument,
    GuideIndexPage,
    HomePage,
    JudgingCriterion,
    Language,
    Milestone,
    Partnership,
    Prize,
    ProjectStatus,
    Risk,
    Winner,
)
from catalogue.selectors import entry_detail_context
from catalogue.services import entry_unpublish, entry_withdraw
from tests.factories import make_entry, make_organisation, theme

pytestmark = pytest.mark.django_db

HOSTILE_TITLE = '<script>alert("x")</script> Tom & "Jerry" <img src=x onerror=alert(7)>'


def page_text(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def now() -> dt.datetime:
    return timezone.now()


# --- layout -----------------------------------------------------------------------------------


def test_every_page_has_landmarks_skip_link_nav_and_a_labelled_search_box(client):
    text = page_text(client.get("/datasets/"))
    assert '<a class="skip-link" href="#main-content">' in text
    assert '<main id="main-content"' in text
    assert "<header" in text and "<footer" in text
    assert '<nav class="site-nav" aria-label="Main">' in text
    for href in (
        "/datasets/",
        "/apis/",
        "/ppp-projects/",
        "/challenges/",
        "/organisations/",
        "/themes/",
        "/search/",
    ):
        assert f'href="{href}"' in text
    assert 'action="/search/" method="get"' in text
    assert '<label for="site-search-q">' in text
    assert 'id="site-search-q" type="search" name="q"' in text
    # The section the visitor is in is announced.
    assert '<a href="/datasets/" aria-current="page">' in text
    # Nothing is loaded from another site; the one script is our own progressive enhancement
    # (search-box suggestions), deferred, and the page works without it.
    assert "https://fonts." not in text
    scripts = re.findall(r"<script[^>]*>", text)
    assert all('src="/static/' in tag or 'type="application/ld+json"' in tag for tag in scripts), (
        scripts
    )


# --- listings ---------------------------------------------------------------------------------


def test_dataset_listing_shows_published_datasets_of_that_type_newest_first(client):
    older = make_entry("dataset", title="Older bus stops", modified=now() - dt.timedelta(days=3))
    newer = make_entry(
        "dataset",
        title="Newer air quality",
        modified=now(),
        themes=[theme("ENVI")],
        distributions=[{"format": "csv", "download_url": "https://example.org/a.csv"}],
    )
    make_entry("dataset", title="Unpublished draft", publish=False)
    make_entry("api", title="Some API")

    text = page_text(client.get("/datasets/"))

    assert text.index(newer.title) < text.index(older.title)
    assert "Unpublished draft" not in text
    assert "Some API" not in text
    assert f'href="{newer.get_absolute_url()}"' in text
    assert ">CSV<" in text
    assert "Environment" in text
    assert "2 entries, newest first." in text


@pytest.mark.parametrize(
    ("path", "entry_type"),
    [("/apis/", "api"), ("/ppp-projects/", "ppp"), ("/challenges/", "challenge")],
)
def test_each_type_has_its_listing(client, path, entry_type):
    entry = make_entry(entry_type, title=f"Listed {entry_type}")
    text = page_text(client.get(path))
    assert f"Listed {entry_type}" in text
    assert entry.get_absolute_url() in text


def test_listing_paginates_twenty_per_page(client):
    publisher = make_organisation()
    for i in range(23):
        make_entry(
            "api",
            title=f"Paged API {i:02d}",
            publisher=publisher,
            modified=now() - dt.timedelta(minutes=i),
        )

    first = page_text(client.get("/apis/"))
    second = page_text(client.get("/apis/?page=2"))

    assert "Paged API 00" in first and "Paged API 19" in first
    assert "Paged API 20" not in first
    assert "Paged API 20" in second and "Paged API 22" in second
    assert "Page 2 of 2" in second
    assert 'rel="next" href="?page=2"' in first


@pytest.mark.parametrize(
    "page",
    ["abc", "0", "-1", "1e9", "99999999999999999999999", "2.5", "%00", "' OR 1=1 --", "x" * 5000],
)
def test_malformed_page_numbers_never_fail(client, page):
    make_entry("dataset", title="Only dataset")
    response = client.get("/datasets/", {"page": page})
    assert response.status_code in (200, 404)
    if response.status_code == 200:
        assert "Only dataset" in response.content.decode()


def test_an_empty_listing_says_so(client):
    assert "Nothing has been published here yet." in page_text(client.get("/challenges/"))


# --- detail pages -----------------------------------------------------------------------------


def test_dataset_page_shows_licence_access_provenance_contact_and_distributions(client):
    publisher = make_organisation(name="City of Ghent Statistics", kind="government")
    dataset = make_entry(
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


# --- organisations ----------------------------------------------------------------------------


def test_organisation_page_shows_what_it_publishes_and_partners_in(client):
    org = make_organisation(
        name="Port Authority", kind="government", website="https://port.example"
    )
    other = make_organisation(name="Other publisher")
    dataset = make_entry("dataset", title="Ship arrivals", publisher=org)
    api = make_entry("api", title="Berth API", publisher=org)
    make_entry("dataset", title="Port draft", publisher=org, publish=False)
    project = make_entry("ppp", title="Container terminal", publisher=other, public_authority=org)
    challenge = make_entry("challenge", title="Green shipping", publisher=other)
    Partnership.objects.create(entry=challenge, organisation=org, role="sponsor")
    # Authority and partner in one project, partner in its own API: each counted once.
    Partnership.objects.create(entry=project, organisation=org, role="advisor")
    Partnership.objects.create(entry=api, organisation=org, role="operator")

    text = page_text(client.get("/organisations/" + org.slug + "/"))

    assert "<h1>Port Authority</h1>" in text and 'href="https://port.example"' in text
    assert "Involved in 4 entries" in text
    for entry in (dataset, api, project, challenge):
        assert entry.get_absolute_url() in text
    assert "Port draft" not in text
    assert "Public authority" in text and "Sponsor" in text


def test_organisation_list_groups_by_kind_and_filters(client):
    gov = make_organisation(name="Gov Office", kind="government")
    biz = make_organisation(name="Biz Ltd", kind="business")
    make_entry("dataset", publisher=gov)

    text = page_text(client.get("/organisations/"))
    assert "<h2" in text and "Government" in text and "Business" in text
    assert gov.get_absolute_url() in text and biz.get_absolute_url() in text
    assert "1 entry" in text

    filtered = page_text(client.get("/organisations/?kind=business"))
    assert biz.get_absolute_url() in filtered and gov.get_absolute_url() not in filtered

    bad = client.get("/organisations/", {"kind": "<script>"})
    assert bad.status_code == 400
    assert b"Unknown kind of organisation" in bad.content
    assert client.get("/organisations/nobody/").status_code == 404


# --- themes -----------------------------------------------------------------------------------


def test_theme_list_shows_eu_themes_and_sdgs_apart(client):
    make_entry("dataset", themes=[theme("TRAN")])
    text = page_text(client.get("/themes/"))
    eu_at, sdg_at = text.index('id="h-eu">EU data themes'), text.index('id="h-sdg">UN Sustainable')
    transport_at = text.index(theme("TRAN").get_absolute_url())
    climate_at = text.index(theme("SDG13").get_absolute_url())
    assert eu_at < transport_at < sdg_at < climate_at
    assert "1 entry" in text


def test_theme_page_lists_published_entries_by_type(client):
    transport = theme("TRAN")
    dataset = make_entry("dataset", title="Road works", themes=[transport])
    challenge = make_entry("challenge", title="Safer crossings", themes=[transport])
    make_entry("dataset", title="Road draft", themes=[transport], publish=False)
    make_entry("dataset", title="Unrelated")

    text = page_text(client.get(transport.get_absolute_url()))

    assert dataset.get_absolute_url() in text and challenge.get_absolute_url() in text
    assert "Road draft" not in text and "Unrelated" not in text
    assert "2 entries" in text
    assert client.get("/themes/no-such-theme/").status_code == 404


# --- Wagtail pages ----------------------------------------------------------------------------


@pytest.fixture
def home_page() -> HomePage:
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(
            title="Open Innovation Catalogue",
            slug="home-test",
            hero_text="Find open data and APIs.",
        )
    )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    else:
        site.root_page = home
        site.save()
    return home


def test_home_page_shows_counts_newest_closing_challenges_and_organisations(client, home_page):
    featured = make_organisation(name="Featured Agency", featured=True)
    make_entry("dataset", title="Newest dataset", publisher=featured)
    make_entry("api", title="An API")
    soon = make_entry(
        "challenge",
        title="Closing soon",
        opens_at=now() - dt.timedelta(days=5),
        closes_at=now() + dt.timedelta(days=2),
    )
    later = make_entry("challenge", title="Closing later", closes_at=now() + dt.timedelta(days=40))
    make_entry("challenge", title="Already closed", closes_at=now() - dt.timedelta(days=1))
    make_entry(
        "challenge",
        title="Not yet open",
        opens_at=now() + dt.timedelta(days=3),
        closes_at=now() + dt.timedelta(days=30),
    )

    text = page_text(client.get("/"))

    assert "Find open data and APIs." in text
    assert '<span class="stat__number">1</span> <span class="stat__label">Datasets' in text
    assert '<span class="stat__number">4</span> <span class="stat__label">Challenges' in text
    assert "Newest dataset" in text
    closing = text[text.index("Challenges closing soon") :]
    assert closing.index(soon.title) < closing.index(later.title)
    assert "Already closed" not in closing.split("All challenges")[0]
    assert "Not yet open" not in closing.split("All challenges")[0]
    assert "Featured Agency" in text and featured.get_absolute_url() in text


def test_content_and_guide_pages_render_their_stream_blocks(client, home_page):
    guides = home_page.add_child(
        instance=GuideIndexPage(title="Guides", slug="guides", intro="How to publish.")
    )
    guides.add_child(
        instance=ContentPage(
            title="Publishing an API",
            slug="publishing-an-api",
            summary="What to write down.",
            body=[
                ("heading", {"text": "Before you start", "level": "h2"}),
                ("paragraph", "<p>Have an <b>OpenAPI</b> document.</p>"),
                (
                    "callout",
                    {
                        "title": "Tip",
                        "text": "<p>Keep it short.</p>",
                        "link_url": "https://example.org/tip",
                        "link_text": "More",
                    },
                ),
            ],
        )
    )

    index_text = page_text(client.get("/guides/"))
    assert "How to publish." in index_text and "Publishing an API" in index_text

    text = page_text(client.get("/guides/publishing-an-api/"))
    assert "<h2>Before you start</h2>" in text
    assert "<b>OpenAPI</b>" in text
    assert 'class="callout"' in text and "Keep it short." in text
    assert 'href="https://example.org/tip"' in text
