"""The challenge type: URL segment, labels, detail page and its home-page section."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue.models import Entry
from catalogue.registry import EntryTypeSpec, entry_types
from catalogue.selectors import published_among

from .admin import ChallengeViewSet
from .models import Challenge
from .status import challenge_status

HOME_CLOSING_COUNT = 4


def detail_context(entry: Entry) -> dict[str, Any]:
    offered = published_among(entry.offered_resources.all())
    criteria = list(entry.criteria.all())
    return {
        "challenge_status": challenge_status(entry),
        "partnerships": list(entry.partnerships.select_related("organisation").all()),
        "prizes": list(entry.prizes.all()),
        "criteria": criteria,
        "criteria_total": sum(c.weight for c in criteria),
        "phases": list(entry.phases.all()),
        "winners": list(entry.winners.select_related("organisation").all()),
        "documents": list(entry.documents.all()),
        "offered_datasets": [e for e in offered if e.entry_type == "dataset"],
        "offered_apis": [e for e in offered if e.entry_type == "api"],
    }


def closing_soon(published: QuerySet[Entry]) -> dict[str, Any]:
    """The challenges open now that close first."""
    now = timezone.now()
    closing = (
        published.filter(closes_at__gt=now)
        .filter(Q(opens_at__isnull=True) | Q(opens_at__lte=now))
        .select_related("publisher")
        .order_by("closes_at", "id")[:HOME_CLOSING_COUNT]
    )
    return {"template": "catalogue/home/challenges_closing.html", "entries": list(closing)}


entry_types.register(
    EntryTypeSpec(
        key="challenge",
        path="challenges",
        label=_("Challenge"),
        label_plural=_("Challenges"),
        model=Challenge,
        order=40,
        intro=_(
            "Innovation challenges: problems the public sector asks everyone to help solve,"
            " with prizes, deadlines and the data to use."
        ),
        detail_context=detail_context,
        home_section=closing_soon,
        has_timeline=True,
        card_template="catalogue/cards/challenge.html",
        admin_viewset=ChallengeViewSet,
    )
)
