"""Interop's hooks into the catalogue's pages (the catalogue never imports interop)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from wagtail import hooks

from catalogue.models import Entry
from catalogue.registry import entry_types

from .citations import CitationPart
from .standards.negotiation import rdf_response_for


@hooks.register("before_serve_entry")  # type: ignore[untyped-decorator]  # Wagtail is untyped
def serve_rdf_to_rdf_clients(request: HttpRequest, entry: Entry) -> HttpResponse | None:
    """RDF clients asking an entry page for Turtle, RDF/XML or JSON-LD get its RDF document."""
    return rdf_response_for(request, entry)


@hooks.register("entry_detail_sections")  # type: ignore[untyped-decorator]  # Wagtail is untyped
def cite_this_section(entry: Entry, preview: bool = False) -> list[dict[str, Any]]:
    """The "cite this" block on the page of every citable entry (a type with a ``CitationPart``).

    Not in a preview: the citation links to downloads and a page the public cannot open yet.
    """
    if preview or not entry.pk or entry_types.part(entry.entry_type, CitationPart) is None:
        return []
    return [{"template": "catalogue/includes/cite.html"}]
