"""``search_performed``: sent once per real search, so other apps can learn what people look for.

search/ must not import the apps that listen (participation's demand dashboard does); a signal
lets them listen without search knowing them. Sending costs a dictionary look-up when nobody
listens, and a listener that fails is logged: it can never break a search.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence

from django.dispatch import Signal

logger = logging.getLogger(__name__)

# Keyword arguments: query (str, as cleaned by search.params), filters (dict: facet -> values),
# result_count (int), source ("page" or "api").
search_performed = Signal()

# Crawlers name themselves; their "searches" are links followed, not anyone's demand. The
# User-Agent is read here and never passed on.
_BOT_AGENT = re.compile(r"bot\b|bot/|crawl|spider|slurp", re.IGNORECASE)


def looks_like_bot(user_agent: str) -> bool:
    return bool(_BOT_AGENT.search(user_agent or ""))


def announce_search(
    *,
    query: str,
    filters: Mapping[str, Sequence[str]],
    result_count: int,
    source: str,
    page: int,
    user_agent: str,
) -> None:
    """Send ``search_performed`` for a first page that asked something, not from a crawler.

    Page 2 of the same search is the same demand; an empty search without filters is browsing.
    """
    if page != 1 or not (query.strip() or any(filters.values())) or looks_like_bot(user_agent):
        return
    responses = search_performed.send_robust(
        sender=announce_search,
        query=query,
        filters={facet: list(values) for facet, values in filters.items() if values},
        result_count=result_count,
        source=source,
    )
    for receiver, response in responses:
        if isinstance(response, Exception):
            logger.error(
                "A search_performed receiver (%r) failed; the search answered anyway",
                receiver,
                exc_info=response,
            )
