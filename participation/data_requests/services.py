"""Writing requests: the only code that posts, votes, answers, moves or anonymises them.

Posting and voting trust their caller to have applied
:func:`participation.posting.posting_refusal`; answering and changing a status check who acts
themselves, so no view can forget it.
"""

from __future__ import annotations

import re
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from catalogue.sanitise import sanitise_plain_text
from participation.events import announce

from .models import (
    DataRequest,
    OrganisationResponse,
    RequestStatus,
    RequestStatusChange,
    Vote,
)
from .selectors import may_change_status, responding_organisation_ids

# Control characters but tab and line feed: nothing a person types, often what a robot sends.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_text(value: str) -> str:
    """Plain text without markup or control characters, keeping the writer's paragraphs.

    Each line goes through the catalogue's one plain-text rule (tags, scripts and event
    handlers removed, entities unescaped, spaces collapsed); what is left is shown through
    autoescape, so a ``javascript:`` written as text stays text.
    """
    value = _CONTROLS.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    kept: list[str] = []
    for line in (sanitise_plain_text(line) for line in value.split("\n")):
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip()


class RequestNotAllowed(Exception):
    """The user may not answer for this organisation or move this request."""


class InvalidStatusChange(ValueError):
    """A status that needs something it was not given (an entry, a reason)."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.message, self.field = message, field


def post_request(*, author: Any, title: str, description: str, **fields: Any) -> DataRequest:
    """A new open request; its free text is cleaned of markup and control characters."""
    for name in ("reason", "likely_holder_name"):
        fields[name] = clean_text(str(fields.get(name, "") or ""))
    return DataRequest.objects.create(
        author=author,
        title=clean_text(title).replace("\n", " "),
        description=clean_text(description),
        **fields,
    )


def _recount(request_id: int) -> int:
    """Set ``vote_count`` from the votes in one UPDATE: concurrent votes cannot lose one."""
    votes = (
        Vote.objects.filter(request_id=OuterRef("pk"))
        .order_by()
        .values("request_id")
        .annotate(n=Count("id"))
        .values("n")
    )
    DataRequest.objects.filter(pk=request_id).update(vote_count=Coalesce(Subquery(votes), Value(0)))
    return int(DataRequest.objects.values_list("vote_count", flat=True).get(pk=request_id))


def vote(*, request: DataRequest, user: Any) -> bool:
    """ "I need this too"; ``True`` when it is a new vote. A second vote counts once: the
    database's unique constraint decides, even when two arrive at the same moment."""
    try:
        with transaction.atomic():
            Vote.objects.create(request=request, user=user)
    except IntegrityError:
        created = False
    else:
        created = True
    request.vote_count = _recount(request.pk)
    return created


def unvote(*, request: DataRequest, user: Any) -> bool:
    """Take a vote back; ``True`` when there was one."""
    deleted, _rows = Vote.objects.filter(request=request, user=user).delete()
    request.vote_count = _recount(request.pk)
    return bool(deleted)


def _people_to_tell(request: DataRequest) -> tuple[Any, ...]:
    """The author and everyone who voted: they asked to hear how it ends."""
    from django.contrib.auth import get_user_model

    voters = list(
        get_user_model().objects.filter(data_request_votes__request=request).order_by("pk")
    )
    if request.author is not None and request.author not in voters:
        voters.insert(0, request.author)
    return tuple(voters)


def _announce(request: DataRequest, by: Any, summary: str) -> None:
    """``request_answered`` for participation.alerts, which mails the author and voters."""
    announce(
        sender="data_requests",
        subject=request,
        kind="request_answered",
        summary=summary,
        url=request.get_absolute_url(),
        notify=_people_to_tell(request),
        exclude=(by,),
    )


@transaction.atomic
def respond(*, request: DataRequest, organisation: Any, by: Any, body: str) -> OrganisationResponse:
    """An organisation's public answer, by one of its editors or administrators."""
    if organisation.pk not in responding_organisation_ids(by, request):
        raise RequestNotAllowed
    text = clean_text(body)
    if not text:
        raise InvalidStatusChange(_("Write the response in words (markup is removed)."), "body")
    response = OrganisationResponse.objects.create(
        request=request, organisation=organisation, author=by, body=text
    )
    summary = _("%(organisation)s answered the request “%(title)s”.") % {
        "organisation": organisation.name,
        "title": request.title,
    }
    _announce(request, by, summary)
    return response


def _check_status(status: str, entry: Any, decline_reason: str) -> None:
    if status not in RequestStatus.values:
        raise InvalidStatusChange(_("Choose one of the statuses listed."), "status")
    if status == RequestStatus.PUBLISHED and entry is None:
        raise InvalidStatusChange(
            _("Name the published entry that answers the request."), "answered_by"
        )
    if status == RequestStatus.DECLINED and not decline_reason:
        raise InvalidStatusChange(_("Say why the request is declined."), "decline_reason")


@transaction.atomic
def change_status(
    *,
    request: DataRequest,
    by: Any,
    status: str,
    note: str = "",
    entry: Any = None,
    decline_reason: str = "",
) -> DataRequest:
    """Move a request, record the step and tell its author and voters.

    Published needs the entry that answers it; declined needs a reason. The same status again
    records and announces nothing.
    """
    if not may_change_status(by, request):
        raise RequestNotAllowed
    decline_reason = clean_text(decline_reason)
    _check_status(status, entry, decline_reason)
    previous = request.status
    if status == previous:
        return request
    request.status, request.status_changed_at = status, timezone.now()
    request.answered_by = entry if status == RequestStatus.PUBLISHED else request.answered_by
    request.decline_reason = decline_reason if status == RequestStatus.DECLINED else ""
    request.save()
    RequestStatusChange.objects.create(
        request=request, status_from=previous, status_to=status, by=by, note=clean_text(note)
    )
    summary = _("The request “%(title)s” is now: %(status)s.") % {
        "title": request.title,
        "status": request.get_status_display(),
    }
    _announce(request, by, summary)
    return request


def export_requests_of(user: Any) -> dict[str, Any]:
    """Everything this app holds about a person, for their data download."""
    return {
        "requests": [
            {
                "title": r.title,
                "description": r.description,
                "reason": r.reason,
                "kind": r.kind,
                "status": r.status,
                "url": r.get_absolute_url(),
                "created_at": r.created_at.isoformat(),
            }
            for r in DataRequest.objects.filter(author=user).order_by("created_at")
        ],
        "votes": [
            {
                "request": v.request.title,
                "url": v.request.get_absolute_url(),
                "created_at": v.created_at.isoformat(),
            }
            for v in Vote.objects.filter(user=user).select_related("request").order_by("pk")
        ],
        "responses": [
            {
                "request": r.request.title,
                "organisation": r.organisation.name,
                "body": r.body,
                "created_at": r.created_at.isoformat(),
            }
            for r in OrganisationResponse.objects.filter(author=user).select_related(
                "request", "organisation"
            )
        ],
    }


def erase_requester(user: Any) -> None:
    """Requests and answers stay, public and anonymous; a person's votes go with them."""
    DataRequest.objects.filter(author=user).update(author=None)
    OrganisationResponse.objects.filter(author=user).update(author=None)
    RequestStatusChange.objects.filter(by=user).update(by=None)
    voted = list(Vote.objects.filter(user=user).values_list("request_id", flat=True))
    Vote.objects.filter(user=user).delete()
    for request_id in voted:
        _recount(request_id)
