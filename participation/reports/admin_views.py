"""The publisher's queue in the Wagtail admin: reports on their organisations' entries
(moderators: every report), filtered by status and kind, and a page to answer one.

Who sees what is :func:`selectors.queue_for`; who may answer is checked again by the service.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from . import selectors, services
from .forms import AnswerForm
from .models import ReportKind, ReportStatus

QUEUE_PAGE_SIZE = 50


def queue(request: HttpRequest) -> HttpResponse:
    reports = selectors.queue_for(request.user)
    if reports is None:
        return _forbidden(request)
    status = request.GET.get("status", "")
    kind = request.GET.get("kind", "")
    if (status and status not in ReportStatus.values) or (kind and kind not in ReportKind.values):
        return render(
            request,
            "reports/admin/queue.html",
            {"error": _("Unknown status or kind: choose one from the lists."), **_filters()},
            status=400,
        )
    if status:
        reports = reports.filter(status=status)
    if kind:
        reports = reports.filter(kind=kind)
    page = Paginator(reports, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "reports/admin/queue.html",
        {
            "page_obj": page,
            "reports": page.object_list,
            "status": status,
            "kind": kind,
            **_filters(),
        },
    )


def _forbidden(request: HttpRequest) -> HttpResponse:
    """A 403 that says why (Wagtail would turn PermissionDenied into a redirect home)."""
    return render(request, "reports/admin/forbidden.html", status=403)


def _filters() -> dict[str, object]:
    return {"statuses": ReportStatus.choices, "kinds": ReportKind.choices}


def answer(request: HttpRequest, pk: int) -> HttpResponse:
    reports = selectors.queue_for(request.user)
    if reports is None:
        return _forbidden(request)
    report = reports.filter(pk=pk).first()
    if report is None:  # another organisation's report: not even its existence is shown
        raise Http404(_("No report here."))
    initial = {"status": report.status, "reply": report.reply, "show_publicly": True}
    form = AnswerForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            services.answer_report(report=report, by=request.user, **form.cleaned_data)
            messages.success(request, _("The report was answered."))
            return redirect("reports_admin_queue")
        status_code = 400
    else:
        status_code = 200
    return render(
        request,
        "reports/admin/answer.html",
        {
            "report": report,
            "form": form,
            "events": list(report.events.select_related("actor__profile")),
        },
        status=status_code,
    )
