"""Challenges in REST API v1: timeline and status, prizes, judging, winners."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from catalogue.models import ChallengeStatus, ChallengeType, Entry, Partnership, Winner
from catalogue.registry import entry_types
from interop.api.openapi_schemas import (
    DATE_OR_NULL,
    DATE_TIME_OR_NULL,
    MONEY_OR_NULL,
    STRING,
    TEXT_OR_NULL,
    array,
    codes,
    nullable,
    obj,
    ref,
)
from interop.api.parts import ApiEntryPart, Json, Schema
from interop.api.queries import public_entries
from interop.api.serializers import (
    Linker,
    iso_date,
    iso_datetime,
    money,
    organisation_ref,
    partners_json,
    public_refs,
)

from .status import challenge_status


def summary_fields(entry: Entry, link: Linker) -> Json:
    return {
        "challenge_status": challenge_status(entry),
        "closes_at": iso_datetime(entry.closes_at),
    }


def detail_fields(entry: Entry, link: Linker) -> Json:
    return {
        "problem_statement": entry.problem_statement,
        "challenge_type": entry.challenge_type or None,
        "challenge_status": challenge_status(entry),
        "eligibility": entry.eligibility or None,
        "how_to_enter": entry.how_to_enter or None,
        "opens_at": iso_datetime(entry.opens_at),
        "closes_at": iso_datetime(entry.closes_at),
        "judging_ends_at": iso_datetime(entry.judging_ends_at),
        "outcomes": entry.outcomes or None,
        "partners": partners_json(entry, link),
        "prizes": [
            {
                "title": p.title,
                "amount": money(p.amount),
                "currency": p.currency or None,
                "non_monetary": p.non_monetary or None,
            }
            for p in entry.prizes.all()
        ],
        "criteria": [
            {"name": c.name, "weight": c.weight, "description": c.description or None}
            for c in entry.criteria.all()
        ],
        "phases": [
            {
                "name": p.name,
                "starts_on": iso_date(p.starts_on),
                "ends_on": iso_date(p.ends_on),
                "description": p.description or None,
            }
            for p in entry.phases.all()
        ],
        "winners": [
            {
                "name": w.name,
                "organisation": organisation_ref(w.organisation, link),
                "prize": w.prize or None,
                "description": w.description or None,
            }
            for w in entry.winners.all()
        ],
        "offered_resources": public_refs(entry.offered_resources.all(), link),
    }


def summary_properties() -> dict[str, Schema]:
    return {
        "challenge_status": nullable(codes(ChallengeStatus)),
        "closes_at": DATE_TIME_OR_NULL,
    }


def detail_properties() -> dict[str, Schema]:
    refs = array(ref("EntryRef"))
    return {
        "problem_statement": {"type": "string", "description": "Sanitised HTML."},
        "challenge_type": nullable(codes(ChallengeType)),
        "challenge_status": nullable(codes(ChallengeStatus, "Derived from the dates.")),
        "eligibility": TEXT_OR_NULL,
        "how_to_enter": TEXT_OR_NULL,
        "opens_at": DATE_TIME_OR_NULL,
        "closes_at": DATE_TIME_OR_NULL,
        "judging_ends_at": DATE_TIME_OR_NULL,
        "outcomes": TEXT_OR_NULL,
        "partners": array(ref("Partner")),
        "prizes": array(
            obj(
                {
                    "title": STRING,
                    "amount": MONEY_OR_NULL,
                    "currency": TEXT_OR_NULL,
                    "non_monetary": TEXT_OR_NULL,
                }
            )
        ),
        "criteria": array(
            obj(
                {
                    "name": STRING,
                    "weight": {
                        "type": "integer",
                        "minimum": 0,
                        "description": "Weight in percent",
                    },
                    "description": TEXT_OR_NULL,
                }
            )
        ),
        "phases": array(
            obj(
                {
                    "name": STRING,
                    "starts_on": DATE_OR_NULL,
                    "ends_on": DATE_OR_NULL,
                    "description": TEXT_OR_NULL,
                }
            )
        ),
        "winners": array(
            obj(
                {
                    "name": STRING,
                    "organisation": nullable(ref("OrganisationRef")),
                    "prize": TEXT_OR_NULL,
                    "description": TEXT_OR_NULL,
                }
            )
        ),
        "offered_resources": {**refs, "description": "Datasets and APIs offered to entrants."},
    }


def detail_relations(qs: QuerySet[Entry]) -> QuerySet[Entry]:
    return qs.prefetch_related(
        Prefetch("partnerships", queryset=Partnership.objects.select_related("organisation")),
        "prizes",
        "criteria",
        "phases",
        Prefetch("winners", queryset=Winner.objects.select_related("organisation")),
        Prefetch("offered_resources", queryset=public_entries()),
    )


entry_types.add_part(
    "challenge",
    ApiEntryPart,
    ApiEntryPart(
        schema_name="Challenge",
        described_as="innovation challenges",
        summary_fields=summary_fields,
        detail_fields=detail_fields,
        summary_properties=summary_properties,
        detail_properties=detail_properties,
        detail_relations=detail_relations,
    ),
)
