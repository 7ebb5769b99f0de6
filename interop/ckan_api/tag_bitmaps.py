"""Per-process keyword bitmaps for CKAN's ``tags`` filter and facet on the embedded backend.

The search index has no keyword facet (keywords are free text there), and counting tags in
SQL is a ``json_each`` scan of every matching entry, on every request. Like the
facet bitmaps of the database backend (search.bitmaps), each process keeps one bitmap per tag of the
public packages holding it, rebuilt when the search index's token changes (every index write
bumps it, and every keyword change is reindexed). Filtering by a tag is then an AND, counting
all tags over a result a popcount per tag.

The bitmaps line up with the backend's own only where it answers search windows from bitmaps
(``search.service.answers_from_bitmaps``); elsewhere this returns None and the callers keep
their SQL path.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from search.bitmaps import Membership, TokenCache, bitmap_from_ids
from search.service import answers_from_bitmaps

from .packages import public_packages


@dataclass
class TagSnapshot:
    token: str
    size_bytes: int
    # Exact, case-sensitive tag -> bitmap of the public packages holding it; a rare tag keeps
    # its ids instead (a bitmap costs size_bytes whatever its count: thousands of rare tags
    # would take hundreds of MB at 100,000 entries).
    postings: dict[str, int]
    rare: dict[str, tuple[int, ...]]

    def matching(self, ids: Iterable[int]) -> int:
        return bitmap_from_ids(ids, self.size_bytes)

    def _bitmap(self, tag: str) -> int:
        if tag in self.postings:
            return self.postings[tag]
        return bitmap_from_ids(self.rare.get(tag, ()), self.size_bytes)

    def all_of(self, tags: Iterable[str]) -> int:
        bitmap = -1
        for tag in tags:
            bitmap &= self._bitmap(tag)
        return max(bitmap, 0)

    def counts(self, matches: int, *, limit: int) -> list[tuple[str, str, int]]:
        counted = [
            (tag, tag, n)
            for tag, bitmap in self.postings.items()
            if (n := (matches & bitmap).bit_count())
        ]
        members = Membership(matches, self.size_bytes)
        for tag, ids in self.rare.items():
            n = sum(1 for pk in ids if pk in members)
            if n:
                counted.append((tag, tag, n))
        counted.sort(key=lambda row: (-row[2], row[0]))
        return counted[:limit]


def _build(token: str) -> TagSnapshot:
    rows = list(public_packages().values_list("id", "keywords"))
    size = max((pk for pk, _ in rows), default=0) // 8 + 1
    grouped: dict[str, list[int]] = {}
    for pk, keywords in rows:
        for tag in set(keywords or []):
            if isinstance(tag, str) and tag:
                grouped.setdefault(tag, []).append(pk)
    dense = size // 32  # a tuple of ids costs ~32 bytes an id
    postings = {t: bitmap_from_ids(ids, size) for t, ids in grouped.items() if len(ids) > dense}
    rare = {t: tuple(ids) for t, ids in grouped.items() if len(ids) <= dense}
    return TagSnapshot(token, size, postings, rare)


_tag_snapshots: TokenCache[TagSnapshot] = TokenCache(_build, lambda snap: snap.token)


def current_tags() -> TagSnapshot | None:
    """None where the backend answers no bitmap windows: callers keep their SQL path."""
    if not answers_from_bitmaps():
        return None
    return _tag_snapshots.get()
