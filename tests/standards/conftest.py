"""A realistic catalogue for the standards tests: every entry type, every part, hostile text."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

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
from catalogue.services import entry_publish
from tests.factories import make_entry, make_organisation, theme

UTC = dt.UTC


def publish_with_parts(entry: Any, **parts: list[Any]) -> Any:
    """Create child parts on a draft, then publish a revision that carries them."""
    for objects in parts.values():
        for i, obj in enumerate(objects):
            obj.entry = entry
            obj.sort_order = i
            obj.save()
    entry.save_revision()
    return entry_publish(entry=entry)


@pytest.fixture
def demo_catalogue(db: Any, settings: Any) -> dict[str, Any]:
    settings.PUBLIC_BASE_URL = "http://catalogue.test"
    city, company, university, ngo, intl = _organisations()
    fr, de = Language.objects.get(code="fr"), Language.objects.get(code="en")
    stops = _stops(city, [fr, de])
    hostile = _hostile(ngo)
    api = _transit_api(company, stops, fr)
    departures = _departures(company, api)
    ppp = _ppp(city, company, intl, stops)
    challenge = _challenge(city, university, [stops, api])
    draft = make_entry("dataset", title="Unpublished draft", publisher=city, publish=False)
    return {
        "stops": stops,
        "hostile": hostile,
        "api": api,
        "departures": departures,
        "ppp": ppp,
        "challenge": challenge,
        "draft": draft,
        "orgs": [city, company, university, ngo, intl],
    }


def _organisations() -> tuple[Organisation, Organisation, Organisation, Organisation, Organisation]:
    """A city, a company, a university, an NGO and an international body."""
    city = make_organisation(
        name="City of Lyon",
        slug="city-of-lyon",
        kind="government",
        website="https://www.lyon.fr/",
        email="opendata@lyon.fr",
        country=Country.objects.get(code="FR"),
    )
    company = make_organisation(
        name="Transit Operator SA",
        slug="transit-operator",
        kind="business",
        website="https://transit.example.com/",
    )
    university = make_organisation(
        name="Université Lumière", slug="univ-lumiere", kind="academia", parent=None
    )
    ngo = make_organisation(name="Open Knowledge Lyon", slug="ok-lyon", kind="civil-society")
    intl = make_organisation(name="World Bank", slug="world-bank", kind="international")
    return city, company, university, ngo, intl


def _stops(city: Organisation, languages: list[Language]) -> Entry:
    """A dataset with every DCAT-AP property we export, and two distributions."""
    description = (
        "<p>Real-time and planned timetables of the <b>metro</b>, tram and bus network, "
        "published every night by the transport authority.</p>"
    )
    stops = make_entry(
        "dataset",
        title="Public transport stops",
        publisher=city,
        publish=False,
        summary="Every bus, tram and metro stop of the Lyon network.",
        description=description,
        identifier="https://data.lyon.fr/id/stops",
        landing_page="https://data.grandlyon.com/jeux-de-donnees/arrets/",
        keywords=["transport", "bus", "tram"],
        themes=[theme("TRAN"), theme("SDG11")],
        countries=[Country.objects.get(code="FR")],
        spatial_label="Lyon metropolitan area",
        temporal_start=dt.date(2020, 1, 1),
        temporal_end=dt.date(2024, 12, 31),
        languages=languages,
        issued=dt.datetime(2020, 3, 1, 8, 0, tzinfo=UTC),
        modified=dt.datetime(2024, 6, 1, 9, 30, tzinfo=UTC),
        frequency="DAILY",
        version="2.1",
        conforms_to=["https://gtfs.org/schedule/reference/"],
        contact_name="Open data team",
        contact_email="opendata@lyon.fr",
        contact_url="https://data.grandlyon.com/contact",
        access_rights="public",
        distributions=[
            {
                "title": "Stops (CSV)",
                "download_url": "https://data.lyon.fr/stops.csv",
                "access_url": "https://data.lyon.fr/stops",
                "format": "CSV",
                "media_type": "text/csv",
                "byte_size": 123456,
                "checksum": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            },
            {
                "title": "Stops (GeoJSON)",
                "access_url": "https://data.lyon.fr/stops.geojson",
                "format": "GEOJSON",
            },
        ],
    )
    return publish_with_parts(stops)


def _hostile(ngo: Organisation) -> Entry:
    """Quotes, backslashes, markup and control characters in every text field."""
    return make_entry(
        "dataset",
        title='Quotes " and \\ backslashes </script><script>alert(1)</script>',
        publisher=ngo,
        summary='Line one\nline two \t tab, émoji 🚲 and "quotes".',
        description="<p>Text with &lt;tags&gt; and a very long paragraph. " * 3 + "</p>",
        keywords=['"quoted"', "back\\slash", "</script>"],
        themes=[theme("SOCI")],
        licence=None,
        distributions=[{"access_url": "https://example.org/a b?x=<1>", "format": "XLSX"}],
    )


def _transit_api(company: Organisation, stops: Entry, fr: Language) -> Entry:
    return make_entry(
        "api",
        title="Lyon transit API",
        publisher=company,
        summary="Real-time departures for every stop.",
        description="<p>A REST API giving real-time departures and disruptions.</p>",
        endpoint_url="https://api.transit.example.com/v2/",
        endpoint_description_url="https://api.transit.example.com/v2/openapi.json",
        api_type="rest",
        authentication="api-key",
        rate_limits="1000 requests per day",
        lifecycle="production",
        version="2.0",
        themes=[theme("TRAN")],
        serves_datasets=[stops],
        languages=[fr],
        countries=[Country.objects.get(code="FR")],
        sandbox_url="https://sandbox.transit.example.com/",
        access_instructions="Register on the developer portal to get a key.",
    )


def _departures(company: Organisation, api: Entry) -> Entry:
    # a dataset whose distribution points at the API (dcat:accessService from the other side)
    return make_entry(
        "dataset",
        title="Real-time departures",
        publisher=company,
        summary="Departures, updated every minute, through the transit API.",
        frequency="CONT",
        themes=[theme("TRAN")],
        distributions=[
            {
                "title": "Through the API",
                "access_url": "https://api.transit.example.com/v2/departures",
                "format": "JSON",
                "access_service": api,
            }
        ],
    )


def _ppp(city: Organisation, company: Organisation, intl: Organisation, stops: Entry) -> Entry:
    ppp = make_entry(
        "ppp",
        title="Tramway line T10 concession",
        publisher=city,
        publish=False,
        summary="Design, build, finance and operate the T10 tram line.",
        description="<p>A 30-year concession for a new tram line to the south-east.</p>",
        project_status=ProjectStatus.objects.get(code="implementation"),
        sector="transport",
        contract_type="greenfield-dbfo",
        total_investment=Decimal("250000000.00"),
        currency="EUR",
        public_authority=city,
        government_support="Availability payments.",
        themes=[theme("TRAN"), theme("SDG9")],
        countries=[Country.objects.get(code="FR")],
        related_datasets=[stops],
    )
    return publish_with_parts(
        ppp,
        partners=[
            Partnership(organisation=company, role="operator"),
            Partnership(organisation=intl, role="lender", note="IFC loan"),
        ],
        milestones=[
            Milestone(kind="award", date=dt.date(2022, 5, 1)),
            Milestone(kind="operation", date=dt.date(2026, 9, 1), planned=True),
        ],
        risks=[
            Risk(category="construction", allocation="private"),
            Risk(category="demand", allocation="shared"),
        ],
        documents=[
            EntryDocument(
                title="Concession contract",
                url="https://www.lyon.fr/t10/contract.pdf",
                document_type="contract",
            )
        ],
    )


def _challenge(city: Organisation, university: Organisation, offered: list[Entry]) -> Entry:
    challenge = make_entry(
        "challenge",
        title="Cleaner air hackathon",
        publisher=city,
        publish=False,
        summary="Build tools that help citizens avoid air pollution on their commute.",
        problem_statement="<p>Air pollution peaks along the busiest roads.</p>",
        challenge_type="hackathon",
        eligibility="Anyone over 16.",
        how_to_enter="Register a team on the hackathon site.",
        opens_at=dt.datetime(2024, 3, 1, tzinfo=UTC),
        closes_at=dt.datetime(2024, 4, 1, tzinfo=UTC),
        judging_ends_at=dt.datetime(2024, 4, 15, tzinfo=UTC),
        outcomes="Three prototypes.",
        themes=[theme("ENVI"), theme("SDG3")],
        offered_resources=offered,
        landing_page="https://hackathon.lyon.fr/",
    )
    return publish_with_parts(
        challenge,
        partners=[Partnership(organisation=university, role="academic")],
        phases=[
            ChallengePhase(
                name="Registration", starts_on=dt.date(2024, 3, 1), ends_on=dt.date(2024, 3, 15)
            )
        ],
        prizes=[
            Prize(title="First prize", amount=Decimal("10000"), currency="EUR"),
            Prize(title="Incubation", non_monetary="Six months at the city incubator"),
        ],
        criteria=[
            JudgingCriterion(name="Impact", weight=60),
            JudgingCriterion(name="Feasibility", weight=40),
        ],
        winners=[Winner(name="Team Breathe", organisation=university, prize="First prize")],
    )
