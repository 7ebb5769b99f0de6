"""What an entry type brings to the demo: its items and how one becomes entry fields.

Each type registers a :class:`DemoPart` (``entrytypes/<type>/demo.py``) whose items live
beside it as JSON (``demo.json``). The loader creates the types in the registry's order, so an
item may link to entries of the types before it (an API to its datasets, a reuse to both).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from catalogue.registry import entry_types

if TYPE_CHECKING:
    from .loader import DemoLoader

DemoItem = dict[str, Any]


@dataclass(frozen=True)
class DemoPart:
    items_file: Path
    # The entry's fields (``entry_create`` keywords) for one item, given its position.
    fields: Callable[[DemoLoader, DemoItem, int], dict[str, Any]]

    @property
    def items(self) -> list[DemoItem]:
        return _read_items(self.items_file)


@cache
def _read_items(path: Path) -> list[DemoItem]:
    with path.open(encoding="utf-8") as file:
        items: list[DemoItem] = json.load(file)
    return items


def demo_parts() -> dict[str, DemoPart]:
    return entry_types.parts(DemoPart)
