"""Hypothesis strategies for hostile JSON shared by the mapper property tests."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=40)
    | st.sampled_from(
        [
            "",
            " ",
            "http://x.org/a b",
            "javascript:alert(1)",
            "mailto:a@b.co",
            "2021-13-45",
            "R/P1D",
            "cc-by",
            "CSV",
            "9999-12-31T23:59:59-23:59",
            "0001-01-01",
            "1e309",
            "<script>alert(1)</script>",
            "\x00",
            "https://example.org/",
            '["a"]',
            "{",
        ]
    )
)


def json_values(keys: list[str]) -> st.SearchStrategy[Any]:
    """Nested JSON whose dict keys are mostly the keys a real payload of the protocol uses."""
    key = st.sampled_from(keys) | st.text(max_size=8)
    return st.recursive(
        scalars,
        lambda children: (
            st.lists(children, max_size=4) | st.dictionaries(key, children, max_size=8)
        ),
        max_leaves=30,
    )


def objects(keys: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    """A JSON object with the protocol's keys, each holding any JSON value."""
    return st.dictionaries(st.sampled_from(keys), json_values(keys), max_size=len(keys))
