"""Bytes → rdflib Graph, safely: no entity expansion, no external entity, no remote context.

RDF/XML is first parsed by defusedxml, which refuses entity declarations and external
references (billion laughs, quadratic blowup, XXE), before rdflib sees it. JSON-LD remote
``@context`` URLs are replaced by bundled copies or dropped (with a warning): the mapper
stays pure and never touches the network.
"""

from __future__ import annotations

import json
import warnings as pywarnings
from typing import Any

import defusedxml.ElementTree as SafeET  # noqa: N814
from defusedxml import DefusedXmlException
from django.utils.translation import gettext as _
from rdflib import Graph

from ..exceptions import PayloadError
from .vocabulary import known_context

FORMATS_BY_CONTENT_TYPE = {
    "application/rdf+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "text/n3": "n3",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/json": "json-ld",
    "application/trig": "trig",
}
FORMATS_BY_SUFFIX = {
    ".rdf": "xml",
    ".xml": "xml",
    ".ttl": "turtle",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".nt": "nt",
    ".n3": "n3",
    ".trig": "trig",
}


def guess_format(content: bytes, content_type: str = "", url: str = "") -> str:
    fmt = FORMATS_BY_CONTENT_TYPE.get((content_type or "").split(";")[0].strip().lower())
    if fmt:
        return fmt
    path = url.split("?")[0].lower()
    for suffix, value in FORMATS_BY_SUFFIX.items():
        if path.endswith(suffix):
            return value
    head = content.lstrip()[:200]
    if head.startswith((b"{", b"[")):
        return "json-ld"
    if head.startswith(b"<"):
        return "xml"
    return "turtle"


def _check_xml(content: bytes) -> None:
    try:
        SafeET.fromstring(content, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise PayloadError(
            _("XML with a DTD, entities or external references is refused: %s") % type(exc).__name__
        ) from exc
    except SafeET.ParseError as exc:
        raise PayloadError(_("The XML is not well-formed: %s") % exc) from exc


def _local_contexts(node: Any, warnings: list[str]) -> Any:
    """Replace remote @context URLs by bundled copies; drop the unknown ones."""
    if isinstance(node, list):
        return [_local_contexts(item, warnings) for item in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key == "@context":
            value = _resolve_context(value, warnings)
            if value is None:
                continue
        else:
            value = _local_contexts(value, warnings)
        out[key] = value
    return out


def _resolve_context(value: Any, warnings: list[str]) -> Any:
    if isinstance(value, str):
        local = known_context(value)
        if local is None:
            warnings.append(_("Remote JSON-LD context not fetched: %s") % value[:200])
        return local
    if isinstance(value, list):
        items = [_resolve_context(item, warnings) for item in value]
        return [item for item in items if item is not None]
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if k != "@import"}
    return None


def parse_graph(content: bytes, *, fmt: str, base: str = "") -> tuple[Graph, list[str]]:
    """Parse one page; ``PayloadError`` for anything unreadable or hostile."""
    warnings: list[str] = []
    graph = Graph()
    try:
        with pywarnings.catch_warnings():
            # rdflib's JSON-LD parser uses its own deprecated ConjunctiveGraph internally.
            pywarnings.simplefilter("ignore", DeprecationWarning)
            _parse_into(graph, content, fmt=fmt, base=base, warnings=warnings)
    except PayloadError:
        raise
    except Exception as exc:  # rdflib raises many kinds on bad input
        raise PayloadError(
            _("The %(format)s page could not be parsed: %(error)s")
            % {"format": fmt, "error": str(exc)[:300]}
        ) from exc
    return graph, warnings


def _parse_into(graph: Graph, content: bytes, *, fmt: str, base: str, warnings: list[str]) -> None:
    if fmt == "xml":
        _check_xml(content)
        graph.parse(data=content, format="xml", publicID=base or None)
    elif fmt == "json-ld":
        try:
            doc = json.loads(content)
        except (ValueError, RecursionError) as exc:
            raise PayloadError(_("The JSON-LD is not valid JSON: %s") % exc) from exc
        doc = _local_contexts(doc, warnings)
        graph.parse(data=json.dumps(doc), format="json-ld", base=base or None)
    else:
        graph.parse(data=content, format=fmt, publicID=base or None)
