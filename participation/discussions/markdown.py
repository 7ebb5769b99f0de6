"""The Markdown subset of posts, rendered once when a post is written and sanitised.

Paragraphs, emphasis, links, lists, code and quotes: enough to answer a question about data.
Raw HTML is never interpreted (markdown-it escapes it as text), images and headings are off
(a post is not a page), and nh3 cleans the result again, so whatever markdown-it lets through
by mistake still cannot carry a script, an event handler or a ``javascript:`` link.
"""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {"p", "br", "em", "strong", "a", "ul", "ol", "li", "code", "pre", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow ugc noopener"

_renderer = MarkdownIt(
    "commonmark", {"html": False, "linkify": False, "typographer": False}
).disable(["image", "heading", "lheading", "hr", "html_block", "html_inline"])


def render_markdown(text: str) -> str:
    """Sanitised HTML of a post's Markdown (stored as ``Post.body_html``)."""
    html = _renderer.render(text or "")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    ).strip()
