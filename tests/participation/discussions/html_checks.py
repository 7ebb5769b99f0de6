"""Reading rendered HTML as a browser would: the elements and attributes really present."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_SAFE_SCHEMES = {"http", "https", "mailto"}


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))


def elements(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = _Elements()
    parser.feed(html)
    return parser.elements


def active_content(html: str) -> list[str]:
    """Everything in ``html`` that could run: script-like tags, handlers, unsafe links."""
    found = []
    for tag, attrs in elements(html):
        if tag in {"script", "img", "iframe", "object", "embed", "style", "svg"}:
            found.append(tag)
        for name, value in attrs.items():
            if name.startswith("on") or name == "style":
                found.append(f"{tag}@{name}")
            scheme = _SCHEME.match(value.strip().lower())
            if name in {"href", "src", "action"} and scheme and scheme[1] not in _SAFE_SCHEMES:
                found.append(f"{tag}@{name}={value}")
    return found
