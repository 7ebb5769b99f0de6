"""CKAN's ``sort=name asc`` where search windows come from bitmaps (the embedded backend): the
public packages in name order, cached.

The search backend keeps "newest" and "title" orders but none by slug, so ``name asc`` ran on
the ORM path: a COUNT, an ORDER BY over every filtered row and a GROUP BY per facet, for
every page. With the order of every public package cached per
search index token (search.bitmaps.TokenCache, like the tag bitmaps: a slug change reindexes the
entry, which bumps the token), a page is a walk down that list keeping the backend's matches.

The order is the ORM path's exactly: the package ``name`` (prefix + slug: what is returned)
ascending, then id descending (search.py's ``_order``), names compared by code point as
SQLite's default BINARY collation and PostgreSQL's "C" do (packages.name_expression). Only
queries without free text take this path: the ORM path reads ``q`` as substrings, the
search index as words, and their matches differ.
"""

from __future__ import annotations

from dataclasses import dataclass

from catalogue.models import Entry
from search.bitmaps import Membership, TokenCache
from search.service import answers_from_bitmaps

from .packages import package_name, public_packages


@dataclass(frozen=True)
class NameOrder:
    token: str
    ids: tuple[int, ...]


def _build(token: str) -> NameOrder:
    rows = public_packages().values_list("id", "entry_type", "slug")
    names = sorted((package_name(Entry(entry_type=t, slug=s)), -pk) for pk, t, s in rows)
    return NameOrder(token, tuple(-negated for _, negated in names))


_name_orders: TokenCache[NameOrder] = TokenCache(_build, lambda order: order.token)


def available() -> bool:
    """The cached order pages the bitmap of a search window: only where the backend answers
    windows from bitmaps that follow the index token this cache follows."""
    return answers_from_bitmaps()


def page_in_name_order(matches: int, size_bytes: int, *, start: int, rows: int) -> list[int]:
    """Ids of ``rows`` matches from ``start``, in name order; ``matches`` is a bitmap."""
    if rows <= 0:
        return []
    members = Membership(matches, size_bytes)
    top = size_bytes * 8
    found: list[int] = []
    wanted = start + rows
    for entry_id in _name_orders.get().ids:
        if entry_id < top and entry_id in members:
            found.append(entry_id)
            if len(found) >= wanted:
                break
    return found[start:]
