"""The one rule for URLs from data that become links: only http(s) is ever an ``href``.

Harvested URLs reach the database without form validation, and escaping alone lets
``javascript:`` (or ``data:``, ``vbscript:``) through, so templates use the ``safe_href``
filter (catalogue_tags) and Python code building HTML uses :func:`safe_href`.
"""

from __future__ import annotations

from urllib.parse import urlsplit

LINK_SCHEMES = frozenset({"http", "https"})


def safe_href(url: object) -> str:
    """``url`` stripped if it is an absolute http(s) URL with a host, else empty."""
    if not url:
        return ""
    cleaned = str(url).strip()
    if any(ord(char) < 0x20 or ord(char) == 0x7F for char in cleaned):
        return ""
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return ""
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.netloc:
        return ""
    return cleaned
