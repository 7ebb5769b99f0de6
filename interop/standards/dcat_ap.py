"""DCAT-AP 3 description of catalogue objects, as :class:`~interop.standards.rdf.Node` s.

* each entry → what its type's part says (``parts.DcatPart``, ``entrytypes/<type>/dcat.py``):
  a dataset is a ``dcat:Dataset`` with distributions, an API a ``dcat:DataService``, a PPP
  project or challenge a ``dcat:Resource`` with our ``eco:`` terms (docs/vocabulary.md);
* organisation → ``foaf:Agent`` with ``dct:type`` from the EU publisher-type table;
* vocabulary terms → the EU authority table URIs (``dcat_vocabulary``), each described once
  per document with its class and ``skos:prefLabel`` so the SEMIC shapes' ``sh:class``
  constraints hold without inference.

The builder keeps "already described" sets (organisations, terms), so a streamed document
describes each once; the sets are bounded by the number of organisations and terms, not
entries. It reads only prefetched relations (``selectors_export.export_queryset``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from typing import Any

from django.conf import settings

from catalogue.access import distribution_links, downloads_public
from catalogue.models import Entry, Organisation
from catalogue.public_url import public_base_url
from catalogue.publisher import stated_publisher
from catalogue.sanitise import html_to_text
from catalogue.vocabulary_data import EU_THEME_BASE

from . import dcat_vocabulary as voc
from .dcat_terms import SCHEME_LABELS, DcatTerms
from .export_loader import rel
from .namespaces import DCAT, DCT, FOAF, LOCN, RDFS, SKOS, SPDX, VCARD, XSD
from .parts import dcat_part
from .rdf import IRI, Lit, Node, allowed_scheme, eco_namespace

_HEX = re.compile(r"^[0-9a-fA-F]{8,128}$")


def base_url() -> str:
    """The public base URL (``catalogue.public_url``: ``BASE_URL``, else the request's)."""
    return public_base_url()


def catalog_iri() -> str:
    return base_url() + "/catalog"


def entry_iri(entry: Entry) -> str:
    return base_url() + entry.get_absolute_url()


def organisation_iri(org: Organisation) -> str:
    return base_url() + org.get_absolute_url()


def description_text(entry: Any) -> str:
    """The description as text, else the summary; "" (left out) rather than the title again."""
    return html_to_text(entry.description) or entry.summary


def lit_datetime(value: dt.datetime | None) -> Lit | None:
    if value is None:
        return None
    return Lit(value.isoformat(timespec="seconds"), datatype=XSD + "dateTime")


def lit_date(value: dt.date | None) -> Lit | None:
    return Lit(value.isoformat(), datatype=XSD + "date") if value else None


def lit_text(value: str | None) -> Lit | None:
    return Lit(value) if value else None


def lit_decimal(value: Any) -> Lit | None:
    return Lit(str(value), datatype=XSD + "decimal") if value is not None else None


class DcatBuilder(DcatTerms):
    """Turns entries into DCAT-AP nodes; remembers what a document has described already."""

    def __init__(self) -> None:
        super().__init__()
        self.seen_agents: set[str] = set()
        # read once per document, not per call: settings are a lazy object
        self.base = base_url()
        self.eco_base = eco_namespace()

    def entry_iri(self, entry: Entry) -> str:
        return self.base + entry.get_absolute_url()

    def organisation_iri(self, org: Organisation) -> str:
        return self.base + org.get_absolute_url()

    def eco(self, term: str) -> str:
        """A term of our own vocabulary (``/ns/eco#``)."""
        return self.eco_base + term

    # --- agents ------------------------------------------------------------------------
    def agent_ref(self, org: Any) -> IRI | None:
        return IRI(self.organisation_iri(org)) if org is not None else None

    def agent(self, org: Any) -> Node | None:
        """The organisation's ``foaf:Agent`` node, the first time it is met in a document."""
        iri = self.organisation_iri(org)
        if iri in self.seen_agents:
            return None
        self.seen_agents.add(iri)
        node = Node(iri, [FOAF + "Agent", FOAF + "Organization"])
        node.add(FOAF + "name", Lit(org.name))
        node.add(
            DCT + "type",
            self.term(
                voc.publisher_type_uri(org.kind),
                org.get_kind_display(),
                SKOS + "Concept",
                scheme=voc.EU_PUBLISHER_TYPE_BASE.rstrip("/"),
            ),
        )
        node.add(self.eco("organisationKind"), Lit(org.kind))
        node.add(FOAF + "homepage", self.document(org.website))
        if org.email:
            node.add(FOAF + "mbox", IRI("mailto:" + org.email))
        node.add(DCT + "identifier", lit_text(org.identifier))
        if org.country_id and org.country is not None:
            node.add(DCT + "spatial", self.country(org.country))
        if org.parent_id and org.parent is not None:
            node.add("http://www.w3.org/ns/org#subOrganizationOf", self.agent_ref(org.parent))
        return node

    def agents(self, orgs: Iterable[Any]) -> list[Node]:
        return [n for n in (self.agent(o) for o in orgs if o is not None) if n is not None]

    # --- the common core ---------------------------------------------------------------
    def core(self, entry: Any, node: Node, *, licence_on_entry: bool = True) -> None:
        node.add(DCT + "title", Lit(entry.title))
        node.add(DCT + "description", Lit(description_text(entry)))
        # always, even when it stood in for an empty description: the harvester reads it back
        node.add(voc.TEXT_PROPERTIES["summary"][0], lit_text(entry.summary))
        node.add(DCT + "identifier", Lit(entry.identifier or self.entry_iri(entry)))
        node.add(DCT + "publisher", self.agent_ref(stated_publisher(entry)))
        # the entry IRI is our own page; a remote landing page only when there is one
        node.add(DCAT + "landingPage", self.document(entry.landing_page))
        node.add(DCT + "issued", lit_datetime(entry.issued))
        node.add(DCT + "modified", lit_datetime(entry.modified))
        node.add_all(DCAT + "keyword", (Lit(k) for k in entry.keywords or [] if k))
        node.add_all(DCAT + "theme", (self.theme(t) for t in rel(entry, "themes")))
        node.add(DCT + "accessRights", self.access_rights(entry.access_rights))
        node.add_all(DCT + "spatial", (self.country(c) for c in rel(entry, "countries")))
        if entry.spatial_label:
            place = Node("", [DCT + "Location"])
            place.add(LOCN + "geographicName", Lit(entry.spatial_label))
            node.add(DCT + "spatial", place)
        if entry.temporal_start or entry.temporal_end:
            period = Node("", [DCT + "PeriodOfTime"])
            period.add(DCAT + "startDate", lit_date(entry.temporal_start))
            period.add(DCAT + "endDate", lit_date(entry.temporal_end))
            node.add(DCT + "temporal", period)
        node.add_all(DCT + "language", (self.language(lang) for lang in rel(entry, "languages")))
        if licence_on_entry:
            node.add(DCT + "license", self.licence(entry.licence))
        if entry.contact_name or entry.contact_email or entry.contact_url:
            contact = Node("", [VCARD + "Kind"])
            contact.add(VCARD + "fn", lit_text(entry.contact_name))
            if entry.contact_email:
                contact.add(VCARD + "hasEmail", IRI("mailto:" + entry.contact_email))
            contact.add(VCARD + "hasURL", IRI(entry.contact_url) if entry.contact_url else None)
            node.add(DCAT + "contactPoint", contact)
        node.add(self.eco("entryType"), Lit(entry.entry_type))
        # provenance: dct:source would need a dcat:Dataset object, so a term of ours
        node.add(self.eco("sourceRecord"), IRI(entry.remote_url) if entry.remote_url else None)

    def stub(self, entry: Any) -> Node:
        """A linked entry described just enough for its class shape (title, description)."""
        part = dcat_part(entry.entry_type)
        node = Node(self.entry_iri(entry), [part.rdf_class])
        node.add(DCT + "title", Lit(entry.title))
        node.add(DCT + "description", Lit(description_text(entry)))
        part.complete_stub(self, entry, node)
        return node

    # --- entries: each type's part describes its own ----------------------------------
    def entry_nodes(self, entry: Any) -> list[Node]:
        """The entry's node, the nodes it links to (stubs, agents) and new term nodes."""
        nodes = dcat_part(entry.entry_type).describe(self, entry)
        nodes.extend(self.agents([stated_publisher(entry)]))
        nodes.extend(self.flush_terms())
        return nodes

    def distribution(self, entry: Any, dist: Any) -> Node:
        node = Node(f"{self.entry_iri(entry)}#distribution-{dist.pk}", [DCAT + "Distribution"])
        node.add(DCT + "title", lit_text(dist.title))
        node.add(DCT + "description", lit_text(dist.description))
        # never our own page: a distribution without any address has no dcat:accessURL; a
        # restricted entry's addresses are withheld (catalogue.access), its landing page stays
        links = distribution_links(entry, dist)
        access = first_allowed(links.access_url, links.download_url, entry.landing_page)
        node.add(DCAT + "accessURL", self.resource(access))
        node.add(DCAT + "downloadURL", self.resource(links.download_url))
        media_type = dist.media_type or voc.media_type_for(dist.format)
        node.add(DCAT + "mediaType", self.media_type(media_type))
        fmt = dist.format or voc.format_code(media_type)
        node.add(DCT + "format", self.file_type(fmt) if fmt else None)
        if dist.byte_size is not None:
            size = Lit(str(dist.byte_size), datatype=XSD + "nonNegativeInteger")
            node.add(DCAT + "byteSize", size)
        node.add(DCT + "license", self.licence(dist.licence or entry.licence))
        if dist.checksum and _HEX.match(dist.checksum.removeprefix("sha256:")):
            checksum = Node("", [SPDX + "Checksum"])
            checksum.add(
                SPDX + "algorithm",
                self.term(SPDX + "checksumAlgorithm_sha256", "", SPDX + "ChecksumAlgorithm"),
            )
            checksum.add(
                SPDX + "checksumValue",
                Lit(dist.checksum.removeprefix("sha256:").lower(), datatype=XSD + "hexBinary"),
            )
            node.add(SPDX + "checksum", checksum)
        if dist.access_service_id and dist.access_service is not None:
            node.add(DCAT + "accessService", IRI(self.entry_iri(dist.access_service)))
        return node

    def partners(self, entry: Any, node: Node, extra: list[Node]) -> None:
        for partnership in rel(entry, "partnerships"):
            p = Node("", [self.eco("Partnership")])
            p.add(self.eco("organisation"), self.agent_ref(partnership.organisation))
            p.add(self.eco("role"), Lit(partnership.role))
            p.add(RDFS + "comment", lit_text(partnership.note))
            node.add(self.eco("partner"), p)
            extra.extend(self.agents([partnership.organisation]))

    def documents(self, entry: Any, node: Node) -> None:
        for document in rel(entry, "documents"):
            if not IRI(document.url):
                continue
            node.add(FOAF + "page", IRI(document.url))
            if document.url in self._pending_terms:
                continue
            d = Node(document.url, [FOAF + "Document"])
            d.add(DCT + "title", Lit(document.title))
            d.add(self.eco("documentType"), lit_text(document.document_type))
            self._pending_terms[document.url] = d

    # --- the catalogue -----------------------------------------------------------------
    def catalog_node(self, *, modified: dt.datetime | None) -> list[Node]:
        """The ``dcat:Catalog`` itself, with its publisher and theme taxonomies."""
        site = settings.WAGTAIL_SITE_NAME
        node = Node(catalog_iri(), [DCAT + "Catalog"])
        node.add(DCT + "title", Lit(site, lang="en"))
        node.add(
            DCT + "description",
            Lit(
                getattr(
                    settings,
                    "CATALOGUE_DESCRIPTION",
                    "Open datasets, APIs, public-private partnership projects and innovation "
                    "challenges, from every kind of organisation.",
                )
            ),
        )
        publisher_iri = base_url() + "/#publisher"
        node.add(DCT + "publisher", IRI(publisher_iri))
        node.add(FOAF + "homepage", self.document(base_url() + "/"))
        node.add(DCT + "modified", lit_datetime(modified))
        node.add(
            DCT + "language",
            self.term(
                voc.language_uri("en"),
                "English",
                DCT + "LinguisticSystem",
                SKOS + "Concept",
                scheme=voc.EU_LANGUAGE_BASE.rstrip("/"),
            ),
        )
        node.add(
            DCAT + "themeTaxonomy",
            self.term(EU_THEME_BASE.rstrip("/"), "Data theme", SKOS + "ConceptScheme"),
        )
        node.add(
            DCAT + "themeTaxonomy",
            self.term(
                "http://metadata.un.org/sdg",
                SCHEME_LABELS["http://metadata.un.org/sdg"],
                SKOS + "ConceptScheme",
            ),
        )
        publisher = Node(publisher_iri, [FOAF + "Agent", FOAF + "Organization"])
        publisher.add(FOAF + "name", Lit(getattr(settings, "CATALOGUE_PUBLISHER_NAME", site)))
        return [node, publisher]

    def catalog_links(self, entries: Iterable[Any]) -> Node:
        """``dcat:dataset`` / ``dcat:service`` / ``dcat:resource`` from the catalogue."""
        node = Node(catalog_iri())
        for entry in entries:
            node.add(dcat_part(entry.entry_type).catalog_property, IRI(self.entry_iri(entry)))
        return node

    def chunk_nodes(self, entries: Iterable[Any]) -> Iterator[Node]:
        """Every node for a chunk of entries: catalogue links first, then each entry's."""
        entries = list(entries)
        yield self.catalog_links(entries)
        for entry in entries:
            yield from self.entry_nodes(entry)


def endpoint_of(api: Any) -> str:
    """The endpoint, else the publisher's landing page; never our own page ("": left out).

    A restricted API's endpoint is withheld (catalogue.access): its landing page stands in."""
    endpoint = api.endpoint_url if downloads_public(api) else ""  # stubs load no more
    return first_allowed(endpoint, api.landing_page)


def first_allowed(*urls: str) -> str:
    return next((u for u in urls if u and allowed_scheme(u)), "")
