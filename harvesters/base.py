"""What a protocol plugs into the pipeline: a client that yields pages, and a pure mapper.

A protocol sub-package (``harvesters/<protocol>/``) subclasses :class:`Harvester`:

* ``first_url()`` says where the listing starts (usually the source URL plus paging
  parameters);
* ``fetch(url)`` fetches one page through the shared :class:`~harvesters.http.HttpClient`
  (the ONE HTTP policy) and returns the raw payload;
* ``map_payload(payload, *, source_options, page_url)`` is a pure static function: a payload
  in, a :class:`~harvesters.records.Page` out (records, per-record errors and the next page's
  URL). It never touches the database or the network, never raises for a bad record (it
  returns a ``RecordError`` instead) and raises ``PayloadError`` only when the whole page is
  unreadable.

``pages()`` joins them with the page cap and repeated-page guard; protocols with unusual
paging override it. The loader consumes ``pages()`` and is the only code that writes.
"""

from __future__ import annotations

import abc
import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from .http import HttpClient, PageGuard
from .records import Page


@dataclass(frozen=True)
class HarvestContext:
    """Everything a harvester may know about its run; it holds no model instance."""

    source_url: str
    options: Mapping[str, Any] = field(default_factory=dict)
    #: URL of the page to start from when a large job resumes after dying; None: the start.
    cursor: str | None = None
    #: Finish time of the last successful job, for protocols that can ask "changed since".
    since: dt.datetime | None = None
    #: remote id → fingerprint stored by the last harvest, for records that are healthy
    #: (linked to an entry, no error) and were mapped under the same options. A protocol
    #: that computes the same fingerprint from a raw item may skip mapping it.
    fingerprints: Mapping[str, str] = field(default_factory=dict)


class Harvester(abc.ABC):
    """Client half of a protocol; the mapper half is the static ``map_payload``."""

    #: registry name, e.g. "dcat" (see harvesters.registry.PROTOCOLS)
    protocol: ClassVar[str] = ""

    def __init__(self, context: HarvestContext, *, http: HttpClient | None = None) -> None:
        self.context = context
        self.http = http or HttpClient()
        #: False when this run lists only part of the source (an incremental "changed since"
        #: run): the loader then withdraws nothing, as absent records may simply be unchanged.
        self.lists_everything = True

    # --- client ----------------------------------------------------------------------
    def first_url(self) -> str:
        return self.context.source_url

    @abc.abstractmethod
    def fetch(self, url: str) -> Any:
        """Fetch one page and return the raw payload ``map_payload`` expects."""

    # --- mapper ----------------------------------------------------------------------
    @staticmethod
    @abc.abstractmethod
    def map_payload(payload: Any, *, source_options: Mapping[str, Any], page_url: str = "") -> Page:
        """Pure: one page's payload → records, per-record errors and the next page URL."""

    # --- paging ----------------------------------------------------------------------
    def pages(self) -> Iterator[tuple[str, Page]]:
        """Yield ``(url, page)`` in order, from the resume cursor if there is one.

        Stops at the page cap and on a repeated page (``PagingError``), so a looping ``next``
        link cannot keep a job running for ever.
        """
        guard = PageGuard()
        url: str | None = self.context.cursor or self.first_url()
        while url:
            guard.check_url(url)
            payload = self.fetch(url)
            page = self.map_payload(payload, source_options=self.context.options, page_url=url)
            guard.check_content(
                tuple(r.remote_id for r in page.records)
                + tuple(e.remote_id for e in page.errors)
                + page.unchanged_ids
            )
            yield url, page
            url = page.next_url
