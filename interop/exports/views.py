"""Thin views over ``interop.standards``: parse the query, stream the document.

Hostile input answers 4xx with a plain-text message (never a 500): a malformed
``modified_since``, ``page`` or ``page_size`` is 400, a page past the last is 404, an
unknown format or entry is 404.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseNotFound,
    HttpResponseRedirect,
    StreamingHttpResponse,
)
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from catalogue.models import Entry
from catalogue.publisher import PUBLISHER_STATED
from catalogue.registry import entry_types

from ..api.http import conditional, key_etag
from ..api.queries import catalogue_last_change
from ..standards import catalog_export, datajson, dcat_us3, eco_vocabulary, negotiation
from ..standards.dcat_ap import base_url

TEXT = "text/plain; charset=utf-8"
UNSTATED_HEADER = "X-Publisher-Not-Stated"


def _etag(request: HttpRequest, *parts: object) -> str:
    """What decides a streamed document: the address asked, the public base, the language,
    the time the catalogue last changed (and the caller's parts, e.g. the match count)."""
    return key_etag(
        request.get_full_path(), base_url(), get_language(), catalogue_last_change(), *parts
    )


@require_safe
def catalog(request: HttpRequest, fmt: str) -> HttpResponseBase:
    """The catalogue as DCAT-AP 3: ``/catalog.ttl``, ``/catalog.rdf`` (or ``.xml``),
    ``/catalog.jsonld``, filtered by ``q``, ``fq`` and the search facets (catalog_filters).
    """
    fmt = "rdf" if fmt == "xml" else fmt
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
    return conditional(
        request, response, etag=_etag(request, total), last_modified=catalogue_last_change()
    )


@require_safe
def catalog_root(request: HttpRequest) -> HttpResponseBase:
    """``/catalog`` (the catalogue's IRI) and ``/catalog/``: the document in the format the
    client accepts (Turtle unless it prefers RDF/XML or JSON-LD), query string kept."""
    fmt = negotiation.preferred_rdf_format(request) or "ttl"
    target = reverse("standards:catalog", kwargs={"fmt": fmt})
    query = request.META.get("QUERY_STRING", "")
    response = HttpResponseRedirect(f"{target}?{query}" if query else target)
    response.status_code = 303
    patch_vary_headers(response, ["Accept"])
    return response


@require_safe
def entry(request: HttpRequest, type_path: str, slug: str, fmt: str) -> HttpResponseBase:
    """One published entry as DCAT-AP 3: ``/datasets/<slug>.ttl`` and so on."""
    spec = entry_types.by_path(type_path)
    if spec is None:
        raise Http404(_("No such kind of entry."))
    if fmt not in catalog_export.FORMATS:
        raise Http404(_("Unknown format."))
    found = Entry.objects.published().filter(entry_type=spec.key, slug=slug).first()
    if found is None:
        raise Http404(_("No published entry here."))
    response = HttpResponse(
        catalog_export.entry_document(found, fmt), content_type=catalog_export.FORMATS[fmt]
    )
    return conditional(request, response, last_modified=found.updated_at)


def _count_unstated(response: HttpResponseBase, entries: QuerySet[Entry]) -> None:
    """Say how many entries the DCAT-US documents leave out because their source stated no
    publisher, which both profiles require (ADR 0023; the admin dashboard lists them)."""
    response[UNSTATED_HEADER] = str(entries.exclude(PUBLISHER_STATED).count())


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
    _count_unstated(response, datajson.exported_entries())
    return conditional(
        request, response, etag=_etag(request), last_modified=catalogue_last_change()
    )


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
    _count_unstated(response, dcat_us3.exported_entries())
    return conditional(
        request, response, etag=_etag(request), last_modified=catalogue_last_change()
    )


@require_safe
def vocabulary(request: HttpRequest) -> HttpResponseBase:
    """Our ``eco:`` namespace as an RDFS vocabulary (Turtle), documented in vocabulary.md."""
    response = HttpResponse(eco_vocabulary.turtle(), content_type="text/turtle; charset=utf-8")
    return conditional(request, response)
