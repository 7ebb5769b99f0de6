"""Demo PPP projects with partners, milestones and risk allocation.

The items are in demo.json beside this module; the fields they become are built here.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from catalogue.models import Milestone, Risk
from catalogue.registry import entry_types
from demo.loader import DemoLoader
from demo.parts import DemoItem, DemoPart


def demo_fields(loader: DemoLoader, data: DemoItem, index: int) -> dict[str, Any]:
    fields = loader.core(data, index, "ppp", segment="projects")
    fields.update(
        project_status=loader.statuses[data["status"]],
        sector=data["sector"],
        contract_type=data["contract_type"],
        total_investment=Decimal(data["total_investment"]),
        currency=data.get("currency", "EUR"),
        public_authority=loader.orgs[data["publisher"]],
        government_support=data.get("government_support", ""),
        related_datasets=loader.linked(data["related"]),
        partnerships=loader.partners(data["partners"]),
        milestones=[
            Milestone(
                kind=kind,
                date=dt.date.fromisoformat(day),
                planned=planned,
                note=note,
                sort_order=n,
            )
            for n, (kind, day, planned, note) in enumerate(data["milestones"])
        ],
        risks=[
            Risk(category=category, allocation=allocation, note=note, sort_order=n)
            for n, (category, allocation, note) in enumerate(data["risks"])
        ],
    )
    return fields


entry_types.add_part(
    "ppp",
    DemoPart,
    DemoPart(items_file=Path(__file__).with_name("demo.json"), fields=demo_fields),
)
