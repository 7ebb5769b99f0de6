"""Stable CKAN ids (UUID strings) for our integer primary keys, reversible without a table.

CKAN clients expect UUIDs as package, organization and resource ids. The first 64 bits say
what kind of object it is (a constant per kind), the last 64 bits are the primary key; so
``package_show?id=<uuid>`` finds the entry by primary key and the id never changes.
"""

from __future__ import annotations

import uuid

_KINDS = {
    "entry": 0xCA7A_0000_E117_0001,
    "organisation": 0xCA7A_0000_0126_0002,
    "distribution": 0xCA7A_0000_D157_0003,
    "theme": 0xCA7A_0000_7E4E_0004,
}
_MASK = (1 << 64) - 1


def object_uuid(kind: str, pk: int) -> str:
    return str(uuid.UUID(int=(_KINDS[kind] << 64) | (pk & _MASK)))


def parse_object_uuid(kind: str, value: str) -> int | None:
    """The primary key inside an id of this kind, or None (not one of our ids)."""
    try:
        number = uuid.UUID(value.strip()).int
    except (ValueError, AttributeError):
        return None
    if number >> 64 != _KINDS[kind]:
        return None
    return number & _MASK
