"""Views of the reuse formats: bulk export (CSV, JSON Lines) and dataset citations.

Thin: each parses its input, asks ``bulk_export`` or ``citations``, and answers; bad input
answers 4xx with a message, never a 500.
"""

from __future__ import annotations

from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    StreamingHttpResponse,
)
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from catalogue.models import Entry
from catalogue.public_url import public_base_url
from catalogue.registry import entry_types
from search.params import parse_search_params
from search.query import SearchInputError

from . import bulk_export, citations

EXPORT_FORMATS = {"csv": "text/csv; charset=utf-8", "jsonl": "application/jsonl; charset=utf-8"}


def _bad_request(message: str) -> HttpResponse:
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


@require_GET
def export(request: HttpRequest, fmt: str | None = None) -> HttpResponseBase:
    """Every entry matching ``/search/?<the same parameters>``, streamed as CSV or JSON Lines.

    ``?bom=1`` starts the CSV with a UTF-8 byte-order mark, for spreadsheet programs.
    """
    fmt = fmt or request.GET.get("format", "csv")
    if fmt not in EXPORT_FORMATS:
        return _bad_request(_("Unknown export format: use csv or jsonl."))
    bom = request.GET.get("bom", "0")
    if bom not in ("0", "1"):
        return _bad_request(_("'bom' must be 0 or 1."))
    try:
        query = parse_search_params(request.GET)
    except SearchInputError as error:
        return _bad_request(error.message)
    ids = bulk_export.export_entry_ids(query)
    records = bulk_export.iter_records(ids, base_url=public_base_url(request))
    rows = (
        bulk_export.iter_csv(records, bom=bom == "1")
        if fmt == "csv"
        else bulk_export.iter_jsonl(records)
    )
    response = StreamingHttpResponse(bulk_export.in_blocks(rows), content_type=EXPORT_FORMATS[fmt])
    stamp = timezone.now().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="catalogue-{stamp}.{fmt}"'
    response["X-Result-Count"] = str(len(ids))
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def entry_citation(
    request: HttpRequest, type_path: str, slug: str, fmt: str | None = None
) -> HttpResponse:
    """``/datasets/<slug>/cite``: the citation page (APA reference and download links), as
    README.md documents it; ``cite.bib|.ris|.json`` (or ``cite?format=``) is a download.

    Only entry types that register a ``CitationPart`` (datasets) are citable; others 404.
    """
    spec = entry_types.by_path(type_path)
    if spec is None or entry_types.part(spec.key, citations.CitationPart) is None:
        raise Http404(_("No citable entry here."))
    fmt = fmt or request.GET.get("format")
    if fmt is not None and fmt not in citations.FORMATS:
        return _bad_request(_("Unknown citation format: use bib, ris or json."))
    entry = (
        Entry.objects.published()
        .of_type(spec.key)
        .select_related("publisher")
        .filter(slug=slug)
        .first()
    )
    if entry is None:
        raise Http404(_("No published dataset here."))
    if fmt is None:
        return render(request, "catalogue/cite_page.html", {"entry": entry})
    content_type, extension = citations.FORMATS[fmt]
    body = citations.render_citation(entry, fmt=fmt, base_url=public_base_url(request))
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{entry.slug}.{extension}"'
    return response
