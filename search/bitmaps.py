"""Entry-id bitmaps and caches that follow the search index: public, for any caller.

A bitmap is a Python int, bit n set = entry n. The database backend keeps its facets this way
(search/backends/facet_cache.py) and callers such as the CKAN API keep bitmaps of their own
(tags, name order) that line up with it, rebuilt when the index token in
``search_index_state`` changes (every index write bumps it, see search.models.IndexState).
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from django.db import connection

from .models import IndexState

T = TypeVar("T")


def bump_token() -> None:
    """Mark the index as changed (call inside the transaction that changed it)."""
    token = secrets.token_hex(8)
    updated = IndexState.objects.filter(pk=1).update(token=token)
    if not updated:
        IndexState.objects.update_or_create(pk=1, defaults={"token": token})


def current_token() -> str:
    return IndexState.objects.filter(pk=1).values_list("token", flat=True).first() or ""


def bitmap_from_ids(ids: Iterable[int], size_bytes: int) -> int:
    bits = bytearray(size_bytes)
    for entry_id in ids:
        if 0 <= entry_id < size_bytes * 8:
            bits[entry_id >> 3] |= 1 << (entry_id & 7)
    return int.from_bytes(bits, "little")


class Membership:
    """O(1) membership tests on a bitmap (shifting a big int per test would be O(n))."""

    def __init__(self, bitmap: int, size_bytes: int) -> None:
        self.bits = bitmap.to_bytes(size_bytes, "little")

    def __contains__(self, entry_id: int) -> bool:
        # An entry created after the bitmap was built lies beyond it: not a member (yet).
        index = entry_id >> 3
        if entry_id < 0 or index >= len(self.bits):
            return False
        return bool(self.bits[index] & (1 << (entry_id & 7)))


class TokenCache(Generic[T]):
    """Per-process, per-database derived data, rebuilt only when the index token changes.

    Shared by the facet bitmaps and anything else derived from the index (the CKAN API's
    keyword bitmaps), so each keeps one copy per database and builds it once per change.
    """

    def __init__(self, build: Callable[[str], T], token_of: Callable[[T], str]) -> None:
        self._build = build
        self._token_of = token_of
        self._lock = threading.Lock()
        self._values: dict[str, T] = {}

    def get(self) -> T:
        token = current_token()
        key = connection.alias + ":" + str(connection.settings_dict.get("NAME"))
        value = self._values.get(key)
        if value is not None and self._token_of(value) == token:
            return value
        with self._lock:
            value = self._values.get(key)
            if value is None or self._token_of(value) != token:
                value = self._build(token)
                self._values[key] = value
        return value
