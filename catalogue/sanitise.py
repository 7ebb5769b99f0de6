"""Sanitising text from outside before it is stored.

Rich text keeps a small, safe subset of HTML (the subset Wagtail's editor produces); plain
fields lose every tag. Output is still escaped by templates: this is defence in depth, so a
harvested ``<script>`` or ``onerror=`` never reaches the database.
"""

from __future__ import annotations

import html
import re

import nh3

RICH_TEXT_TAGS = {
    "p",
    "br",
    "b",
    "strong",
    "i",
    "em",
    "u",
    "a",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "code",
    "pre",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "abbr",
}
RICH_TEXT_ATTRIBUTES = {
    "a": {"href", "title", "linktype", "id"},
    "abbr": {"title"},
    "th": {"scope"},
}
URL_SCHEMES = {"http", "https", "mailto"}
# Characters nh3 would change (or that start markup). Text without any of them comes out of
# nh3 as it went in, so the (costly, per field of every harvested record) call is skipped.
_PLAIN_SPECIAL = re.compile("[<&\x00\ufeff]")
_RICH_SPECIAL = re.compile("[<>&\x00\ufeff\r\xa0]")


def sanitise_rich_text(value: str | None) -> str:
    """Keep safe formatting; drop scripts, styles, event handlers and javascript: URLs."""
    if not value:
        return ""
    if not _RICH_SPECIAL.search(value):
        return value.strip()
    return nh3.clean(
        value,
        tags=RICH_TEXT_TAGS,
        attributes=RICH_TEXT_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    ).strip()


def sanitise_plain_text(value: str | None, *, max_length: int | None = None) -> str:
    """Remove every tag (keeping the text), unescape entities, collapse whitespace."""
    if not value:
        return ""
    if _PLAIN_SPECIAL.search(value):
        text = html.unescape(nh3.clean(value, tags=set(), strip_comments=True))
    else:  # nh3 would only escape ">" and NBSP, which unescaping turns back
        text = value
    # str.split() and the regex \s agree on whitespace (both Py_UNICODE_ISSPACE); the split
    # is the faster of the two on a description, which every export and harvest cleans
    text = " ".join(text.split())
    if max_length is not None and len(text) > max_length:
        text = text[: max_length - 1].rstrip() + "…"
    return text


_BREAK_TAG = re.compile(r"<(/p|br|/li|/h[1-6]|/tr)\b[^>]*>")
# Bare formatting tags whose removal is all an HTML parser would do with them: no
# attributes, and none that reorders text (tables), drops a newline (pre) or holds raw text.
_BARE_TAG = re.compile(r"</?(?:p|br|b|strong|i|em|u|ul|ol|li|h[1-6]|blockquote|code|hr)\s*/?>")


def html_to_text(value: str | None) -> str:
    """Plain text of rich text, for search indexing, summaries and the exports."""
    if not value:
        return ""
    spaced = _BREAK_TAG.sub(" ", value)
    # Rich text as the editor writes it holds only bare tags: once they are gone, no markup
    # nor entity is left and nh3 (a full parse, at every entry of an export) would change
    # nothing more (tests/catalogue/test_sanitise.py compares both ways).
    stripped = _BARE_TAG.sub("", spaced)
    if not _PLAIN_SPECIAL.search(stripped):
        return sanitise_plain_text(stripped)
    return sanitise_plain_text(spaced)
