"""Builders of real catalogue objects, through the services (no model saves by hand)."""

from __future__ import annotations

import itertools
from typing import Any

from django.utils import timezone

from catalogue.models import Distribution, Entry, Licence, Organisation, Theme
from catalogue.services import entry_create

_counter = itertools.count(1)


def make_organisation(**fields: Any) -> Organisation:
    n = next(_counter)
    defaults: dict[str, Any] = {
        "name": f"Organisation {n}",
        "slug": f"organisation-{n}",
        "kind": "government",
    }
    defaults.update(fields)
    return Organisation.objects.create(**defaults)


def make_entry(entry_type: str = "dataset", *, publish: bool = True, **fields: Any) -> Entry:
    n = next(_counter)
    distributions = fields.pop("distributions", None)
    publisher = fields.pop("publisher", None) or make_organisation()
    fields.setdefault("summary", f"Summary of entry {n}.")
    fields.setdefault("licence", Licence.objects.get(spdx_id="CC-BY-4.0"))
    fields.setdefault("modified", timezone.now())
    title = fields.pop("title", f"Entry {n}")
    entry = entry_create(
        entry_type=entry_type, title=title, publisher=publisher, publish=False, **fields
    )
    for i, dist in enumerate(distributions or []):
        Distribution.objects.create(entry=entry, sort_order=i, **dist)
    if publish:
        from catalogue.services import entry_publish

        entry.save_revision()
        entry = entry_publish(entry=entry)
    return entry


def theme(code: str) -> Theme:
    return Theme.objects.get(code=code)
