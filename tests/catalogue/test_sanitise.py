"""html_to_text's fast path (bare tags removed by a regex) gives what nh3 gives."""

from __future__ import annotations

import html
import random

import nh3
import pytest

from catalogue.sanitise import _BREAK_TAG, html_to_text

TOKENS = [
    "<p>",
    "</p>",
    "<br>",
    "<br/>",
    "<br />",
    "<b>",
    "</b>",
    "<strong>",
    "</strong>",
    "<i>",
    "</i>",
    "<em>",
    "</em>",
    "<u>",
    "</u>",
    "<ul>",
    "</ul>",
    "<ol>",
    "</ol>",
    "<li>",
    "</li>",
    "<h2>",
    "</h2>",
    "<h3 >",
    "</h4>",
    "<blockquote>",
    "</blockquote>",
    "<code>",
    "</code>",
    "<hr>",
    "<hr/>",
    "word",
    "data",
    "élan",
    "数据",
    "😀",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\t",
    "\xa0",
    "\u2003",
    ">",
    '"',
    "'",
    "=",
    "a > b",
    "x",
    "\x0b",
    "\x1c",
    "\x01",
    "\x7f",
    "\x85",
    "\ufffe",
    "\U0010ffff",
]
SLOW_TOKENS = [  # markup or entities a regex must not guess at: they keep nh3
    "<pre>\n",
    "</pre>",
    "<table>",
    "<td>",
    "&amp;",
    "&lt;",
    "<script>alert(1)</script>",
    "<!-- note -->",
    "<P>",
    '<p class="x">',
    "<a href='http://x'>",
    "</a>",
    "<",
    "&",
]


def reference(value: str) -> str:
    """The slow path: nh3 strips every tag, then entities are decoded, whitespace collapsed."""
    text = html.unescape(nh3.clean(_BREAK_TAG.sub(" ", value), tags=set(), strip_comments=True))
    return " ".join(text.split())


@pytest.mark.parametrize("seed", range(4))
def test_fast_path_matches_nh3(seed):
    rng = random.Random(seed)
    for case in range(2000):
        tokens = TOKENS if case % 2 else TOKENS + SLOW_TOKENS  # half of them: the fast path
        value = "".join(rng.choices(tokens, k=rng.randint(1, 25)))
        assert html_to_text(value) == reference(value), repr(value)


def test_typical_rich_text():
    value = "<p>Stops <b>and</b> stations.</p><ul><li>bus</li><li>tram</li></ul><p>2024</p>"
    assert html_to_text(value) == reference(value) == "Stops and stations. bus tram 2024"
