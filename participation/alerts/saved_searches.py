"""New entries matching saved searches: checked in the background, never in a request.

Each saved search is run through the site's own search service (``search.service``, the same
backend and rules as the search page), newest first and bounded, and the published entries
among the hits that appeared since the search was last checked become alerts for its owner.
Harvested entries count too: they are found by their creation time, whatever wrote them.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from django.db.models import Q
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from catalogue.models import Entry
from search.params import parse_search_params
from search.query import SearchInputError, Sort
from search.service import search_entry_ids

from .models import Alert, AlertFrequency, SavedSearch

NEWEST_CHECKED = 200  # hits read per saved search and check
SEARCHES_PER_BATCH = 500


def new_matches(saved: SavedSearch, since: Any) -> list[Entry]:
    """Published entries matching ``saved`` that appeared after ``since``."""
    try:
        query = parse_search_params(QueryDict(saved.query))
    except SearchInputError:
        return []  # a vocabulary value that no longer exists: the search matches nothing
    query = dataclasses.replace(query, sort=Sort.NEWEST, page=1)
    ids = search_entry_ids(query, limit=NEWEST_CHECKED)
    if not ids:
        return []
    appeared = Q(first_published_at__gt=since) | Q(first_published_at=None, created_at__gt=since)
    return list(
        Entry.objects.published()
        .filter(appeared, pk__in=ids)
        .only("id", "title", "entry_type", "slug")
    )


def check_saved_searches() -> int:
    """Alert owners of saved searches about their new matches; returns the alerts written."""
    now = timezone.now()
    written = 0
    searches = SavedSearch.objects.prefetch_related("follows").order_by("pk")
    last_pk = 0
    while True:
        batch = list(searches.filter(pk__gt=last_pk)[:SEARCHES_PER_BATCH])
        if not batch:
            return written
        last_pk = batch[-1].pk
        alerts = []
        for saved in batch:
            follow = next(iter(saved.follows.all()), None)
            if follow is None:
                continue
            since = saved.last_checked_at or saved.created_at
            for entry in new_matches(saved, since):
                alerts.append(
                    Alert(
                        user_id=saved.user_id,
                        follow=follow,
                        frequency=follow.frequency,
                        kind="entry_published",
                        summary=(
                            _("New match for “%(search)s”: %(title)s")
                            % {"search": saved.name, "title": entry.title}
                        )[:300],
                        url=entry.get_absolute_url(),
                    )
                )
        Alert.objects.bulk_create(alerts, batch_size=1000)
        SavedSearch.objects.filter(pk__in=[s.pk for s in batch]).update(last_checked_at=now)
        written += len(alerts)
        if any(alert.frequency == AlertFrequency.IMMEDIATE for alert in alerts):
            from .sending import send_immediate_alerts_task

            send_immediate_alerts_task.enqueue()


@task()
def check_saved_searches_task() -> int:
    return check_saved_searches()
