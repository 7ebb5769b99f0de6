"""Reading an RDF graph: the literals, URIs, dates and identities every DCAT concept uses.

RDF gives many values per property, in several languages and shapes (a URI, a literal, a
blank node with the value inside): ``GraphReader`` settles each read on one value, the same
on every parse, so a record maps the same way each time and its content hash holds.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.utils.translation import gettext as _
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from .vocabulary import DCAT, DCT, FOAF, RDF, RDFS, SCHEMA, SKOS

ECO_PATH = "/ns/eco#"  # path of the eco: namespace IRI of any instance of this catalogue
MAX_TEXT = 100_000
#: where a blank node standing for a value keeps it (dct:IMT, dct:MediaTypeOrExtent, skos)
NODE_VALUE_PREDICATES = (RDF.value, RDFS.label, SKOS.prefLabel, SKOS.notation, DCT.title)


TIME = Namespace("http://www.w3.org/2006/time#")
#: where a time:Instant (or a value node) keeps its date
TIME_VALUES = (TIME.inXSDDateTimeStamp, TIME.inXSDDateTime, TIME.inXSDDate, RDF.value)
#: the addresses that tell two blank-node records with one title apart
IDENTITY_PREDICATES = (
    DCAT.endpointURL,
    DCAT.landingPage,
    FOAF.page,
    DCAT.accessURL,
    DCAT.downloadURL,
    DCAT.endpointDescription,
)


def node_order(node: Node) -> tuple[int, str]:
    """Literals and IRIs first (in text order), blank nodes last: the same on every parse."""
    return (1, "") if isinstance(node, BNode) else (0, str(node))


class GraphReader:
    """Reads one graph; ``current_field`` names the field being read for error reports."""

    def __init__(self, graph: Graph, languages: tuple[str, ...]) -> None:
        self.g = graph
        self.languages = languages
        self.current_field = ""
        self.ids: dict[Node, str] = {}

    # --- literals -----------------------------------------------------------------------
    def text(self, subject: Node, *predicates: URIRef) -> str:
        """The best literal in the preferred language (then no language, then any)."""
        for predicate in predicates:
            values = [o for o in self.g.objects(subject, predicate)]
            if not values:
                continue
            literals = [v for v in values if isinstance(v, Literal)]
            if not literals:
                # an IRI is its own value; a blank node's id never is (it changes on every
                # parse): its value is inside it (rdf:value, a label)
                found = self.node_value(sorted(values, key=node_order)[0])
                if found:
                    return found[:MAX_TEXT]
                continue
            for lang in self.languages:
                for lit in literals:
                    if (lit.language or "").lower().split("-")[0] == lang:
                        return str(lit).strip()[:MAX_TEXT]
            for lit in literals:
                if not lit.language:
                    return str(lit).strip()[:MAX_TEXT]
            return str(sorted(literals, key=lambda x: x.language or "")[0]).strip()[:MAX_TEXT]
        return ""

    def node_value(self, node: Node, depth: int = 0) -> str:
        """The value an RDF node stands for: a literal's text, an IRI, or, for a blank node,
        its rdf:value or label ("" when it has none: its generated id is no value)."""
        if isinstance(node, Literal | URIRef):
            return str(node).strip()
        if depth > 2:
            return ""
        for predicate in NODE_VALUE_PREDICATES:
            for value in sorted(self.g.objects(node, predicate), key=node_order):
                found = self.node_value(value, depth + 1) if isinstance(value, BNode) else ""
                if not isinstance(value, BNode):
                    found = self.text(node, predicate)
                if found:
                    return found
        return ""

    def labels(self, node: Node) -> str:
        """The label the document gives a node (an IRI's or a blank node's), or ""."""
        return self.text(node, SKOS.prefLabel, RDFS.label, DCT.title, SKOS.altLabel, FOAF.name)

    def texts(self, subject: Node, predicate: URIRef) -> list[str]:
        """All literals, keeping the preferred language when several languages are given."""
        literals = [o for o in self.g.objects(subject, predicate) if isinstance(o, Literal)]
        tagged = {(lit.language or "").lower().split("-")[0] for lit in literals}
        keep = next((lang for lang in self.languages if lang in tagged), None)
        if keep is None and "" not in tagged and tagged:
            keep = sorted(tagged)[0]
        out = [
            str(lit).strip()
            for lit in literals
            if keep is None or (lit.language or "").lower().split("-")[0] in (keep, "")
        ]
        return sorted(dict.fromkeys(v for v in out if v))

    def uri(self, subject: Node, *predicates: URIRef) -> str:
        for predicate in predicates:
            for value in self.g.objects(subject, predicate):
                if isinstance(value, URIRef):
                    return str(value).strip()
                if isinstance(value, Literal) and str(value).startswith(("http://", "https://")):
                    return str(value).strip()
                if isinstance(value, BNode):  # foaf:Document with its own URL inside
                    inner = self.uri(value, SCHEMA.url, FOAF.page, RDFS.seeAlso)
                    if inner:
                        return inner
        return ""

    def eco(self, subject: Node, term: str) -> Node | None:
        """A term of the ``eco:`` namespace another instance of this catalogue writes.

        The namespace IRI is per instance (``<base>/ns/eco#``), so the term is matched by its
        path; the terms are those interop/standards/eco_vocabulary.py defines.
        """
        suffix = ECO_PATH + term
        for predicate, value in self.g.predicate_objects(subject):
            if isinstance(predicate, URIRef) and str(predicate).endswith(suffix):
                return value
        return None

    def eco_text(self, subject: Node, term: str, limit: int = 2000) -> str:
        value = self.eco(subject, term)
        return self.node_value(value)[:limit] if value is not None else ""

    def uris(self, subject: Node, predicate: URIRef) -> list[str]:
        return [
            str(v).strip()
            for v in self.g.objects(subject, predicate)
            if isinstance(v, URIRef | Literal) and str(v).strip()
        ]

    def date(
        self, subject: Node, warnings: list[str], name: str, *predicates: URIRef
    ) -> dt.datetime | None:
        for predicate in predicates:
            for value in sorted(self.g.objects(subject, predicate), key=node_order):
                if isinstance(value, BNode):  # a time:Instant: its date is inside, not its id
                    value = next(
                        (v for p in TIME_VALUES for v in self.g.objects(value, p)), Literal("")
                    )
                if not str(value).strip():
                    continue
                parsed = parse_date(value)
                if parsed is None:
                    warnings.append(
                        _("%(field)s is not a date: %(value)s")
                        % {"field": name, "value": str(value)[:60]}
                    )
                    continue
                return parsed
        return None

    # --- identity -----------------------------------------------------------------------
    def remote_id(self, subject: Node) -> str:
        if isinstance(subject, URIRef):
            return str(subject)[:500]
        if subject in self.ids:
            return self.ids[subject]
        identifier = self.text(subject, DCT.identifier)
        if identifier:
            return identifier[:500]
        # A blank node has no name: what identifies it is its title with the addresses it
        # gives (two services with one title and two endpoints are two records).
        facts = [self.text(subject, DCT.title)]
        facts += sorted(str(v) for p in IDENTITY_PREDICATES for v in self.g.objects(subject, p))
        return "bnode:" + hashlib.sha256(repr(facts).encode()).hexdigest()[:16]

    def assign_ids(self, subjects: list[Node]) -> None:
        """Fix each record's remote id up front, so references and records agree; blank
        nodes that still share one (same title, same addresses) are told apart by content."""
        by_id: dict[str, list[Node]] = {}
        for subject in dict.fromkeys(subjects):
            by_id.setdefault(self.remote_id(subject), []).append(subject)
        for remote_id, nodes in by_id.items():
            blanks = sorted((n for n in nodes if isinstance(n, BNode)), key=self.stable_id)
            for n, node in enumerate(blanks):
                self.ids[node] = remote_id if n == 0 else f"{remote_id}-{n + 1}"

    def ref(self, node: Node | None) -> str:
        """A reference to another record: its remote id, or the literal a profile put there."""
        if node is None:
            return ""
        if isinstance(node, Literal):
            return str(node).strip()[:500]
        return self.remote_id(node)

    def stable_id(self, node: Node) -> str:
        """An id for a blank node that is the same on every parse (blank ids are not)."""
        return "bnode:" + hashlib.sha256(repr(self._facts(node, 0)).encode()).hexdigest()[:24]

    def _facts(self, node: Node, depth: int) -> list[tuple[str, object]]:
        """What a blank node says, nested blank nodes included by content, never by id."""
        facts: list[tuple[str, object]] = []
        for predicate, value in self.g.predicate_objects(node):
            if isinstance(value, BNode):
                inner = self._facts(value, depth + 1) if depth < 3 else []
                facts.append((str(predicate), repr(inner)))
            else:
                facts.append((str(predicate), str(value)))
        return sorted(facts)

    def identifier(self, subject: Node) -> str:
        value = self.text(subject, DCT.identifier)
        if value.startswith(("http://", "https://")):
            return value
        return str(subject) if isinstance(subject, URIRef) else ""


def mailto(value: str) -> str:
    return (value or "").strip().removeprefix("mailto:").strip()


def parse_date(value: Node) -> dt.datetime | None:
    python = value.toPython() if isinstance(value, Literal) else None
    if isinstance(python, dt.datetime):
        return python if python.tzinfo else python.replace(tzinfo=dt.UTC)
    if isinstance(python, dt.date):
        return dt.datetime(python.year, python.month, python.day, tzinfo=dt.UTC)
    text = str(value).strip()
    if not text:
        return None
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        if len(text) == 4 and text.isdigit():
            return dt.datetime(int(text), 1, 1, tzinfo=dt.UTC)
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
