"""API test fixtures: a small linked catalogue and the OpenAPI document as a validator."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.cache import cache
from django.utils import timezone
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

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
from interop.api.openapi import build_openapi
from tests.factories import make_entry, make_organisation, theme

DOC_URI = "urn:catalogue:openapi"


@pytest.fixture(autouse=True)
def _api_settings(settings: Any) -> None:
    """No rate limit (the one test about it sets its own) and a cold cache for each test."""
    settings.API_RATE_LIMIT = "off"
    cache.clear()


def assert_matches_openapi(response: Any, path: str) -> None:
    """The response's JSON validates against what the OpenAPI document says ``path`` returns."""
    doc = build_openapi()
    operation = doc["paths"][path]["get"]
    described = operation["responses"][str(response.status_code)]
    schema = described["content"]["application/json"]["schema"]
    registry = Registry().with_resource(
        DOC_URI, Resource.from_contents(doc, default_specification=DRAFT202012)
    )
    if "$ref" in schema:
        schema = {"$ref": DOC_URI + schema["$ref"]}
    validator = Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())
    errors = sorted(validator.iter_errors(response.json()), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


@pytest.fixture
def linked_catalogue(db: Any) -> dict[str, Any]:
    """One entry of each type, linked to each other as a real catalogue links them."""
    ministry = make_organisation(
        name="Ministry of Transport",
        slug="ministry-of-transport",
        country=Country.objects.get(code="FR"),
    )
    builder = make_organisation(name="BuildCo", slug="buildco", kind="business")
    university = make_organisation(
        name="City University", slug="city-university", kind="academia", parent=None
    )
    dataset = _linked_dataset(ministry)
    draft = make_entry("dataset", title="Draft timetable", publisher=ministry, publish=False)
    api = make_entry(
        "api",
        title="Realtime departures API",
        publisher=ministry,
        api_type="rest",
        authentication="api-key",
        lifecycle="production",
        endpoint_url="https://example.org/api",
        serves_datasets=[dataset, draft],
    )
    ppp = _linked_ppp(ministry, builder, dataset)
    challenge = _linked_challenge(ministry, university, [dataset, api])
    return {
        "ministry": ministry,
        "builder": builder,
        "university": university,
        "dataset": dataset,
        "draft": draft,
        "api": api,
        "ppp": ppp,
        "challenge": challenge,
    }


def _linked_dataset(publisher: Organisation) -> Entry:
    """A dataset with every common-core field a mapping reads, and one distribution."""
    return make_entry(
        "dataset",
        title="Bus stops of the metropolitan area",
        publisher=publisher,
        themes=[theme("TRAN")],
        countries=[Country.objects.get(code="FR")],
        languages=[Language.objects.get(code="fr")],
        keywords=["bus", "stops"],
        frequency="MONTHLY",
        conforms_to=["https://gtfs.org/schedule/reference/"],
        description="<p>Every <b>bus stop</b>, with accessibility.</p>",
        temporal_start=dt.date(2020, 1, 1),
        distributions=[
            {
                "title": "CSV",
                "format": "CSV",
                "media_type": "text/csv",
                "download_url": "https://example.org/stops.csv",
                "byte_size": 1234,
            }
        ],
    )


def _linked_ppp(ministry: Organisation, builder: Organisation, dataset: Entry) -> Entry:
    """A concession with its partner, a milestone, a risk and a document."""
    ppp = make_entry(
        "ppp",
        title="Tramway line 3 concession",
        publisher=ministry,
        sector="transport",
        contract_type="concession",
        total_investment=Decimal("123456789012.50"),
        currency="EUR",
        public_authority=ministry,
        related_datasets=[dataset],
        project_status=ProjectStatus.objects.first(),
    )
    Partnership.objects.create(entry=ppp, organisation=builder, role="operator")
    Milestone.objects.create(entry=ppp, kind="award", date=dt.date(2023, 5, 1))
    Risk.objects.create(entry=ppp, category="demand", allocation="shared")
    EntryDocument.objects.create(entry=ppp, title="Contract", url="https://example.org/c.pdf")
    return ppp


def _linked_challenge(
    ministry: Organisation, university: Organisation, offered: list[Entry]
) -> Entry:
    """An open challenge with its partner, a prize, a criterion, a phase and a winner."""
    now = timezone.now()
    challenge = make_entry(
        "challenge",
        title="Accessible mobility challenge",
        publisher=ministry,
        challenge_type="prototype",
        opens_at=now - dt.timedelta(days=5),
        closes_at=now + dt.timedelta(days=20),
        offered_resources=offered,
        problem_statement="<p>Make trips easier.</p>",
    )
    Partnership.objects.create(entry=challenge, organisation=university, role="academic")
    Prize.objects.create(
        entry=challenge, title="First prize", amount=Decimal("10000"), currency="EUR"
    )
    JudgingCriterion.objects.create(entry=challenge, name="Impact", weight=60)
    ChallengePhase.objects.create(entry=challenge, name="Prototype", starts_on=dt.date(2024, 1, 1))
    Winner.objects.create(entry=challenge, name="Team Ramp", organisation=university)
    return challenge
