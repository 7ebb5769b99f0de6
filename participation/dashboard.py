"""Panels of the demand dashboard, contributed by each capability.

The dashboard (participation.demand) shows what people ask for; the figures come from several
apps (requests, follows, reports). Each registers a panel here in its ``AppConfig.ready()`` so
the dashboard needs to import none of them, and any panel can be exported as CSV the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

# rows(organisation_ids) -> rows; ``None`` means every organisation (a moderator's view).
RowsFunction = Callable[[Sequence[int] | None], Sequence[Sequence[Any]]]


@dataclass(frozen=True)
class DemandPanel:
    key: str  # a slug, used in the CSV export's URL
    title: str  # translatable (pass a gettext_lazy string)
    headers: Sequence[str]
    rows: RowsFunction
    order: int = 100


_PANELS: dict[str, DemandPanel] = {}


def register_demand_panel(panel: DemandPanel) -> None:
    _PANELS[panel.key] = panel


def demand_panels() -> list[DemandPanel]:
    return sorted(_PANELS.values(), key=lambda panel: (panel.order, panel.key))


def demand_panel(key: str) -> DemandPanel | None:
    return _PANELS.get(key)
