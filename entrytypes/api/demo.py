"""Demo APIs, each linked to the demo datasets it serves.

The items are in demo.json beside this module; the fields they become are built here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from catalogue.registry import entry_types
from demo.loader import DemoLoader
from demo.parts import DemoItem, DemoPart

from .models import AccessConditions


def demo_fields(loader: DemoLoader, data: DemoItem, index: int) -> dict[str, Any]:
    fields = loader.core(data, index, "api", segment="apis")
    sunset = data.get("sunset_in_days")
    fields.update(
        endpoint_url=data["endpoint_url"],
        endpoint_description_url=data["endpoint_description_url"],
        api_type=data["api_type"],
        authentication=data["authentication"],
        access_instructions=data.get("access_instructions", ""),
        rate_limits=data.get("rate_limits", ""),
        availability=data.get("availability", ""),
        lifecycle=data["lifecycle"],
        sunset_date=(loader.now + dt.timedelta(days=sunset)).date() if sunset else None,
        sandbox_url=data.get("sandbox_url", ""),
        version=data.get("version", ""),
        serves_datasets=loader.linked(data["serves"]),
        access_conditions=_conditions(loader, data.get("access_conditions")),
    )
    return fields


def _conditions(loader: DemoLoader, data: dict[str, Any] | None) -> list[AccessConditions]:
    """What an item states of pricing and registration; what it leaves out stays unknown."""
    if not data:
        return []
    successor = data.get("successor")
    return [
        AccessConditions(
            cost_model=data.get("cost_model", ""),
            registration=data.get("registration", ""),
            successor=loader.entries[successor] if successor else None,
        )
    ]


entry_types.add_part(
    "api",
    DemoPart,
    DemoPart(items_file=Path(__file__).with_name("demo.json"), fields=demo_fields),
)
