"""Controlled values as portals really write them: formats, themes, licences, contact points.

Each can be a literal, an IRI (an EU authority or IANA one, or the portal's own, labelled in the
document) or a blank node with the value inside (``rdf:value``, ``rdfs:label``,
``skos:prefLabel``). A value is read from what the document says, never from a blank node's
generated id nor guessed from the end of an IRI; what cannot be placed is said in a warning
(and, for themes, kept in the extras).
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from django.utils.translation import gettext as _
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from interop.standards import dcat_vocabulary as vocab

from .reading import GraphReader, node_order
from .vocabulary import ADMS, DCAT, DCT, FOAF, OWL, RDF, RDFS, SCHEMA, SKOS, VCARD, VCARD_2001

# Where a format node (dct:IMT, dct:MediaTypeOrExtent, skos:Concept) keeps its value.
_FORMAT_VALUES = (RDFS.label, SKOS.prefLabel, SKOS.notation, RDF.value, DCT.identifier, DCT.title)
_MEDIA_TYPE = re.compile(r"^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$")
_EMAIL = re.compile(r"^[^@\s/:]+@[^@\s/]+\.[^@\s/]+$")
_IANA = (vocab.IANA_MEDIA_TYPE_BASE, vocab.IANA_MEDIA_TYPE_BASE.replace("http://", "https://"))
_FILE_TYPE = (vocab.EU_FILE_TYPE_BASE, vocab.EU_FILE_TYPE_BASE.replace("http://", "https://"))
# A concept of another scheme says which EU data theme it matches with these.
_MATCHES = (SKOS.exactMatch, SKOS.closeMatch, OWL.sameAs)
_CONTACT_NAMES = (
    VCARD.fn,
    VCARD["organization-name"],
    VCARD.hasOrganizationName,
    VCARD_2001.FN,
    FOAF.name,
    SCHEMA.name,
    RDFS.label,
)
_EMAILS = (VCARD.hasEmail, VCARD.email, VCARD_2001.EMAIL, FOAF.mbox, SCHEMA.email)


def media_type(value: str) -> str:
    """``text/csv`` from a media type or its IANA IRI (http or https), else ""."""
    raw = (value or "").strip()
    for base in _IANA:
        raw = raw.removeprefix(base)
    raw = raw.split(";")[0].strip().lower()
    return raw if _MEDIA_TYPE.match(raw) else ""


def email_address(value: str) -> str:
    """An e-mail address from ``mailto:a@b``, ``a@b``, or a relative ``mailto`` a parser
    resolved against the page (``https://portal/x/mailto:a@b``, ``https://portal/a@b``)."""
    raw = unquote((value or "").strip())
    if "mailto:" in raw.lower():
        raw = raw[raw.lower().rindex("mailto:") + len("mailto:") :]
    elif raw.startswith(("http://", "https://")):
        raw = raw.rstrip("/").rsplit("/", 1)[-1]
    raw = raw.split("?")[0].strip()
    return raw if _EMAIL.match(raw) else ""


class ValuesReader(GraphReader):
    """Reads the controlled values of a record, its distributions and its contact point."""

    # --- formats --------------------------------------------------------------------------
    def format_of(self, node: Node, warnings: list[str]) -> tuple[str, str]:
        """(format code, media type) of a distribution from dct:format and dcat:mediaType."""
        fmt = media = ""
        for predicate in (DCT.format, DCAT.mediaType):
            for value in sorted(self.g.objects(node, predicate), key=node_order):
                candidates = self._format_candidates(value)
                if not candidates and isinstance(value, URIRef):
                    warnings.append(_("Unknown format %s") % str(value)[:200])
                for candidate in candidates:
                    media = media or media_type(candidate)
                    fmt = fmt or vocab.format_code(candidate)
        return fmt, media

    def _format_candidates(self, value: Node) -> list[str]:
        if isinstance(value, Literal):
            return [str(value).strip()] if str(value).strip() else []
        found: list[str] = []
        if isinstance(value, URIRef) and str(value).startswith((*_IANA, *_FILE_TYPE)):
            found.append(str(value))
        for predicate in _FORMAT_VALUES:
            for inner in sorted(self.g.objects(value, predicate), key=node_order):
                if not isinstance(inner, BNode) and str(inner).strip():
                    found.append(str(inner).strip())
        return found

    # --- themes ---------------------------------------------------------------------------
    def themes(
        self, subject: Node, warnings: list[str]
    ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[str, str], ...]]:
        """(EU/SDG theme codes, labels of other schemes' concepts as keywords, extras)."""
        codes: dict[str, None] = {}
        keywords: dict[str, None] = {}
        unlabelled: list[str] = []
        for value in sorted(self.g.objects(subject, DCAT.theme), key=node_order):
            code = self._theme_code(value)
            if code:
                codes[code] = None
                continue
            is_iri = isinstance(value, URIRef) or str(value).startswith(("http://", "https://"))
            label = self.labels(value) if not isinstance(value, Literal) else ""
            if not label and isinstance(value, Literal) and not is_iri:
                label = str(value).strip()
            if label:
                keywords[label[:100]] = None
            elif is_iri:
                unlabelled.append(str(value).strip()[:500])
            else:
                warnings.append(_("A theme with neither an IRI nor a label was left out."))
        extras: tuple[tuple[str, str], ...] = ()
        if unlabelled:
            warnings.append(
                _("Themes without a label in the document, kept in the extras: %s")
                % " ".join(unlabelled)[:500]
            )
            extras = (("theme", " ".join(unlabelled)[:2000]),)
        return tuple(codes), tuple(keywords), extras

    def _theme_code(self, value: Node) -> str:
        if not isinstance(value, BNode):
            code = vocab.theme_code(str(value))
            if code:
                return code
        if isinstance(value, Literal):
            return ""
        for predicate in _MATCHES:  # the document maps its concept to an EU theme itself
            for match in self.g.objects(value, predicate):
                code = vocab.theme_code(str(match)) if isinstance(match, URIRef) else ""
                if code:
                    return code
        return ""

    # --- licences -------------------------------------------------------------------------
    def licence(self, subject: Node, warnings: list[str]) -> str:
        for value in sorted(self.g.objects(subject, DCT.license), key=node_order):
            candidates = [] if isinstance(value, BNode) else [str(value).strip()]
            if not isinstance(value, Literal):
                candidates += self.uris(value, DCT.identifier)
                candidates += [str(v) for p in _MATCHES for v in self.g.objects(value, p)]
                candidates += [self.labels(value)]
            candidates = [c for c in candidates if c]
            for candidate in candidates:
                spdx = vocab.licence_spdx(candidate)
                if spdx:
                    return spdx
            if candidates:
                warnings.append(_("Unknown licence %s") % candidates[0][:200])
            else:
                warnings.append(_("A licence with neither an IRI nor a name was left out."))
        return ""

    # --- contact points -------------------------------------------------------------------
    def contact(self, subject: Node) -> tuple[str, str, str]:
        """(name, e-mail, URL) of dcat:contactPoint, or adms:contactPoint (older profiles)."""
        given = [*self.g.objects(subject, DCAT.contactPoint)]
        given += self.g.objects(subject, ADMS.contactPoint)
        nodes = sorted(given, key=node_order)
        for node in nodes:
            found = self._contact(node)
            if any(found):
                return found
        return "", "", ""

    def _contact(self, node: Node) -> tuple[str, str, str]:
        if isinstance(node, Literal):  # a bare address or name where a vcard:Kind belongs
            address = email_address(str(node))
            return ("", address, "") if address else (str(node).strip()[:200], "", "")
        name = self.text(node, *_CONTACT_NAMES)
        if not name:
            given = self.text(node, VCARD["given-name"])
            name = " ".join(p for p in (given, self.text(node, VCARD["family-name"])) if p)
        email = ""
        for predicate in _EMAILS:
            for value in sorted(self.g.objects(node, predicate), key=node_order):
                raw = self.text(value, VCARD.value, RDF.value) if isinstance(value, BNode) else ""
                email = email_address(raw if isinstance(value, BNode) else str(value))
                if email:
                    break
            if email:
                break
        url = self.uri(node, VCARD.hasURL, FOAF.homepage, SCHEMA.url)
        if isinstance(node, URIRef) and not url and str(node).startswith(("http://", "https://")):
            url = str(node)
        return name, email, url
