"""Exceptions that say what to do: skip one record, or fail the whole job.

A mapper or loader step that meets one bad remote record raises :class:`SkipRecord` (or
returns a :class:`~harvesters.records.RecordError`); the job records the error on that
record's ``HarvestRecord`` and goes on. Anything that makes the listing itself untrustworthy
(the source is unreachable, a page cannot be parsed, the paging loops) raises a
:class:`HarvestFailed` subclass: the job stops, nothing is withdrawn, and every entry
harvested before stays exactly as it was.
"""

from __future__ import annotations


class HarvestError(Exception):
    """Base of every harvesting error; ``str()`` is a message fit for an editor."""


class SkipRecord(HarvestError):  # noqa: N818 - the name says what the pipeline does
    """One remote record is unusable: record the error on it and go on with the others."""

    def __init__(self, message: str, *, remote_id: str = "", field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.remote_id = remote_id
        self.field = field


class HarvestFailed(HarvestError):  # noqa: N818
    """The job cannot go on: stop, withdraw nothing, keep every entry as it was."""


class SourceNotApproved(HarvestFailed):
    """An admin has not approved this source (or it is inactive): it must not run."""


class SourceBusy(HarvestFailed):
    """Another job of the same source is running: a source never runs twice at once."""


class FetchError(HarvestFailed):
    """A request failed after the HTTP policy's retries (network error, 4xx, 5xx)."""

    def __init__(self, message: str, *, url: str = "", status: int | None = None) -> None:
        super().__init__(message)
        self.url = url
        self.status = status


class BlockedAddress(FetchError):
    """The URL resolves to a private, loopback or link-local address (SSRF guard)."""


class ResponseTooLarge(FetchError):
    """The body passed the size cap: it is not read any further."""


class TooManyRedirects(FetchError):
    """A redirect chain passed the limit (or looped)."""


class PagingError(HarvestFailed):
    """The paging went wrong: a page repeated (a looping ``next`` link) or the page cap hit."""


class PayloadError(HarvestFailed):
    """A page could not be parsed at all (malformed, truncated, or hostile XML)."""
