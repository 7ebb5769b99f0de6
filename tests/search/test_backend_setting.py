"""``SEARCH_BACKEND``: a dotted path picks the backend; a wrong one is a clear error."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured

from search.checks import search_backend_configured
from search.service import get_backend, reset_backend_cache


@pytest.fixture
def backend_setting(settings: Any) -> Iterator[Any]:
    reset_backend_cache()
    yield settings
    reset_backend_cache()


def test_the_dotted_path_names_the_backend(backend_setting: Any) -> None:
    backend_setting.SEARCH_BACKEND = "search.backends.database.DatabaseBackend"
    assert get_backend().name == "database"
    assert search_backend_configured() == []


@pytest.mark.parametrize(
    ("path", "says"),
    [
        ("search.backends.nowhere.NoBackend", "cannot be imported"),
        ("search.backends.database.NoSuchClass", "cannot be imported"),
        ("search.query.SearchQuery", "is not a search backend"),
        ("search.service.get_backend", "is not a search backend"),
    ],
)
def test_a_wrong_path_is_improperly_configured(backend_setting: Any, path: str, says: str) -> None:
    backend_setting.SEARCH_BACKEND = path
    with pytest.raises(ImproperlyConfigured, match=says):
        get_backend()
    [error] = search_backend_configured()
    assert error.id == "catalogue_search.E001"
    assert path in error.msg and says in error.msg


def test_elasticsearch_without_a_url_is_improperly_configured(backend_setting: Any) -> None:
    backend_setting.SEARCH_BACKEND = "search.backends.elasticsearch.ElasticsearchBackend"
    backend_setting.ELASTICSEARCH_URL = ""
    with pytest.raises(ImproperlyConfigured, match="ELASTICSEARCH_URL is empty"):
        get_backend()


def test_the_default_follows_elasticsearch_url() -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = "from django.conf import settings; print(settings.SEARCH_BACKEND)"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings"}
    env.pop("SEARCH_BACKEND", None)

    def configured(**extra: str) -> str:
        out = subprocess.run(  # noqa: S603 - our own interpreter and a fixed program
            [sys.executable, "-c", "import django; django.setup(); " + code],
            env={**env, **extra},
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parents[2],
        )
        return out.stdout.strip().splitlines()[-1]

    assert configured(ELASTICSEARCH_URL="") == "search.backends.database.DatabaseBackend"
    assert configured(ELASTICSEARCH_URL="http://127.0.0.1:9") == (
        "search.backends.elasticsearch.ElasticsearchBackend"
    )
    assert configured(SEARCH_BACKEND="x.Y") == "x.Y"
