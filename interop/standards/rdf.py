"""A small RDF node model: IRIs, literals and nodes the export's streaming writers turn into text.

Why not only rdflib: building an rdflib ``Graph`` and serialising it is far too slow for the
100,000-entry export's CPU budget. The export therefore describes each resource as a
:class:`Node` (subject, types, properties; blank nodes nested), and the writers in
``rdf_writers`` turn a node into Turtle, JSON-LD or RDF/XML text directly, chunk by chunk,
in constant memory. rdflib parses every writer's output in the tests (the SHACL validation
runs on that parse), and :func:`to_graph` builds the same nodes through rdflib's API: the
writers' text must give a graph isomorphic to it (escaping of quotes, backslashes, newlines,
control characters, unicode; IRIs with spaces or angle brackets). Design and figures:
docs/adr/0016-export-cpu-budget.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, NamedTuple

from .namespaces import PREFIXES


def eco_namespace() -> str:
    """Our own terms (PPP, challenge and API facts DCAT has no word for), served at /ns/.

    Documented in docs/vocabulary.md. It hangs off the public base URL so it dereferences.
    """
    from catalogue.public_url import public_base_url

    return public_base_url() + "/ns/eco#"


def all_prefixes() -> dict[str, str]:
    return {**PREFIXES, "eco": eco_namespace()}


_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\\x7f]')


class IRI(str):
    """An IRI used as an object (a plain ``str`` would be ambiguous with a literal).

    Characters no IRI may hold (spaces, quotes, angle brackets...: stored URLs come from
    outside) are percent-encoded on creation, so every writer emits a parseable IRI.
    """

    __slots__ = ()

    def __new__(cls, value: str) -> IRI:
        # nearly every stored URL is already a clean web IRI: one regex decides that
        if value and _CLEAN_IRI.match(value):
            return super().__new__(cls, value)
        return super().__new__(cls, safe_iri(value) if allowed_scheme(value) else "")


_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
ALLOWED_SCHEMES = {"http", "https", "mailto", "urn", "ftp"}
# An allowed scheme and no character safe_iri() would encode: such a value is its own IRI.
_CLEAN_IRI = re.compile(r'(?ai:https?|mailto|urn|ftp):[^\x00-\x20<>"{}|^`\\\x7f]*\Z')


def allowed_scheme(value: str) -> bool:
    """Only web, mail and URN IRIs leave the catalogue: a stored ``javascript:`` URL (bulk
    writes skip form validation) becomes no IRI at all."""
    match = _SCHEME.match((value or "").strip())
    return match is not None and match.group(1).lower() in ALLOWED_SCHEMES


def web_url(value: str | None) -> str:
    """``value`` if it is an http(s) URL, else "" (for JSON outputs: schema.org, data.json)."""
    value = (value or "").strip()
    return safe_iri(value) if value.lower().startswith(("http://", "https://")) else ""


class Lit(NamedTuple):
    value: str
    lang: str = ""
    datatype: str = ""


class Node:
    """A resource: ``id`` is an IRI, or "" for a blank node nested in its one parent.

    A plain slotted class, not a dataclass: the 100,000-entry export makes ~1.5 million of
    them, and their creation and ``add`` are the builder's hottest code.
    """

    __slots__ = ("id", "types", "props", "related")

    def __init__(
        self,
        id: str = "",
        types: list[str] | None = None,  # noqa: A002
        props: list[tuple[str, IRI | Lit | Node]] | None = None,
        related: list[Node] | None = None,
    ) -> None:
        # an IRI object is safe already; any other string is made safe here
        self.id = id if not id or type(id) is IRI else safe_iri(id)
        self.types = types if types is not None else []
        self.props = props if props is not None else []
        #: nodes with their own IRI added as values: linked by IRI, written after this one
        self.related = related if related is not None else []

    def __repr__(self) -> str:
        return f"Node({self.id!r}, {self.types!r}, {self.props!r})"

    def add(self, predicate: str, value: IRI | Lit | Node | None) -> None:
        """Add one value; empty values are skipped, so callers need no ``if`` per field."""
        if not value:  # None or an empty IRI (a Lit or a Node is never falsy)
            return
        if isinstance(value, Lit):
            if not value[0]:
                return
        elif isinstance(value, Node) and value.id:
            self.related.append(value)
            value = IRI(value.id)
        self.props.append((predicate, value))

    def add_all(self, predicate: str, values: Iterable[IRI | Lit | Node | None]) -> None:
        for value in values:
            self.add(predicate, value)


def flatten(nodes: Iterable[Node]) -> Iterable[Node]:
    """Each node, then the nodes with their own IRI that it links to (recursively)."""
    for node in nodes:
        yield node
        if node.related:
            yield from flatten(node.related)


def to_graph(nodes: Iterable[Node]) -> Any:
    """The nodes as an rdflib ``Graph``, built through rdflib's own term API.

    The reference the writers are tested against (tests/standards/test_rdf_writers.py):
    their text, parsed by rdflib, must be isomorphic to this graph serialised by rdflib.
    """
    from rdflib import BNode, Graph, Literal, URIRef
    from rdflib.namespace import RDF

    graph = Graph()

    def subject(node: Node) -> Any:
        ref = URIRef(node.id) if node.id else BNode()
        for cls in node.types:
            graph.add((ref, RDF.type, URIRef(cls)))
        for predicate, value in node.props:
            obj: Any
            if isinstance(value, Node):
                obj = subject(value)
            elif isinstance(value, Lit):
                obj = Literal(
                    value[0], lang=value[1] or None, datatype=URIRef(value[2]) if value[2] else None
                )
            else:
                obj = URIRef(value)
            graph.add((ref, URIRef(predicate), obj))
        return ref

    for node in flatten(nodes):
        if node.types or node.props:
            subject(node)
    return graph


def safe_iri(iri: str) -> str:
    """The IRI with the characters Turtle, N-Triples and RDF/XML forbid percent-encoded."""
    return _IRI_UNSAFE.sub(lambda m: f"%{ord(m.group()):02X}", iri)
