"""The one rule for an entry's publisher as pages, exports and APIs present it (ADR 0023).

``Entry.publisher`` is always set: it is the organisation the entry belongs to here (its
permissions, its organisation page, the CKAN ``organization``). When a harvested record named
no publisher, it is the harvest source's owner and ``publisher_stated`` is False: the owner
catalogued the entry but did not publish it, so no document calls it ``dct:publisher``.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

# The entries whose publisher a document may state (data.json and DCAT-US 3 require one).
PUBLISHER_STATED = Q(publisher_stated=True)


def stated_publisher(entry: Any) -> Any | None:
    """The entry's publisher when its source stated one, else None (leave dct:publisher out)."""
    if not getattr(entry, "publisher_stated", True):
        return None
    return entry.publisher
