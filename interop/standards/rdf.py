"""A small RDF node model and fast streaming writers for Turtle, JSON-LD and RDF/XML.

Why not only rdflib: building an rdflib ``Graph`` and serialising it costs ~2.6 s per 1,000
entries in Turtle on this machine (≈ 4 minutes for the 100,000-entry benchmark, whose budget
is 60 s). The export therefore describes each resource as a :class:`Node` (subject, types,
properties; blank nodes nested), and three writers turn a node into text directly, chunk by
chunk, in constant memory. rdflib parses every writer's output in the tests (the SHACL
validation runs on that parse), and :func:`to_graph` builds the same nodes through rdflib's
API: the writers' text must give a graph isomorphic to it (escaping of quotes, backslashes,
newlines, control characters, unicode; IRIs with spaces or angle brackets). Design and
figures: docs/adr/0016-export-cpu-budget.md.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any, NamedTuple
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from .namespaces import PREFIXES


def eco_namespace() -> str:
    """Our own terms (PPP, challenge and API facts DCAT has no word for), served at /ns/.

    Documented in docs/vocabulary.md. It hangs off the public base URL so it dereferences.
    """
    from django.conf import settings

    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/ns/eco#"


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
    return bool(match) and match.group(1).lower() in ALLOWED_SCHEMES


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
        kind = type(value)
        if kind is Lit:
            if not value[0]:
                return
        elif kind is Node and value.id:
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
            kind = type(value)
            if kind is Node:
                obj = subject(value)
            elif kind is Lit:
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


# --- Turtle ------------------------------------------------------------------------------
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
_TTL_STRING_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}
_TTL_STRING_RE = re.compile(r'[\\"\n\r\t\b\f\x00-\x1f\x7f]')


def safe_iri(iri: str) -> str:
    """The IRI with the characters Turtle, N-Triples and RDF/XML forbid percent-encoded."""
    return _IRI_UNSAFE.sub(lambda m: f"%{ord(m.group()):02X}", iri)


def _iri_ref(iri: str) -> str:
    return "<" + safe_iri(iri) + ">"


def _ttl_escape(value: str) -> str:
    return _TTL_STRING_RE.sub(
        lambda m: _TTL_STRING_ESCAPES.get(m.group(), f"\\u{ord(m.group()):04X}"), value
    )


class _Names:
    """IRI → prefixed name (or ``None``), cached per writer.

    Every prefix base ends in ``/`` or ``#`` and a local name holds neither, so the base of
    a prefixed name is the IRI up to its last ``/`` or ``#``: one dictionary lookup instead
    of a scan of every prefix. Predicates and classes recur on every node; object IRIs are
    unbounded, so the cache is emptied when it grows large.
    """

    __slots__ = ("by_base", "cache", "fallback")

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.by_base = {base: prefix for prefix, base in reversed(prefixes.items())}
        # a base not ending in / or #: the plain scan, in the table's order
        self.fallback = [(p, b) for p, b in prefixes.items() if not b.endswith(("/", "#"))]
        self.cache: dict[str, str | None] = {}

    def get(self, iri: str) -> str | None:
        try:
            return self.cache[iri]
        except KeyError:
            pass
        if len(self.cache) > 20_000:
            self.cache.clear()
        self.cache[iri] = found = self._find(iri)
        return found

    def _find(self, iri: str) -> str | None:
        cut = max(iri.rfind("/"), iri.rfind("#")) + 1
        prefix = self.by_base.get(iri[:cut]) if cut else None
        if prefix is not None and _LOCAL.match(iri, cut):
            return f"{prefix}:{iri[cut:]}"
        for prefix, base in self.fallback:
            if iri.startswith(base) and _LOCAL.match(iri, len(base)):
                return f"{prefix}:{iri[len(base) :]}"
        return None


def _qname(iri: str, prefixes: dict[str, str]) -> str | None:
    """The prefixed name of an IRI (uncached: for one-off callers)."""
    return _Names(prefixes).get(iri)


class TurtleWriter:
    """Writes nodes as Turtle statements; the prefix block comes once, from ``header()``."""

    def __init__(self, prefixes: dict[str, str] | None = None) -> None:
        self.prefixes = {p: b for p, b in (prefixes or all_prefixes()).items() if b}
        self._names = _Names(self.prefixes)
        self._terms: dict[str, str] = {}

    def header(self) -> str:
        return "".join(f"@prefix {p}: <{b}> .\n" for p, b in self.prefixes.items()) + "\n"

    def term(self, value: str) -> str:
        """A prefixed name, else ``<iri>`` (safe_iri() again: types and predicates are
        plain strings, not IRI objects)."""
        terms = self._terms
        found = terms.get(value)
        if found is None:
            if len(terms) > 20_000:
                terms.clear()
            found = terms[value] = self._names.get(value) or _iri_ref(value)
        return found

    def obj(self, value: IRI | Lit | Node, indent: str) -> str:
        kind = type(value)
        if kind is Lit:
            text = '"' + _ttl_escape(value[0]) + '"'
            if value[1]:
                return text + "@" + value[1]
            if value[2]:
                return text + "^^" + self.term(value[2])
            return text
        if kind is Node:
            inner = self.body(value, indent + "    ")
            return "[\n" + indent + "    " + inner + "\n" + indent + "]" if inner else "[]"
        return self.term(value)

    def body(self, node: Node, indent: str) -> str:
        term, obj = self.term, self.obj
        parts = [term(p) + " " + obj(v, indent) for p, v in node.props]
        if node.types:
            parts.insert(0, "a " + ", ".join([term(t) for t in node.types]))
        return (" ;\n" + indent).join(parts)

    def node(self, node: Node) -> str:
        body = self.body(node, "    ")
        if not body:
            return ""
        return self.term(node.id) + "\n    " + body + " .\n\n"

    def nodes(self, nodes: Iterable[Node]) -> str:
        return "".join([self.node(n) for n in flatten(nodes)])


# --- JSON-LD -----------------------------------------------------------------------------
def jsonld_context(prefixes: dict[str, str] | None = None) -> dict[str, str]:
    return {p: b for p, b in (prefixes or all_prefixes()).items() if b}


class JsonLdWriter:
    """Writes nodes as compact-IRI JSON-LD node objects (keys are CURIEs of the context)."""

    def __init__(self, prefixes: dict[str, str] | None = None) -> None:
        self.prefixes = jsonld_context(prefixes)
        self._names = _Names(self.prefixes)
        # one encoder for the whole document: json.dumps() with options builds one per call
        self._encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

    def key(self, iri: str) -> str:
        return self._names.get(iri) or iri

    def value(self, value: IRI | Lit | Node) -> object:
        kind = type(value)
        if kind is Lit:
            if value[1]:
                return {"@value": value[0], "@language": value[1]}
            if value[2]:
                return {"@value": value[0], "@type": self.key(value[2])}
            return value[0]
        if kind is Node:
            return self.obj(value)
        return {"@id": str(value)}

    def obj(self, node: Node) -> dict[str, object]:
        out: dict[str, object] = {}
        if node.id:
            out["@id"] = node.id
        if node.types:
            out["@type"] = [self.key(t) for t in node.types]
        key, value = self.key, self.value
        for predicate, item in node.props:
            name = key(predicate)
            values = out.get(name)
            if values is None:
                out[name] = [value(item)]
            else:
                values.append(value(item))  # type: ignore[attr-defined]
        return out

    def node(self, node: Node) -> str:
        return self._encode(self.obj(node))

    def nodes(self, nodes: Iterable[Node], *, first: bool) -> str:
        """Node objects for a ``@graph`` array, comma-joined (``first``: no leading comma)."""
        texts = [self._encode(self.obj(n)) for n in flatten(nodes) if n.types or n.props]
        if not texts:
            return ""
        return ("" if first else ",\n") + ",\n".join(texts)


# --- RDF/XML -----------------------------------------------------------------------------
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(value: str) -> str:
    # a raw CR would reach the reader as LF (XML end-of-line handling): keep it as a reference
    return xml_escape(_XML_INVALID.sub("", value), {"\r": "&#13;"})


def _xml_attr(value: str) -> str:
    return quoteattr(_XML_INVALID.sub("", value), {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


class RdfXmlWriter:
    """Writes nodes as ``rdf:Description`` elements; nested blank nodes use parseType."""

    def __init__(self, prefixes: dict[str, str] | None = None) -> None:
        self.prefixes = {p: b for p, b in (prefixes or all_prefixes()).items() if b}
        self._names = _Names(self.prefixes)

    def header(self) -> str:
        ns = " ".join(f"xmlns:{p}={_xml_attr(b)}" for p, b in self.prefixes.items())
        return f'<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF {ns}>\n'

    @staticmethod
    def footer() -> str:
        return "</rdf:RDF>\n"

    def element(self, iri: str) -> str:
        qname = self._names.get(iri)
        if qname is None:  # every predicate we write is in PREFIXES; keep the output valid
            raise ValueError(f"No prefix for predicate {iri}")
        return qname

    def props(self, node: Node, indent: str) -> str:
        lines = [f"{indent}<rdf:type rdf:resource={_xml_attr(t)}/>" for t in node.types]
        for predicate, value in node.props:
            tag = self.element(predicate)
            if isinstance(value, Node):
                inner = self.props(value, indent + "  ")
                lines.append(f'{indent}<{tag} rdf:parseType="Resource">\n{inner}\n{indent}</{tag}>')
            elif isinstance(value, Lit):
                attrs = ""
                if value.lang:
                    attrs = f" xml:lang={_xml_attr(value.lang)}"
                elif value.datatype:
                    attrs = f" rdf:datatype={_xml_attr(value.datatype)}"
                lines.append(f"{indent}<{tag}{attrs}>{_xml_text(value.value)}</{tag}>")
            else:
                lines.append(f"{indent}<{tag} rdf:resource={_xml_attr(value)}/>")
        return "\n".join(lines)

    def node(self, node: Node) -> str:
        if not (node.types or node.props):
            return ""
        return (
            f"  <rdf:Description rdf:about={_xml_attr(node.id)}>\n"
            f"{self.props(node, '    ')}\n  </rdf:Description>\n"
        )

    def nodes(self, nodes: Iterable[Node]) -> str:
        return "".join(self.node(n) for n in flatten(nodes))
