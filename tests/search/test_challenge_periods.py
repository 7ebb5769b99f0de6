"""The indexed status spans give exactly the status ``challenge_status_at`` computes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from catalogue.models.challenge_status import challenge_status_at
from search.documents import challenge_periods

BASE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
moment = st.integers(min_value=0, max_value=40).map(lambda d: BASE + dt.timedelta(days=d))
maybe = st.none() | moment


def status_from_spans(now: dt.datetime, spans: dict[str, Any]) -> list[str]:
    return [
        status
        for status, (start, end) in spans.items()
        if (start is None or start <= now) and (end is None or now < end)
    ]


@given(opens=maybe, closes=maybe, judging=maybe, now=moment)
def test_exactly_one_span_holds_now_and_it_is_the_computed_status(
    opens: Any, closes: Any, judging: Any, now: Any
) -> None:
    spans = challenge_periods(opens, closes, judging)
    assert status_from_spans(now, spans) == [challenge_status_at(now, opens, closes, judging)]


def test_a_challenge_without_dates_is_open_forever() -> None:
    assert challenge_periods(None, None, None) == {"open": (None, None)}
