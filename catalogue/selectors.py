"""Read queries for the catalogue (stub, filled by the public-site work)."""

from typing import Any


def home_context() -> dict[str, Any]:
    return {}


def entry_detail_context(*, entry: Any, preview: bool = False) -> dict[str, Any]:
    return {"entry": entry}
