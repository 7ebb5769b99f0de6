"""PPP projects in REST API v1: partners, milestones, risks, money."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from catalogue.models import (
    Entry,
    MilestoneKind,
    Partnership,
    PPPContractType,
    PPPSector,
    RiskAllocation,
    RiskCategory,
)
from catalogue.registry import entry_types
from interop.api.openapi_schemas import (
    DATE_OR_NULL,
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
    money,
    organisation_ref,
    partners_json,
    public_refs,
)


def summary_fields(entry: Entry, link: Linker) -> Json:
    return {
        "project_status": entry.project_status.code if entry.project_status else None,
        "sector": entry.sector or None,
    }


def detail_fields(entry: Entry, link: Linker) -> Json:
    status = entry.project_status
    return {
        "project_status": {"code": status.code, "name": status.name} if status else None,
        "sector": entry.sector or None,
        "contract_type": entry.contract_type or None,
        "total_investment": money(entry.total_investment),
        "currency": entry.currency or None,
        "public_authority": organisation_ref(entry.public_authority, link),
        "government_support": entry.government_support or None,
        "partners": partners_json(entry, link),
        "milestones": [
            {"kind": m.kind, "date": iso_date(m.date), "planned": m.planned, "note": m.note or None}
            for m in entry.milestones.all()
        ],
        "risks": [
            {"category": r.category, "allocation": r.allocation, "note": r.note or None}
            for r in entry.risks.all()
        ],
        "related_datasets": public_refs(entry.related_datasets.all(), link),
    }


def summary_properties() -> dict[str, Schema]:
    return {
        "project_status": {"type": ["string", "null"], "description": "OC4IDS status code"},
        "sector": nullable(codes(PPPSector)),
    }


def detail_properties() -> dict[str, Schema]:
    refs = array(ref("EntryRef"))
    return {
        "project_status": nullable(obj({"code": STRING, "name": STRING})),
        "sector": nullable(codes(PPPSector)),
        "contract_type": nullable(codes(PPPContractType)),
        "total_investment": MONEY_OR_NULL,
        "currency": {**TEXT_OR_NULL, "description": "ISO 4217"},
        "public_authority": nullable(ref("OrganisationRef")),
        "government_support": TEXT_OR_NULL,
        "partners": array(ref("Partner")),
        "milestones": array(
            obj(
                {
                    "kind": codes(MilestoneKind),
                    "date": DATE_OR_NULL,
                    "planned": {"type": "boolean"},
                    "note": TEXT_OR_NULL,
                }
            )
        ),
        "risks": array(
            obj(
                {
                    "category": codes(RiskCategory),
                    "allocation": codes(RiskAllocation),
                    "note": TEXT_OR_NULL,
                }
            )
        ),
        "related_datasets": refs,
    }


def summary_relations(qs: QuerySet[Entry]) -> QuerySet[Entry]:
    return qs.select_related("project_status")


def detail_relations(qs: QuerySet[Entry]) -> QuerySet[Entry]:
    return qs.select_related("project_status", "public_authority").prefetch_related(
        Prefetch("partnerships", queryset=Partnership.objects.select_related("organisation")),
        "milestones",
        "risks",
        Prefetch("related_datasets", queryset=public_entries()),
    )


entry_types.add_part(
    "ppp",
    ApiEntryPart,
    ApiEntryPart(
        schema_name="PPPProject",
        described_as="public-private partnership projects",
        summary_fields=summary_fields,
        detail_fields=detail_fields,
        summary_properties=summary_properties,
        detail_properties=detail_properties,
        summary_relations=summary_relations,
        detail_relations=detail_relations,
    ),
)
