"""Whether a piece of an address or a form is a plain decimal number.

``str.isdigit`` also accepts digits ``int`` refuses ("²", "①"), which turned hostile input
into a 500; every id and page number read from outside goes through this instead.
"""

from __future__ import annotations


def is_decimal(value: str) -> bool:
    """``0-9`` only, at least one: what ``int()`` reads without failing."""
    return value.isascii() and value.isdigit()
