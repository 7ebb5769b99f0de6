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
# A resource that is not a distribution (an API's endpoint, a reuse's address): the high bits
# are this base plus the resource's slot in its type's part (1..255), the low bits the entry.
_ENTRY_RESOURCE = 0xCA7A_0000_2E50_0000
# Tags have no row: their ids are name-based UUIDs (uuid5) in this namespace.
TAG_NAMESPACE = uuid.UUID("5c0a1b9e-7a61-5a3e-9d0e-ca7a00007a90")
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


def entry_resource_uuid(entry_pk: int, slot: int) -> str:
    """The id of an entry's own resource number ``slot`` (1..255): stable, reversible."""
    if not 0 < slot < 256:
        raise ValueError("A resource slot is 1..255.")
    return str(uuid.UUID(int=((_ENTRY_RESOURCE | slot) << 64) | (entry_pk & _MASK)))


def parse_entry_resource_uuid(value: str) -> tuple[int, int] | None:
    """``(entry primary key, slot)`` inside an entry resource id, or None."""
    try:
        number = uuid.UUID(value.strip()).int
    except (ValueError, AttributeError):
        return None
    high = number >> 64
    if high & ~0xFF != _ENTRY_RESOURCE or not high & 0xFF:
        return None
    return number & _MASK, high & 0xFF


def tag_uuid(name: str) -> str:
    return str(uuid.uuid5(TAG_NAMESPACE, name))
