"""What happened that someone may want to hear about: one signal, sent by every capability
(a request answered, a report replied to, a followed entry changed) and heard by
participation.alerts, which mails the followers. Senders never import alerts.
"""

from __future__ import annotations

from typing import Any

from django.dispatch import Signal

# send(sender=<the sending app's label>, subject=<the followed object: an Entry, a DataRequest,
#      an IssueReport, an Organisation...>, kind=<one of EVENT_KINDS>, summary=<one line,
#      already translated>, url=<the page to read it on>, notify=<extra users to tell even if
#      they do not follow the subject, e.g. a request's author>, exclude=<users not to tell,
#      e.g. the one who acted>)
participation_event = Signal()

EVENT_KINDS = {
    "entry_changed",  # a followed entry: a new distribution, an API deprecated, a sunset set...
    "entry_published",  # a new entry (matched against saved searches and followed themes)
    "challenge_status",  # a challenge opened, closed or announced its winners
    "request_answered",  # a data request: an organisation's answer or a new status
    "report_answered",  # an issue report: a new status or a reply
    "new_post",  # a new post in a followed thread
}


def announce(
    *,
    sender: str,
    subject: Any,
    kind: str,
    summary: str,
    url: str,
    notify: tuple[Any, ...] = (),
    exclude: tuple[Any, ...] = (),
) -> None:
    """Send :data:`participation_event`; an unknown kind is a programming error."""
    if kind not in EVENT_KINDS:
        raise ValueError(f"unknown participation event kind {kind!r}")
    participation_event.send(
        sender=sender,
        subject=subject,
        kind=kind,
        summary=summary,
        url=url,
        notify=notify,
        exclude=exclude,
    )
