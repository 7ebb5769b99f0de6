"""Records of the JSON test protocol (tests/harvesters/jsonproto.py) and a server to list them."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from catalogue.models.entries import Entry

from .conftest import FixtureServer


def rec(n: int, **fields: Any) -> dict[str, Any]:
    base = {
        "remote_id": f"r{n}",
        "entry_type": "dataset",
        "title": f"Dataset {n}",
        "description": f"<p>About dataset {n}, long enough to be a description.</p>",
        "licence": "CC-BY-4.0",
        "keywords": ["water", "rivers"],
        "themes": ["ENVI"],
        "countries": ["FR"],
        "modified": "2024-05-01T10:00:00+00:00",
        "distributions": [
            {
                "title": "CSV file",
                "download_url": f"https://example.org/{n}.csv",
                "format": "CSV",
                "remote_id": f"d{n}",
            }
        ],
    }
    base.update(fields)
    return base


def serve(
    server: FixtureServer,
    path: str,
    records: list[dict[str, Any]],
    errors: Iterable[dict[str, Any]] = (),
    next_url: str | None = None,
) -> str:
    body: dict[str, Any] = {"records": records, "errors": list(errors)}
    if next_url:
        body["next"] = next_url
    return server.add(path, json.dumps(body))


def titles() -> list[str]:
    return sorted(Entry.objects.values_list("title", flat=True))
