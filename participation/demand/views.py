"""The demand dashboard in the Wagtail admin and each panel's CSV export."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from interop.bulk_export import defuse_formula
from participation.dashboard import DemandPanel, demand_panel, demand_panels
from participation.numbers import is_decimal

from .access import NotAllowed, demand_scope
from .selectors import DEFAULT_PERIOD, PERIODS, dashboard_period


class PeriodError(ValueError):
    pass


def _period(request: HttpRequest) -> int:
    raw = request.GET.get("days", "")
    if raw == "":
        return DEFAULT_PERIOD
    if is_decimal(raw.strip()) and int(raw) in PERIODS:
        return int(raw)
    raise PeriodError(
        _("The period must be one of %(periods)s days.")
        % {"periods": ", ".join(str(days) for days in PERIODS)}
    )


def _refused(request: HttpRequest) -> HttpResponse:
    """A 403 page of its own: Wagtail would turn PermissionDenied into a redirect home, which
    reads as a broken link rather than a refusal."""
    message = _("Only moderators and organisations' administrators see the demand dashboard.")
    return render(request, "demand/refused.html", {"message": message}, status=403)


def _rows(panel: DemandPanel, scope: Sequence[int] | None, days: int) -> list[Sequence[Any]]:
    token = dashboard_period.set(days)
    try:
        return list(panel.rows(scope))
    finally:
        dashboard_period.reset(token)


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    try:
        scope = demand_scope(request.user)
    except NotAllowed:
        return _refused(request)
    context: dict[str, Any] = {"periods": PERIODS, "days": DEFAULT_PERIOD, "panels": []}
    try:
        days = _period(request)
    except PeriodError as error:
        context["error"] = str(error)
        return render(request, "demand/dashboard.html", context, status=400)
    context["days"] = days
    context["panels"] = [
        {"panel": panel, "rows": _rows(panel, scope, days)} for panel in demand_panels()
    ]
    return render(request, "demand/dashboard.html", context)


class _Echo:
    """A file-like object whose ``write`` returns the line, for csv.writer in a generator."""

    def write(self, value: str) -> str:
        return value


def _cell(value: Any) -> Any:
    return defuse_formula(str(value)) if isinstance(value, str) else value


def _csv_lines(panel: DemandPanel, rows: Sequence[Sequence[Any]]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow([_cell(str(header)) for header in panel.headers])
    for row in rows:
        yield writer.writerow([_cell(value) for value in row])


@require_GET
def panel_csv(request: HttpRequest, key: str) -> HttpResponse | StreamingHttpResponse:
    try:
        scope = demand_scope(request.user)
    except NotAllowed:
        return _refused(request)
    panel = demand_panel(key)
    if panel is None:
        raise Http404(_("No demand panel has this name."))
    try:
        days = _period(request)
    except PeriodError as error:
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
    rows = _rows(panel, scope, days)  # read now: the period is set only around this call
    response = StreamingHttpResponse(
        _csv_lines(panel, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="demand-{panel.key}-{days}d.csv"'
    return response
