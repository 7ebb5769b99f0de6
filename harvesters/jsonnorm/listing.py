"""The one rule for paged listings: an empty page where the source counts more is broken.

A portal that reports ``total`` records but answers a page inside that total with none (a
proxy error page turned into JSON, an index being rebuilt, a wrong endpoint) has not said its
catalogue is empty. Counting that as "0 records" would end the listing as complete and
withdraw every entry, so the page is refused and the job fails instead.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from harvesters.exceptions import PayloadError

from .values import integer


def check_not_empty(
    page_url: str, returned: int, total: int | None, offsets: tuple[str, ...] = ("offset",)
) -> None:
    """``PayloadError`` when a page lists nothing although ``total`` reaches past its offset."""
    if returned or not total:
        return
    params = dict(parse_qsl(urlsplit(page_url).query))
    offset = next((integer(params[name]) or 0 for name in offsets if name in params), 0)
    if total > offset:
        raise PayloadError(
            f"the source counts {total} records but this page (offset {offset}) lists none: "
            "an incomplete listing, not an empty catalogue"
        )
