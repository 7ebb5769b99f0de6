"""Reading follows: what a person follows, whether they follow something, who is most followed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import Count

from catalogue.models import Entry

from .models import Alert, Follow, SavedSearch


def follows_of(user: Any) -> list[Follow]:
    """Everything ``user`` follows, with its target, in one query."""
    return list(
        Follow.objects.filter(user=user)
        .select_related("entry", "organisation", "theme", "saved_search")
        .order_by("-created_at", "-id")
    )


def follow_of(user: Any, target_type: str, target_id: int) -> Follow | None:
    if not user.is_authenticated:
        return None
    return Follow.objects.filter(user=user, **{f"{target_type}_id": target_id}).first()


def follower_count(target_type: str, target_id: int) -> int:
    return Follow.objects.filter(**{f"{target_type}_id": target_id}).count()


def most_followed_rows(organisation_ids: Sequence[int] | None) -> list[list[Any]]:
    """The demand panel: the 50 most followed published entries (of these publishers)."""
    entries = Entry.objects.published()
    if organisation_ids is not None:
        entries = entries.filter(publisher_id__in=list(organisation_ids))
    counts = (
        Follow.objects.filter(entry__in=entries)
        .values("entry_id")
        .annotate(followers=Count("id"))
        .order_by("-followers", "entry_id")[:50]
    )
    rows = list(counts)
    by_id = Entry.objects.select_related("publisher").in_bulk([row["entry_id"] for row in rows])
    return [
        [by_id[row["entry_id"]].title, by_id[row["entry_id"]].publisher.name, row["followers"]]
        for row in rows
        if row["entry_id"] in by_id
    ]


def _target_label(follow: Follow) -> str:
    return str(follow.target)


def export_alerts_data(user: Any) -> dict[str, Any]:
    """Personal-data export: follows, saved searches and alerts not yet mailed."""
    return {
        "follows": [
            {
                "type": follow.target_type,
                "id": follow.target_id,
                "name": _target_label(follow),
                "frequency": follow.frequency,
                "created_at": follow.created_at.isoformat(),
            }
            for follow in follows_of(user)
        ],
        "saved_searches": [
            {"name": saved.name, "query": saved.query, "created_at": saved.created_at.isoformat()}
            for saved in SavedSearch.objects.filter(user=user)
        ],
        "pending_alerts": [
            {
                "kind": a.kind,
                "summary": a.summary,
                "url": a.url,
                "created_at": a.created_at.isoformat(),
            }
            for a in Alert.objects.filter(user=user, sent_at=None).order_by("created_at")
        ],
    }
