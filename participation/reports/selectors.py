"""Reading reports, and the one visibility rule every page, the API and the queue follow.

Public: a report that is not about personal data and not held. Everyone else who may see a
report: its reporter, whoever answers for the entry's publisher, and moderators.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from participation.selectors import can_answer_for, is_moderator, organisation_ids_for

from .models import PRIVATE_KINDS, IssueReport

ENTRY_SECTION_LIMIT = 50  # newest reports listed on an entry page; the rest via the API


def public_condition() -> Q:
    return Q(held=False) & ~Q(kind__in=PRIVATE_KINDS)


def _with_people(queryset: QuerySet[IssueReport]) -> QuerySet[IssueReport]:
    return queryset.select_related(
        "entry", "entry__publisher", "reporter__profile", "replied_by__profile"
    )


def public_reports(*, entry_id: int) -> QuerySet[IssueReport]:
    return _with_people(IssueReport.objects.filter(public_condition(), entry_id=entry_id))


def visible_condition(user: Any) -> Q | None:
    """What ``user`` may see beyond the public reports; ``None`` means every report."""
    if is_moderator(user):
        return None
    condition = public_condition()
    if user.is_authenticated:
        condition |= Q(reporter=user)
        organisations = organisation_ids_for(user)
        if organisations:
            condition |= Q(entry__publisher_id__in=organisations)
    return condition


def visible_reports(user: Any) -> QuerySet[IssueReport]:
    condition = visible_condition(user)
    queryset = (
        IssueReport.objects.all() if condition is None else IssueReport.objects.filter(condition)
    )
    return _with_people(queryset)


def entry_reports(*, entry_id: int, user: Any) -> dict[str, Any]:
    """The reports an entry page shows ``user``: newest first, at most ENTRY_SECTION_LIMIT."""
    queryset = visible_reports(user).filter(entry_id=entry_id)
    reports = list(queryset[: ENTRY_SECTION_LIMIT + 1])
    return {"reports": reports[:ENTRY_SECTION_LIMIT], "more": len(reports) > ENTRY_SECTION_LIMIT}


def report_for(*, pk: int, user: Any) -> IssueReport | None:
    return visible_reports(user).filter(pk=pk).first()


def queue_for(user: Any) -> QuerySet[IssueReport] | None:
    """The reports ``user`` answers in the admin (moderators: all); ``None`` for nobody's."""
    queryset = _with_people(IssueReport.objects.all())
    if is_moderator(user):
        return queryset
    organisations = organisation_ids_for(user)
    if not organisations:
        return None
    return queryset.filter(entry__publisher_id__in=organisations)


def may_answer(user: Any, report: IssueReport) -> bool:
    """Whoever answers for the entry's publisher, and moderators."""
    return is_moderator(user) or can_answer_for(user, report.entry.publisher_id)
