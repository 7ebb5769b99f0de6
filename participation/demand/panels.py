"""The two search panels, registered like every other panel (participation/dashboard.py).

Searches belong to no organisation, so an organisation's administrators see the same searches
as moderators; the period comes from ``selectors.dashboard_period``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, cast

from django.utils.translation import gettext_lazy

from participation.dashboard import DemandPanel, register_demand_panel

from . import selectors

ZERO_RESULTS = "zero-result-searches"
FREQUENT = "frequent-searches"


def _(message: str) -> str:
    """A lazy translation typed as the registry's ``str``: translated when rendered, in the
    reader's language, not once at start-up."""
    return cast(str, gettext_lazy(message))


def filters_label(canonical: str) -> str:
    """``{"country":["FR"],"theme":["envi"]}`` as ``country: FR; theme: envi``."""
    if not canonical:
        return ""
    try:
        filters = json.loads(canonical)
    except ValueError:
        return canonical
    return "; ".join(f"{facet}: {', '.join(values)}" for facet, values in filters.items())


def zero_result_rows(organisation_ids: Sequence[int] | None) -> list[list[Any]]:
    return [
        [figure.query, filters_label(figure.filters), figure.searches, figure.last_seen.isoformat()]
        for figure in selectors.zero_result_searches(selectors.dashboard_period.get())
    ]


def frequent_rows(organisation_ids: Sequence[int] | None) -> list[list[Any]]:
    return [
        [figure.query, filters_label(figure.filters), figure.searches, figure.median_results]
        for figure in selectors.frequent_searches(selectors.dashboard_period.get())
    ]


def register_search_panels() -> None:
    register_demand_panel(
        DemandPanel(
            key=ZERO_RESULTS,
            title=_("Searches that found nothing"),
            headers=[_("Search words"), _("Filters"), _("Searches"), _("Last seen")],
            rows=zero_result_rows,
            order=0,
        )
    )
    register_demand_panel(
        DemandPanel(
            key=FREQUENT,
            title=_("Most frequent searches"),
            headers=[_("Search words"), _("Filters"), _("Searches"), _("Median results")],
            rows=frequent_rows,
            order=1,
        )
    )
