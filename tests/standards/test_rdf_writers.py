"""The hand-written Turtle, JSON-LD and RDF/XML writers (catalogue/standards/rdf.py) say
exactly what rdflib says.

For each writer, its text parsed by rdflib must be isomorphic to the same nodes built through
rdflib's own API (``to_graph``) and serialised by rdflib: on the demo catalogue (the streamed
document and a per-entry one) and on strings and IRIs that need escaping.
"""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from interop.standards import catalog_export
from interop.standards.dcat_ap import DcatBuilder
from interop.standards.export_loader import ExportLoader
from interop.standards.namespaces import XSD
from interop.standards.rdf import IRI, Lit, Node, flatten, to_graph
from interop.standards.rdf_writers import JsonLdWriter, RdfXmlWriter, TurtleWriter, jsonld_context
from tests.standards.shacl import parse

DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
VCARD = "http://www.w3.org/2006/vcard/ns#"
RDFLIB_FORMATS = {"ttl": "turtle", "rdf": "xml", "jsonld": "json-ld"}

# XML 1.0 cannot carry most C0 controls: the RDF/XML writer drops them (documented loss).
XML_SAFE = [
    'say "hi"',
    "it's",
    "'''triple''' \"\"\"quotes\"\"\"",
    "back\\slash",
    "ends with \\",
    "two\nlines",
    "cr\rlf\r\n",
    "tab\there",
    "élan 数据 😀 \u200f\u202e \u2028\u2029 \ufeff",
    "<b>&amp; markup</b> & < >",
    "e\u0301 combining",
    "\U0010fffd",
    "@prefix x: <y> .",
    "# not a comment",
    "]] > ; , .",
    '{"@id": "json"}',
]
CONTROL = ["\x00 nul", "\x01\x08\x0b\x0c\x0e\x1f", "del \x7f", "bell \a backspace \b"]
IRIS = [
    "http://example.org/a b",
    "http://example.org/<x>",
    'http://example.org/"q"',
    "http://example.org/{}|^`\\",
    "http://例え.jp/パス?q=ü#frag",
    "http://example.org/%20done",
    "https://example.org/tab\tnewline\n",
    "mailto:someone@example.org",
    "urn:uuid:1234-5678",
    "http://purl.org/dc/terms/has.dot",
    "http://purl.org/dc/terms/1digit",
    "http://purl.org/dc/terms/a-b_c",
    "http://purl.org/dc/terms/",
    "http://www.w3.org/ns/dcat#x y",
    "HTTP://EXAMPLE.ORG/Upper",
    "javascript:alert(1)",  # the last: no IRI at all
]


def tricky_nodes(strings: list[str]) -> list[Node]:
    root = Node("http://example.org/root", [DCAT + "Dataset"])
    for text in strings:
        root.add(DCT + "title", Lit(text))
        root.add(DCT + "description", Lit(text, lang="en"))
        root.add(DCT + "identifier", Lit(text, datatype=XSD + "string"))
    for iri in IRIS:
        root.add(DCAT + "landingPage", IRI(iri))
        page = Node(IRI(iri), [FOAF + "Document"])  # a subject with its own IRI: `related`
        page.add(DCT + "title", Lit(iri))
        root.add(FOAF + "page", page)
    contact = Node("", [VCARD + "Kind"])  # nested blank nodes
    contact.add(VCARD + "fn", Lit(strings[0]))
    inner = Node("", [VCARD + "Address"])
    inner.add(VCARD + "street-address", Lit(strings[-1]))
    contact.add(VCARD + "hasAddress", inner)
    root.add(DCAT + "contactPoint", contact)
    root.add(DCT + "issued", Lit("2024-05-01T12:00:00+00:00", datatype=XSD + "dateTime"))
    return [root]


def write(nodes: list[Node], fmt: str) -> str:
    if fmt == "ttl":
        writer = TurtleWriter()
        return writer.header() + writer.nodes(nodes)
    if fmt == "rdf":
        xml = RdfXmlWriter()
        return xml.header() + xml.nodes(nodes) + xml.footer()
    graph = JsonLdWriter().nodes(nodes, first=True)
    return '{"@context":' + json.dumps(jsonld_context()) + ',"@graph":[' + graph + "]}"


def assert_same_graph(text: str, fmt: str, nodes: list[Node]) -> None:
    ours = parse(text, RDFLIB_FORMATS[fmt])
    reference = parse(to_graph(nodes).serialize(format="turtle"), "turtle")
    assert len(ours) == len(reference) > 0
    if not isomorphic(ours, reference):
        _both, only_ours, only_rdflib = graph_diff(to_isomorphic(ours), to_isomorphic(reference))
        pytest.fail(
            f"{fmt}: only ours {sorted(only_ours)[:5]}; only rdflib's {sorted(only_rdflib)[:5]}"
        )


@pytest.mark.parametrize("fmt", ["ttl", "jsonld"])
def test_tricky_strings_and_iris(fmt, settings):
    settings.PUBLIC_BASE_URL = "http://catalogue.test"
    nodes = tricky_nodes(XML_SAFE + CONTROL)
    assert_same_graph(write(nodes, fmt), fmt, nodes)


def test_tricky_strings_and_iris_in_rdf_xml(settings):
    settings.PUBLIC_BASE_URL = "http://catalogue.test"
    nodes = tricky_nodes(XML_SAFE)
    assert_same_graph(write(nodes, "rdf"), "rdf", nodes)


def test_unsafe_iris_are_encoded_and_unknown_schemes_dropped():
    assert IRI("http://example.org/a b<c>") == "http://example.org/a%20b%3Cc%3E"
    assert IRI("javascript:alert(1)") == "" and IRI("httpſ://x") == ""
    assert IRI("HTTPS://Example.org/ü") == "HTTPS://Example.org/ü"  # IRIs keep non-ASCII


@pytest.mark.django_db
def test_demo_catalogue_documents_are_what_rdflib_would_write(demo_catalogue):
    """One test for every format (the demo catalogue takes seconds to build)."""
    for fmt in ("ttl", "jsonld", "rdf"):
        export = catalog_export.parse_export_params({}, fmt=fmt, path=f"/catalog.{fmt}")
        total = catalog_export.check_page(export)
        with CaptureQueriesContext(connection) as queries:
            text = "".join(catalog_export.stream_catalog(export, total=total))
        # A column the loader leaves out (UNREAD_ENTRY_COLUMNS) but the builder reads
        # would cost a deferred-field query per entry: the count must not grow with them.
        assert [q["sql"] for q in queries if "LIMIT 21" in q["sql"]] == []
        assert len(queries) <= 40
        if fmt == "jsonld":
            json.loads(text)
        # the same nodes again, from a fresh builder, as the stream made them
        nodes = [n for group in catalog_export._node_groups(export, total) for n in group]
        assert_same_graph(text, fmt, nodes)

        entry = demo_catalogue["hostile"]
        text = catalog_export.entry_document(entry, fmt)
        nodes = DcatBuilder().entry_nodes(ExportLoader().load([entry.pk])[0])
        assert len(list(flatten(nodes))) > 1
        assert_same_graph(text, fmt, nodes)
