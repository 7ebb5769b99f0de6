"""Coercion of hostile JSON values into the plain types records hold."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

# Languages tried, in order, when a portal sends a multilingual dict ({"de": ..., "fr": ...}).
PREFERRED_LANGUAGES = ("en", "fr", "de", "nl", "it", "es")
_MAX_DEPTH = 4
_BAD_URL_CHARS = re.compile(r'[\s\x00-\x1f<>"\\]')
_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")


def text(value: Any, *, _depth: int = 0) -> str:
    """A string from a string, number, multilingual dict or list; "" for anything else."""
    if type(value) is str:  # the common case first: this runs millions of times a harvest
        return (value.replace("\x00", "") if "\x00" in value else value).strip()
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, str):
        return value.replace("\x00", "").strip()
    if isinstance(value, int | float):
        return str(value) if value == value else ""  # NaN is not text
    if _depth >= _MAX_DEPTH:
        return ""
    if isinstance(value, dict):
        for lang in PREFERRED_LANGUAGES:
            found = text(value.get(lang), _depth=_depth + 1)
            if found:
                return found
        for key in ("@value", "value", "name", "title", "label"):
            found = text(value.get(key), _depth=_depth + 1)
            if found:
                return found
        for item in value.values():
            if isinstance(item, str) and item.strip():
                return item.strip()
        return ""
    if isinstance(value, list | tuple):
        for item in value:
            found = text(item, _depth=_depth + 1)
            if found:
                return found
    return ""


def as_list(value: Any) -> list[Any]:
    """A list from a list, or a one-element list from a single value; [] for null."""
    if value is None:
        return []
    if isinstance(value, list):
        return value
    if isinstance(value, tuple):
        return list(value)
    return [value]


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def text_list(value: Any, *, max_items: int = 200, split: str | None = None) -> tuple[str, ...]:
    """Distinct non-empty strings, in order, from a string, a list or a multilingual dict."""
    if not value:
        return ()
    items: Iterable[Any]
    if isinstance(value, dict):
        # Multilingual lists ({"en": [...], "fr": [...]}): take the preferred language only.
        for lang in PREFERRED_LANGUAGES:
            if value.get(lang):
                return text_list(value[lang], max_items=max_items, split=split)
        items = [value]
    else:
        items = as_list(value)
    seen: dict[str, None] = {}
    folded: set[str] = set()
    for item in items:
        if type(item) is not str:
            if isinstance(item, list | tuple):
                continue
            item = text(item)
        parts = item.split(split) if split else (item,)
        for part in parts:
            part = part.strip()
            if "\x00" in part:
                part = part.replace("\x00", "").strip()
            if part and part.casefold() not in folded:
                folded.add(part.casefold())
                seen[part] = None
            if len(seen) >= max_items:
                return tuple(seen)
    return tuple(seen)


def url(value: Any) -> str:
    """An absolute http(s) URL, or ""; anything else (javascript:, relative, junk) is dropped."""
    if not value:
        return ""
    if isinstance(value, dict):
        candidate = text(value.get("@id") or value.get("accessURL") or value.get("url") or "")
    else:
        candidate = text(value)
    # Real portals publish URLs with literal spaces; encode them rather than lose the link.
    candidate = candidate.strip().replace(" ", "%20")
    lowered = candidate.lower()
    if not lowered.startswith(("http://", "https://")) or len(lowered) < 10:
        return ""
    if _BAD_URL_CHARS.search(candidate):
        return ""
    return candidate[:1000]


def email(value: Any) -> str:
    """A bare e-mail address from "mailto:x@y", "x@y " or a vCard hasEmail; "" if invalid."""
    candidate = text(value)
    return _email(candidate) if candidate else ""


@lru_cache(maxsize=4096)
def _email(candidate: str) -> str:
    """Cached: a portal repeats a few contact addresses across thousands of records."""
    if candidate.lower().startswith("mailto:"):
        candidate = candidate[7:]
    candidate = candidate.strip()
    return candidate if len(candidate) <= 254 and _EMAIL.match(candidate) else ""


def integer(value: Any) -> int | None:
    """A non-negative integer from an int, a float or a numeric string; None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        result = value
    elif isinstance(value, float) and value == value and abs(value) < 2**63:
        result = int(value)
    elif isinstance(value, str) and value.strip().isdigit() and len(value.strip()) < 19:
        result = int(value.strip())
    else:
        return None
    return result if 0 <= result < 2**63 else None


def boolean(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in {"true", "yes", "1"}:
            return True
        if lowered in {"false", "no", "0"}:
            return False
    return None


def extra(key: str, value: Any) -> tuple[str, str] | None:
    """An (key, value) extras pair, nested values as compact text; None when empty."""
    if value is None or value == "" or value == [] or value == {}:
        return None
    if isinstance(value, str):
        rendered = value
    elif isinstance(value, bool | int | float):
        rendered = str(value)
    else:
        import json

        try:
            rendered = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
        except (TypeError, ValueError):
            rendered = str(value)
    return (key[:100], rendered[:2000])
