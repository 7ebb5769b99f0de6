"""The honest ceiling of a CKAN harvest: the same pages, fetched and thrown away.

A harvest must at least fetch every ``package_search`` page; how close it gets to that is the
share worth reporting. ``ckanapi dump`` is no ceiling: it asks ``package_show`` once per
dataset, so it is slower than any paged fetch and a share of it flatters the harvester.

``page_urls`` walks the listing once, untimed, with the harvester's own URL functions (the
first keyset page of ``harvesters.ckan.client``, each next one from ``next_search_url``), so
the list holds exactly the pages a harvest fetches, with the same page size. ``paged_fetch``
then times only the transfer: one ``requests`` session (keep-alive, as the harvester's), each
body read to the end and discarded, nothing decoded.
"""

from __future__ import annotations

import json
import statistics
import time
from dataclasses import dataclass

import requests

from harvesters.ckan.client import DEFAULT_ROWS, search_url
from harvesters.ckan.listing import next_search_url

TIMEOUT_SECONDS = 120


def page_urls(source_url: str, *, rows: int = DEFAULT_ROWS) -> tuple[list[str], int]:
    """Every page URL a full harvest of ``source_url`` fetches, and the distinct datasets."""
    urls: list[str] = []
    seen: set[str] = set()
    url: str | None = search_url(source_url, rows=rows)
    with requests.Session() as session:
        while url:
            urls.append(url)
            response = session.get(url, timeout=TIMEOUT_SECONDS)
            response.raise_for_status()
            packages = json.loads(response.content)["result"]["results"]
            seen.update(str(p.get("id")) for p in packages)
            url = next_search_url(url, packages)
    return urls, len(seen)


@dataclass(frozen=True)
class PagedFetch:
    """Timed passes over the page list: seconds of each pass, bytes of one."""

    pages: int
    datasets: int
    seconds: list[float]
    megabytes: float

    @property
    def median_seconds(self) -> float:
        return statistics.median(self.seconds)

    @property
    def rate(self) -> float:
        return self.datasets / self.median_seconds


def fetch_once(urls: list[str]) -> tuple[float, int]:
    """One pass: every page fetched and read, nothing parsed; (seconds, bytes)."""
    received = 0
    with requests.Session() as session:
        started = time.perf_counter()
        for url in urls:
            response = session.get(url, timeout=TIMEOUT_SECONDS)
            response.raise_for_status()
            received += len(response.content)
        return time.perf_counter() - started, received


def paged_fetch(source_url: str, *, passes: int = 3, rows: int = DEFAULT_ROWS) -> PagedFetch:
    """The median of ``passes`` plain fetches of the harvest's own pages."""
    urls, datasets = page_urls(source_url, rows=rows)
    timings = [fetch_once(urls) for _ in range(passes)]
    return PagedFetch(
        pages=len(urls),
        datasets=datasets,
        seconds=[seconds for seconds, _ in timings],
        megabytes=timings[0][1] / 1e6,
    )
