"""Every matching id from Elasticsearch, however many: ``search_after`` over a point in time.

A plain search stops at ``index.max_result_window`` (10,000) hits, yet exports and the CKAN API
need every match. A point in time (PIT) freezes the index as it was when the read began, so
pages walked with ``search_after`` neither skip nor repeat entries while writes go on; the
query's own sort ends with ``entry_id``, a unique tiebreaker, so ``search_after`` is exact.
The PIT is closed at the end, even on failure (each open PIT holds segments on the nodes).
"""

from __future__ import annotations

from typing import Any

from elasticsearch import Elasticsearch

PIT_KEEP_ALIVE = "1m"  # between two pages, not for the whole read
SCAN_PAGE = 10_000  # the most one request may ask (from + size <= index.max_result_window)
SCANNED_PARTS = ("query", "post_filter", "sort")


def scan_ids(
    client: Elasticsearch, *, index: str, body: dict[str, Any], limit: int | None = None
) -> list[int]:
    """The ids of every document ``body`` matches (up to ``limit``), in ``body``'s sort."""
    if limit is not None and limit <= 0:
        return []
    request = {key: body[key] for key in SCANNED_PARTS if key in body}
    pit_id = client.open_point_in_time(index=index, keep_alive=PIT_KEEP_ALIVE)["id"]
    ids: list[int] = []
    after: list[Any] | None = None
    try:
        while limit is None or len(ids) < limit:
            size = SCAN_PAGE if limit is None else min(SCAN_PAGE, limit - len(ids))
            response = client.search(
                pit={"id": pit_id, "keep_alive": PIT_KEEP_ALIVE},
                size=size,
                source=False,
                track_total_hits=False,
                search_after=after,
                **request,
            )
            pit_id = response.get("pit_id", pit_id)  # a PIT id may change between pages
            hits = response["hits"]["hits"]
            ids += [int(hit["_id"]) for hit in hits]
            if len(hits) < size:
                break
            after = hits[-1]["sort"]
    finally:
        client.close_point_in_time(id=pit_id)
    return ids
