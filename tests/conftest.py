"""Shared fixtures: a real database (pytest-django) and real objects made by the services."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _index_inside_test_transaction(settings: Any) -> None:
    """pytest-django's transaction never commits, so on-commit index sync would never run."""
    settings.SEARCH_SYNC_IMMEDIATELY = True
