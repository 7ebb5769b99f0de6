"""Thin views over ``interop.standards``: parse the query, stream the document.

Hostile input answers 4xx with a plain-text message (never a 500): a malformed
``modified_since``, ``page`` or ``page_size`` is 400, a page past the last is 404, an
unknown format or entry is 404.
"""

from __future__ import annotations

from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseNotFound,
    StreamingHttpResponse,
)
from django.http.response import HttpResponseBase
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from catalogue.models import Entry
from catalogue.registry import entry_types

from ..standards import catalog_export, datajson, dcat_us3, eco_vocabulary
from ..standards.dcat_ap import base_url

TEXT = "text/plain; charset=utf-8"


@require_safe
def catalog(request: HttpRequest, fmt: str) -> HttpResponseBase:
    """The catalogue as DCAT-AP 3: ``/catalog.ttl``, ``/catalog.rdf``, ``/catalog.jsonld``."""
    try:
        export = catalog_export.parse_export_params(request.GET, fmt=fmt, path=request.path)
        total = catalog_export.check_page(export)
    except catalog_export.ExportInputError as error:
        return HttpResponseBadRequest(str(error), content_type=TEXT)
    except catalog_export.PageOutOfRange as error:
        return HttpResponseNotFound(str(error), content_type=TEXT)
    except LookupError:
        raise Http404(_("Unknown format.")) from None
    response = StreamingHttpResponse(
        catalog_export.stream_catalog(export, total=total),
        content_type=catalog_export.FORMATS[fmt],
    )
    response["X-Total-Count"] = str(total)
    return response


@require_safe
def entry(request: HttpRequest, type_path: str, slug: str, fmt: str) -> HttpResponse:
    """One published entry as DCAT-AP 3: ``/datasets/<slug>.ttl`` and so on."""
    spec = entry_types.by_path(type_path)
    if spec is None:
        raise Http404(_("No such kind of entry."))
    if fmt not in catalog_export.FORMATS:
        raise Http404(_("Unknown format."))
    found = Entry.objects.published().filter(entry_type=spec.key, slug=slug).first()
    if found is None:
        raise Http404(_("No published entry here."))
    return HttpResponse(
        catalog_export.entry_document(found, fmt), content_type=catalog_export.FORMATS[fmt]
    )


@require_safe
def data_json(request: HttpRequest) -> HttpResponseBase:
    """The catalogue as DCAT-US / Project Open Data 1.1 ``data.json``, streamed.

    ``?schema=dcat-us-3`` answers the DCAT-US 3.0 form (also at ``/dcat-us-3.json``); each
    form names the other in a ``Link: rel=alternate`` header with its profile.
    """
    schema = request.GET.get("schema", "pod-1.1")
    if schema == "dcat-us-3":
        return dcat_us_3(request)
    if schema != "pod-1.1":
        return HttpResponseBadRequest(
            _("Unknown schema %(value)r: use pod-1.1 or dcat-us-3.") % {"value": schema[:40]},
            content_type=TEXT,
        )
    response = StreamingHttpResponse(
        datajson.stream_data_json(), content_type="application/json; charset=utf-8"
    )
    response["Link"] = (
        f'<{base_url()}{dcat_us3.PATH}>; rel="alternate"; '
        f'type="application/json"; profile="{dcat_us3.DCAT_US3}"'
    )
    return response


@require_safe
def dcat_us_3(request: HttpRequest) -> HttpResponseBase:
    """The catalogue as DCAT-US 3.0 JSON (datasets and data services), streamed."""
    response = StreamingHttpResponse(
        dcat_us3.stream_dcat_us3(), content_type="application/json; charset=utf-8"
    )
    response["Link"] = (
        f'<{base_url()}/data.json>; rel="alternate"; '
        f'type="application/json"; profile="{datajson.POD_SCHEMA}"'
    )
    return response


@require_safe
def vocabulary(request: HttpRequest) -> HttpResponse:
    """Our ``eco:`` namespace as an RDFS vocabulary (Turtle), documented in vocabulary.md."""
    return HttpResponse(eco_vocabulary.turtle(), content_type="text/turtle; charset=utf-8")
