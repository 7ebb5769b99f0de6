"""Writing reports: the only code that files, answers or anonymises them.

Filing trusts its caller to have applied :func:`participation.posting.posting_refusal`;
answering checks who answers itself, so no view can forget it.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from catalogue.sanitise import sanitise_plain_text
from participation.events import announce
from participation.posting import held_for_moderation

from .models import IssueReport, ReportEvent, ReportStatus
from .selectors import may_answer


class ReportNotAllowed(Exception):
    """The user may not answer this report (not its publisher's, not a moderator)."""


def clean_text(value: str) -> str:
    """Plain text without any markup, keeping the writer's line breaks (one blank line at most).

    Each line goes through the catalogue's one plain-text rule: tags, scripts and event
    handlers are removed, entities unescaped, runs of spaces collapsed.
    """
    lines = [sanitise_plain_text(line) for line in value.replace("\r\n", "\n").split("\n")]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip()


def file_report(
    *, entry: Any, reporter: Any, kind: str, description: str, url: str = ""
) -> IssueReport:
    """A new open report; a new account's report waits before the public sees it."""
    return IssueReport.objects.create(
        entry=entry,
        reporter=reporter,
        kind=kind,
        description=clean_text(description),
        url=url.strip(),
        held=held_for_moderation(reporter),
    )


@transaction.atomic
def answer_report(
    *, report: IssueReport, by: Any, status: str, reply: str, show_publicly: bool = False
) -> IssueReport:
    """Set a status and a reply, record the answer, and tell the reporter.

    ``show_publicly`` releases a held report to the entry page (a personal-data report stays
    private whatever is asked). Nothing changed: nothing recorded, nobody told.
    """
    if not may_answer(by, report):
        raise ReportNotAllowed
    if status not in ReportStatus.values:
        raise ValueError(f"unknown report status {status!r}")
    reply = clean_text(reply)
    now = timezone.now()
    previous = report.status
    status_changed = status != previous
    replied = reply != report.reply
    released = show_publicly and report.held
    if not (status_changed or replied or released):
        return report
    if status_changed:
        report.status, report.status_changed_at = status, now
    if replied:
        report.reply, report.replied_by, report.replied_at = reply, by, now
    if released:
        report.held = False
    if report.first_response_at is None and (status_changed or replied):
        report.first_response_at = now
    report.save()
    if status_changed or replied:
        ReportEvent.objects.create(
            report=report, actor=by, status_from=previous, status_to=status, replied=replied
        )
        _announce_answer(report, by)
    return report


def _announce_answer(report: IssueReport, by: Any) -> None:
    """``report_answered`` for participation.alerts, which mails the reporter (ADR 0026)."""
    summary = _("Your report on “%(entry)s” is now: %(status)s.") % {
        "entry": report.entry.title,
        "status": report.get_status_display(),
    }
    if report.reply:
        summary += " " + _("The publisher replied.")
    announce(
        sender="reports",
        subject=report,
        kind="report_answered",
        summary=summary,
        url=report.get_absolute_url(),
        notify=(report.reporter,) if report.reporter else (),
        exclude=(by,),
    )


def export_reports_of(user: Any) -> list[dict[str, Any]]:
    """Everything a person reported, for their data download."""
    return [
        {
            "entry": report.entry.title,
            "entry_url": report.entry.get_absolute_url(),
            "kind": report.kind,
            "description": report.description,
            "url": report.url,
            "status": report.status,
            "reply": report.reply,
            "created_at": report.created_at.isoformat(),
        }
        for report in IssueReport.objects.filter(reporter=user).select_related("entry")
    ]


def erase_reporter(user: Any) -> None:
    """Reports are about entries and stay; who filed them is forgotten."""
    IssueReport.objects.filter(reporter=user).update(reporter=None)
    IssueReport.objects.filter(replied_by=user).update(replied_by=None)
    ReportEvent.objects.filter(actor=user).update(actor=None)
