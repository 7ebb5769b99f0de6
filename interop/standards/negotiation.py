"""Content negotiation on entry pages: RDF clients asking ``/datasets/<slug>/`` get DCAT-AP.

The detail view calls :func:`rdf_response_for` first; it answers ``303 See Other`` to the
entry's ``.ttl``/``.rdf``/``.jsonld`` document when the ``Accept`` header prefers one of those
types over HTML (the Linked Data convention: the page IRI names the thing, the document
describes it), and ``None`` otherwise, so browsers (``*/*``, ``text/html``) get the page.
The detail view sends ``Vary: Accept``, since the same address answers both ways.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.cache import patch_vary_headers

RDF_TYPES = {
    "text/turtle": "ttl",
    "application/x-turtle": "ttl",
    "application/rdf+xml": "rdf",
    "application/ld+json": "jsonld",
}
# HTML first: on a tie (e.g. */*) a browser gets the page.
_OFFERED = ["text/html", "application/xhtml+xml", *RDF_TYPES]


class _SeeOther(HttpResponseRedirect):
    status_code = 303


def preferred_rdf_format(request: HttpRequest) -> str | None:
    """ "ttl", "rdf" or "jsonld" when the client prefers that RDF type to HTML, else None."""
    if "HTTP_ACCEPT" not in request.META:
        return None
    try:
        preferred = request.get_preferred_type(_OFFERED)
    except (ValueError, TypeError):  # a malformed Accept header is not our failure
        return None
    return RDF_TYPES.get(preferred or "")


def rdf_response_for(request: HttpRequest, entry: Any) -> HttpResponse | None:
    """A 303 to the entry's RDF document when the client asked for RDF, else None."""
    fmt = preferred_rdf_format(request)
    if fmt is None:
        return None
    response = _SeeOther(
        reverse(
            "standards:entry", kwargs={"type_path": entry.type_path, "slug": entry.slug, "fmt": fmt}
        )
    )
    patch_vary_headers(response, ["Accept"])
    return response
