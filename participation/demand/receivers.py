"""Listening to search: every search the search app announces is logged, without its asker."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .services import log_search


def log_performed_search(
    sender: Any,
    *,
    query: str,
    filters: Mapping[str, Sequence[str]],
    result_count: int,
    source: str,
    **kwargs: Any,
) -> None:
    log_search(query=query, filters=filters, result_count=result_count, source=source)
