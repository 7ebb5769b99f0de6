"""The demand dashboard's "most requested data" panel: what people ask for, by theme and
country, with the votes that say how many need it. Scoped to the likely holders an editor
answers for; a moderator sees every request (``None``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _

from participation.dashboard import DemandPanel

from .models import DataRequest

HEADERS = [_("Theme"), _("Country"), _("Requests"), _("Votes")]
ROW_LIMIT = 200


def requested_data_rows(organisation_ids: Sequence[int] | None) -> list[list[Any]]:
    """One row per (theme, country) pair, most votes first: a single aggregate query."""
    requests = DataRequest.objects.all()
    if organisation_ids is not None:
        requests = requests.filter(likely_holder_id__in=list(organisation_ids))
    groups = (
        requests.values("theme__name", "country__name")
        .annotate(requests=Count("id"), total_votes=Sum("vote_count"))
        .order_by("-total_votes", "-requests", "theme__name", "country__name")[:ROW_LIMIT]
    )
    unset = str(_("Not given"))
    return [
        [
            group["theme__name"] or unset,
            group["country__name"] or unset,
            group["requests"],
            group["total_votes"] or 0,
        ]
        for group in groups
    ]


REQUESTED_DATA_PANEL = DemandPanel(
    key="requested-data",
    title=cast(str, _("Most requested data by theme and country")),  # lazy: translated when shown
    headers=cast(list[str], HEADERS),
    rows=requested_data_rows,
    order=20,
)
