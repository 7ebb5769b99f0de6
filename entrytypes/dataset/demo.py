"""Demo datasets, with their distributions (files, feeds and API access points).

The items are in demo.json beside this module; the fields they become are built here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from catalogue.models import Distribution
from catalogue.registry import entry_types
from demo.loader import MEDIA_TYPES, DemoLoader
from demo.parts import DemoItem, DemoPart


def demo_fields(loader: DemoLoader, data: DemoItem, index: int) -> dict[str, Any]:
    fields = loader.core(data, index, "dataset", segment="datasets")
    licence = fields["licence"]
    fields.update(
        frequency=data.get("frequency", ""),
        version=data.get("version", ""),
        conforms_to=data.get("conforms_to", []),
        distributions=[
            Distribution(
                title=d["title"],
                description=d["description"],
                format=d["format"],
                media_type=MEDIA_TYPES.get(d["format"].upper(), ""),
                access_url=d["url"],
                download_url=d["url"] if d["download"] else "",
                byte_size=d["byte_size"],
                licence=licence,
                sort_order=n,
            )
            for n, d in enumerate(data["distributions"])
        ],
    )
    return fields


entry_types.add_part(
    "dataset",
    DemoPart,
    DemoPart(items_file=Path(__file__).with_name("demo.json"), fields=demo_fields),
)
