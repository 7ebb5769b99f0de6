"""The vocabulary terms a DCAT-AP document uses, each described once with its class and label.

The SEMIC shapes check ``sh:class`` on every term (themes, licences, languages, file
types...) without inference, so the document must say what each term is. ``DcatTerms``
remembers the authority terms a document has described (a bounded set) and hands the new
ones out with each chunk (:meth:`DcatTerms.flush_terms`); ``DcatBuilder`` builds on it.
"""

from __future__ import annotations

from catalogue.models import Country, Language, Licence, Theme
from catalogue.vocabulary_data import EU_LICENCE_BASE, EU_THEME_BASE

from . import dcat_vocabulary as voc
from .namespaces import DCT, FOAF, RDFS, SKOS
from .rdf import IRI, Lit, Node, allowed_scheme

SCHEME_LABELS = {
    EU_THEME_BASE.rstrip("/"): "Data theme",
    "http://metadata.un.org/sdg": "UN Sustainable Development Goals",
    EU_LICENCE_BASE.rstrip("/"): "Licence",
    voc.EU_LANGUAGE_BASE.rstrip("/"): "Language",
    voc.EU_COUNTRY_BASE.rstrip("/"): "Country",
    voc.EU_FREQUENCY_BASE.rstrip("/"): "Frequency",
    voc.EU_FILE_TYPE_BASE.rstrip("/"): "File type",
    voc.EU_ACCESS_RIGHT_BASE.rstrip("/"): "Access right",
    voc.EU_PUBLISHER_TYPE_BASE.rstrip("/"): "Publisher type",
}


class DcatTerms:
    """IRIs of vocabulary terms, each described (classes, label, scheme) the first time."""

    def __init__(self) -> None:
        #: terms described earlier in the document → their IRI object, reused as is
        self.seen_terms: dict[str, IRI] = {}
        self._pending_terms: dict[str, Node] = {}
        self._remembered: set[str] = set()

    def term(
        self, iri: str, label: str, *classes: str, scheme: str = "", remember: bool = True
    ) -> IRI | None:
        """Use a term: it is described (classes, label, scheme) with the current chunk.

        Authority terms are remembered for the whole document (a bounded set); web pages and
        endpoints (``remember=False``) only within a chunk, so memory stays flat.
        """
        known = self.seen_terms.get(iri)
        if known is not None:  # the common case: an authority term met before
            return known
        if not iri or not allowed_scheme(iri):
            return None
        pending = self._pending_terms.get(iri)
        if pending is not None:
            pending.types.extend(c for c in classes if c not in pending.types)
        elif iri not in self.seen_terms:
            node = Node(iri, [*classes])
            if SKOS + "Concept" in classes:
                node.add(SKOS + "prefLabel", Lit(label or iri.rsplit("/", 1)[-1], lang="en"))
                if scheme:
                    node.add(SKOS + "inScheme", IRI(scheme))
                    self.term(scheme, SCHEME_LABELS.get(scheme, scheme), SKOS + "ConceptScheme")
            if SKOS + "ConceptScheme" in classes:
                node.add(DCT + "title", Lit(label, lang="en"))
            self._pending_terms[iri] = node
            if remember:
                self._remembered.add(iri)
        return IRI(iri)

    def flush_terms(self) -> list[Node]:
        """The term descriptions used since the last flush (emit them with the chunk)."""
        nodes = list(self._pending_terms.values())
        self.seen_terms.update((iri, IRI(iri)) for iri in self._remembered)
        self._remembered.clear()
        self._pending_terms.clear()
        return nodes

    def _scheme_of(self, iri: str) -> str:
        return iri.rsplit("/", 1)[0]

    def theme(self, theme: Theme) -> IRI | None:
        uri = theme.uri or voc.theme_uri(theme.code)
        return self.term(uri, theme.name, SKOS + "Concept", scheme=self._scheme_of(uri))

    def licence(self, licence: Licence | None) -> IRI | None:
        if licence is None:
            return None
        uri = licence.eu_uri or voc.licence_uri(licence.spdx_id) or licence.url
        if not uri:
            return None
        scheme = self._scheme_of(uri) if uri.startswith(EU_LICENCE_BASE) else ""
        classes = (
            (DCT + "LicenseDocument", SKOS + "Concept") if scheme else (DCT + "LicenseDocument",)
        )
        return self.term(uri, licence.name, *classes, scheme=scheme)

    def access_rights(self, code: str) -> IRI | None:
        uri = voc.access_rights_uri(code)
        label = {"public": "Public", "restricted": "Restricted", "non-public": "Non-public"}
        return self.term(
            uri,
            label.get(code, code),
            DCT + "RightsStatement",
            SKOS + "Concept",
            scheme=voc.EU_ACCESS_RIGHT_BASE.rstrip("/"),
        )

    def language(self, language: Language) -> IRI | None:
        return self.term(
            voc.language_uri(language.code),
            language.name,
            DCT + "LinguisticSystem",
            SKOS + "Concept",
            scheme=voc.EU_LANGUAGE_BASE.rstrip("/"),
        )

    def country(self, country: Country) -> IRI | None:
        return self.term(
            voc.country_uri(country.code),
            country.name,
            DCT + "Location",
            SKOS + "Concept",
            scheme=voc.EU_COUNTRY_BASE.rstrip("/"),
        )

    def frequency(self, code: str, label: str) -> IRI | None:
        return self.term(
            voc.frequency_uri(code),
            label,
            DCT + "Frequency",
            SKOS + "Concept",
            scheme=voc.EU_FREQUENCY_BASE.rstrip("/"),
        )

    def file_type(self, fmt: str) -> IRI | None:
        return self.term(
            voc.file_type_uri(fmt),
            fmt.upper(),
            DCT + "MediaTypeOrExtent",
            SKOS + "Concept",
            scheme=voc.EU_FILE_TYPE_BASE.rstrip("/"),
        )

    def media_type(self, media_type: str) -> IRI | None:
        return self.term(voc.media_type_uri(media_type), media_type, DCT + "MediaType")

    def document(self, url: str) -> IRI | None:
        """A web page (landing page, homepage): the shapes expect a ``foaf:Document``."""
        return self.term(url, "", FOAF + "Document", remember=False) if url else None

    def resource(self, url: str) -> IRI | None:
        """An endpoint URL: the shapes' range is ``rdfs:Resource``, asserted explicitly."""
        return self.term(url, "", RDFS + "Resource", remember=False) if url else None

    def standard(self, url: str) -> IRI | None:
        return self.term(url, "", DCT + "Standard", remember=False) if url else None
