"""Public pages: file a report (a form on every entry page, and its own page for errors), a
report's page, and the read API. Thin: forms check input, services write, selectors read."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from catalogue.models import Entry
from participation.numbers import is_decimal
from participation.posting import posting_refusal, refusal_response
from participation.tokens import api_view, json_error

from . import selectors, services
from .forms import ReportForm
from .models import IssueReport

API_PAGE_SIZE = 50


def _published_entry(entry_id: int) -> Entry:
    entry = Entry.objects.published().select_related("publisher").filter(pk=entry_id).first()
    if entry is None:
        raise Http404(_("No published entry here."))
    return entry


@require_http_methods(["GET", "POST"])
def file_report(request: HttpRequest, entry_id: int) -> HttpResponse:
    """GET: the form on its own page. POST: file it, or show it again with its errors (400)."""
    entry = _published_entry(entry_id)
    if request.method == "GET":
        return render(request, "reports/file.html", {"entry": entry, "form": ReportForm()})
    refusal = posting_refusal(request, action="report")
    if refusal is not None:
        return refusal_response(request, refusal)
    form = ReportForm(request.POST)
    if not form.is_valid():
        return render(request, "reports/file.html", {"entry": entry, "form": form}, status=400)
    report = services.file_report(entry=entry, reporter=request.user, **form.cleaned_data)
    if report.is_private:
        messages.success(request, _("Thank you. Only the publisher and moderators see it."))
    elif report.held:
        messages.success(
            request, _("Thank you. The publisher has it; it will be shown here once checked.")
        )
    else:
        messages.success(request, _("Thank you. The publisher has your report."))
    return redirect(report)


@require_GET
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_for(pk=pk, user=request.user)
    if report is None:
        raise Http404(_("No report here."))
    return render(
        request,
        "reports/detail.html",
        {"report": report, "entry": report.entry, "events": list(report.events.all())},
    )


def report_json(report: IssueReport) -> dict[str, Any]:
    """A public report as the API shows it: the reporter by public name only."""
    return {
        "id": report.pk,
        "entry": report.entry_id,
        "kind": report.kind,
        "description": report.description,
        "url": report.url or None,
        "status": report.status,
        "reporter": report.reporter_name,
        "reply": report.reply or None,
        "replied_at": report.replied_at.isoformat() if report.replied_at else None,
        "status_changed_at": (
            report.status_changed_at.isoformat() if report.status_changed_at else None
        ),
        "created_at": report.created_at.isoformat(),
        "page": report.get_absolute_url(),
    }


@require_GET
@api_view
def api_reports(request: HttpRequest) -> HttpResponse:
    """``/api/v1/reports/?entry=<id>``: an entry's public reports, newest first, paged."""
    raw = request.GET.get("entry", "")
    if not is_decimal(raw) or len(raw) > 18:
        return json_error(_("Give the entry's numeric id: ?entry=<id>."), 400)
    if not Entry.objects.published().filter(pk=int(raw)).exists():
        return json_error(_("No published entry has this id."), 404)
    paginator = Paginator(selectors.public_reports(entry_id=int(raw)), API_PAGE_SIZE)
    page_number = request.GET.get("page", "1")
    if not is_decimal(page_number) or not 1 <= int(page_number) <= max(paginator.num_pages, 1):
        return json_error(_("No such page."), 404)
    page = paginator.page(int(page_number))
    return JsonResponse(
        {
            "count": paginator.count,
            "page": page.number,
            "next": f"?entry={raw}&page={page.number + 1}" if page.has_next() else None,
            "results": [report_json(report) for report in page.object_list],
        }
    )
