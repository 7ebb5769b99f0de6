"""Fetching one JSON (or YAML) document through the shared HTTP policy."""

from __future__ import annotations

import json
from typing import Any

from django.utils.translation import gettext as _

from harvesters.exceptions import PayloadError
from harvesters.http import HttpClient


def get_json(http: HttpClient, url: str) -> Any:
    """The decoded JSON body of ``url``; ``PayloadError`` if it is not JSON."""
    response = http.get(url, headers={"Accept": "application/json"})
    return decode_json(response.content, url=url)


def decode_json(content: bytes, *, url: str = "") -> Any:
    try:
        return json.loads(content)
    except (ValueError, RecursionError) as error:
        raise PayloadError(
            _("%(url)s is not valid JSON: %(error)s") % {"url": url, "error": str(error)[:200]}
        ) from None
