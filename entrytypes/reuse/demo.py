"""Demo reuses, each linked to the demo datasets and APIs it uses.

The items are in demo.json beside this module; the fields they become are built here. The
demo needs no network, so the reuses have no image (the admin says so: "No image").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from catalogue.registry import entry_types
from demo.loader import DemoLoader
from demo.parts import DemoItem, DemoPart


def demo_fields(loader: DemoLoader, data: DemoItem, index: int) -> dict[str, Any]:
    fields = loader.core(data, index, "reuse", segment="reuses")
    fields.update(
        reuse_kind=data["kind"],
        url=data["url"],
        author_name=data.get("author", ""),
        uses=loader.linked(data["uses"]),
    )
    return fields


entry_types.add_part(
    "reuse",
    DemoPart,
    DemoPart(items_file=Path(__file__).with_name("demo.json"), fields=demo_fields),
)
