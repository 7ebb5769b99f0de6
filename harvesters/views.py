"""Admin views beyond create/edit: a source's overview (jobs, errors grouped by field and
message), and the approve / run now / dry run actions. They stay thin: services do the work."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .exceptions import HarvestFailed
from .job_pages import record_warnings
from .models import HarvestJob, HarvestRecord, HarvestSource
from .registry import PROTOCOLS
from .services import harvest_entry_release_field, harvest_source_approve
from .tasks import harvest_source_enqueue

ERROR_GROUPS = 100


def _require(request: HttpRequest, perm: str) -> None:
    if not request.user.has_perm(perm):
        raise PermissionDenied


def record_errors(*, source: HarvestSource) -> list[dict[str, object]]:
    """Per-record errors grouped by field and message, biggest groups first."""
    groups = (
        HarvestRecord.objects.filter(source=source)
        .exclude(last_error="")
        .values("error_field", "last_error")
        .annotate(count=Count("id"), last_seen=Max("last_seen_at"))
        .order_by("-count", "error_field")[:ERROR_GROUPS]
    )
    result = []
    for group in groups:
        samples = list(
            HarvestRecord.objects.filter(
                source=source, error_field=group["error_field"], last_error=group["last_error"]
            ).values_list("remote_id", "remote_url")[:5]
        )
        result.append({**group, "samples": samples})
    return result


def source_overview(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "harvesters.view_harvestsource")
    source = get_object_or_404(HarvestSource.objects.select_related("organisation"), pk=pk)
    protocol = PROTOCOLS.get(source.protocol)
    context = {
        "source": source,
        "protocol_label": protocol.label if protocol else source.protocol,
        "jobs": HarvestJob.objects.filter(source=source)[:20],
        "error_groups": record_errors(source=source),
        "warning_groups": record_warnings(source=source),
        "record_count": HarvestRecord.objects.filter(source=source).count(),
        "entry_count": HarvestRecord.objects.filter(
            source=source, entry__isnull=False, gone=False
        ).count(),
        "can_approve": request.user.has_perm("harvesters.approve_harvestsource"),
        "can_run": request.user.has_perm("harvesters.change_harvestsource"),
        "edit_url": reverse("harvest_sources:edit", args=[source.pk]),
        "header_title": source.name,
    }
    return render(request, "harvesters/admin/source_overview.html", context)


@require_POST
def source_approve(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "harvesters.approve_harvestsource")
    source = get_object_or_404(HarvestSource, pk=pk)
    harvest_source_approve(source=source, user=request.user)
    messages.success(request, _("%s is approved: it will run on its schedule.") % source)
    return redirect("harvesters_source_overview", pk=source.pk)


@require_POST
def source_run(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "harvesters.change_harvestsource")
    source = get_object_or_404(HarvestSource, pk=pk)
    dry_run = request.POST.get("dry_run") == "1"
    try:
        harvest_source_enqueue(source=source, dry_run=dry_run)
    except HarvestFailed as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("Dry run of %s queued: it writes nothing.") % source
            if dry_run
            else _("Harvest of %s queued.") % source,
        )
    return redirect("harvesters_source_overview", pk=source.pk)


@require_POST
def entry_release_field(request: HttpRequest, pk: int, field: str) -> HttpResponse:
    """An editor gives a kept field back to the source; back to the entry's edit page."""
    from catalogue.models import Entry
    from catalogue.registry import entry_types

    entry = get_object_or_404(Entry, pk=pk)
    model = entry_types.get(entry.entry_type).model
    _require(request, f"{model._meta.app_label}.change_{model._meta.model_name}")
    if harvest_entry_release_field(entry_id=entry.pk, field=field):
        messages.success(
            request, _("“%s” is given back to the source: the next harvest updates it.") % field
        )
    else:
        messages.error(request, _("“%s” was not kept from harvests.") % field)
    return redirect(model.snippet_viewset.get_url_name("edit"), entry.pk)
