"""The Markdown subset: formatting kept, scripts, handlers, raw HTML and bad links gone."""

from __future__ import annotations

import pytest

from participation.discussions.markdown import render_markdown

from .html_checks import active_content


def test_the_subset_is_rendered() -> None:
    html = render_markdown(
        "Some *emphasis* and **bold**.\n\n- one\n- two\n\n> quoted\n\n`code` and "
        "[a link](https://example.org/data)"
    )
    assert "<em>emphasis</em>" in html and "<strong>bold</strong>" in html
    assert "<ul>" in html and "<li>one</li>" in html
    assert "<blockquote>" in html and "<code>code</code>" in html
    assert 'href="https://example.org/data"' in html
    assert 'rel="nofollow ugc noopener"' in html


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '<a href="javascript:alert(1)" onclick="alert(1)">x</a>',
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![image](https://example.org/tracker.png)",
        '<div style="background:url(javascript:alert(1))">x</div>',
    ],
)
def test_hostile_input_is_inert(text: str) -> None:
    html = render_markdown(text)
    assert active_content(html) == [], html


def test_raw_html_is_shown_as_text_not_dropped() -> None:
    html = render_markdown("Use <b>bold</b> tags?")
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_headings_are_plain_paragraphs() -> None:
    assert render_markdown("# Not a heading") == "<p># Not a heading</p>"
