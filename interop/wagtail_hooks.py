"""Interop's hooks into the catalogue's pages (the catalogue never imports interop)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from wagtail import hooks

from catalogue.models import Entry

from .standards.negotiation import rdf_response_for


@hooks.register("before_serve_entry")  # type: ignore[untyped-decorator]  # Wagtail is untyped
def serve_rdf_to_rdf_clients(request: HttpRequest, entry: Entry) -> HttpResponse | None:
    """RDF clients asking an entry page for Turtle, RDF/XML or JSON-LD get its RDF document."""
    return rdf_response_for(request, entry)
