"""Facet bitmaps: per-process, in-memory postings of the database index.

Counting facets with SQL means grouping about ten facet rows per matching entry: at 100,000
entries and a broad word, a million rows per query. Instead each process keeps, for every facet
value, a bitmap of the entries that have it (a Python int: bit n set = entry n has the value).
Counting a facet value over any set of matches is then one AND and one popcount, in C, in
microseconds, whatever the database. The bitmaps are rebuilt when the index token in
``search_index_state`` changes (see search.models.IndexState).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import connection

from catalogue.models import Entry, challenge_status_at
from catalogue.registry import entry_types

from ..bitmaps import TokenCache, bitmap_from_ids
from ..models import FacetValueRow

_NEVER = dt.datetime.max.replace(tzinfo=dt.UTC)


@dataclass
class FacetSnapshot:
    token: str
    size_bytes: int
    universe: int  # every indexed (published) entry
    postings: dict[str, dict[str, int]]  # facet -> value -> bitmap
    newest_first: list[int]
    title_order: list[int]
    challenges: list[tuple[int, Any, Any, Any]]  # id, opens_at, closes_at, judging_ends_at
    # (computed at, valid until, bitmaps): see challenge_status_bitmaps.
    _statuses: tuple[Any, Any, dict[str, int]] | None = field(default=None, repr=False)

    def challenge_status_bitmaps(self, now: Any) -> dict[str, int]:
        """Challenges by status at ``now``. A status only changes when the clock passes one of
        the challenge dates (``challenge_status_at`` compares ``now`` with them), so bitmaps
        computed at ``t`` hold until the first date after ``t``: reused until then instead of
        re-deciding every challenge on every search (tens of thousands at 100,000 entries)."""
        cached = self._statuses
        if cached is not None and cached[0] <= now < cached[1]:
            return cached[2]
        grouped: dict[str, list[int]] = {}
        later = _NEVER
        for entry_id, opens, closes, judging in self.challenges:
            grouped.setdefault(challenge_status_at(now, opens, closes, judging), []).append(
                entry_id
            )
            for moment in (opens, closes, judging):
                if moment is not None and now < moment < later:
                    later = moment
        bitmaps = {status: bitmap_from_ids(ids, self.size_bytes) for status, ids in grouped.items()}
        self._statuses = (now, later, bitmaps)
        return bitmaps


def _build(token: str) -> FacetSnapshot:
    with connection.cursor() as cursor:
        cursor.execute("SELECT MAX(entry_id) FROM search_facet_value")
        max_id = cursor.fetchone()[0] or 0
        size = max_id // 8 + 1
        # Rows written after MAX() was read (a harvest running meanwhile) wait for the next
        # snapshot: they would lie beyond the bitmaps.
        cursor.execute(
            "SELECT facet, value, entry_id FROM search_facet_value WHERE entry_id <= %s "
            "ORDER BY facet, value",
            [max_id],
        )
        postings: dict[str, dict[str, int]] = {}
        current: tuple[str, str] | None = None
        bits = bytearray(size)
        for facet, value, entry_id in cursor.fetchall():
            if (facet, value) != current:
                if current is not None:
                    postings.setdefault(current[0], {})[current[1]] = int.from_bytes(bits, "little")
                current, bits = (facet, value), bytearray(size)
            bits[entry_id >> 3] |= 1 << (entry_id & 7)
        if current is not None:
            postings.setdefault(current[0], {})[current[1]] = int.from_bytes(bits, "little")
        indexed = "SELECT entry_id FROM search_facet_value WHERE facet = 'type'"
        cursor.execute(
            f"SELECT id FROM catalogue_entry WHERE id IN ({indexed}) "  # noqa: S608
            "ORDER BY modified IS NULL, modified DESC, id DESC"
        )
        newest = [row[0] for row in cursor.fetchall()]
        cursor.execute(
            f"SELECT id FROM catalogue_entry WHERE id IN ({indexed}) "  # noqa: S608
            "ORDER BY LOWER(title), id"
        )
        titles = [row[0] for row in cursor.fetchall()]
    universe = 0
    for bitmap in postings.get("type", {}).values():
        universe |= bitmap
    timeline_types = [spec.key for spec in entry_types if spec.has_timeline]
    indexed_challenges = FacetValueRow.objects.filter(facet="type", value__in=timeline_types)
    challenges = list(
        Entry.objects.filter(pk__in=indexed_challenges.values("entry_id")).values_list(
            "pk", "opens_at", "closes_at", "judging_ends_at"
        )
    )
    return FacetSnapshot(token, size, universe, postings, newest, titles, challenges)


_facet_snapshots: TokenCache[FacetSnapshot] = TokenCache(_build, lambda snap: snap.token)


def current_snapshot() -> FacetSnapshot:
    """The bitmaps of the index as it is now, rebuilt only when its token changed."""
    return _facet_snapshots.get()
