"""Streaming writers that turn :class:`~interop.standards.rdf.Node` s into Turtle, JSON-LD
and RDF/XML text, chunk by chunk, in constant memory.

Why not rdflib's serialisers: see the module docstring of ``interop.standards.rdf`` and
docs/adr/0016-export-cpu-budget.md. Each writer must give text that rdflib parses into a
graph isomorphic to :func:`~interop.standards.rdf.to_graph` of the same nodes
(tests/standards/test_rdf_writers.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from .rdf import IRI, Lit, Node, all_prefixes, flatten, safe_iri

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
        if isinstance(value, Lit):
            text = '"' + _ttl_escape(value[0]) + '"'
            if value[1]:
                return text + "@" + value[1]
            if value[2]:
                return text + "^^" + self.term(value[2])
            return text
        if isinstance(value, Node):
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
        if isinstance(value, Lit):
            if value[1]:
                return {"@value": value[0], "@language": value[1]}
            if value[2]:
                return {"@value": value[0], "@type": self.key(value[2])}
            return value[0]
        if isinstance(value, Node):
            return self.obj(value)
        return {"@id": str(value)}

    def obj(self, node: Node) -> dict[str, object]:
        out: dict[str, object] = {}
        if node.id:
            out["@id"] = node.id
        if node.types:
            out["@type"] = [self.key(t) for t in node.types]
        key, value = self.key, self.value
        props: dict[str, list[object]] = {}
        for predicate, item in node.props:
            name = key(predicate)
            values = props.get(name)
            if values is None:
                props[name] = [value(item)]
            else:
                values.append(value(item))
        out.update(props)
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
