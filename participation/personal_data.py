"""What each participation app holds about a person: one registry for download and deletion.

Each app registers, in its ``AppConfig.ready``, an exporter (everything it holds about a user,
as JSON-safe data) and an eraser (called before the account is deleted: it anonymises what
stays public, such as posts, and deletes the rest). The account's "download my data" and
"delete my account" views (participation.views) only ever go through this registry, so an app
added later cannot be forgotten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Exporter = Callable[[Any], Any]
Eraser = Callable[[Any], None]


@dataclass(frozen=True)
class PersonalDataPart:
    key: str  # the section of the download ("discussions", "requests"...)
    export: Exporter
    erase: Eraser


_parts: dict[str, PersonalDataPart] = {}


def register_personal_data(key: str, *, export: Exporter, erase: Eraser) -> None:
    _parts[key] = PersonalDataPart(key=key, export=export, erase=erase)


def personal_data_parts() -> list[PersonalDataPart]:
    return [_parts[key] for key in sorted(_parts)]
