"""RDF namespaces the DCAT mapper reads, and the JSON-LD contexts bundled for it.

Code ↔ URI tables (themes, licences, file types, frequencies, languages, countries) live in
``interop.standards.dcat_vocabulary``, shared with the DCAT-AP export; this module only
adds what reading RDF needs.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, RDF, RDFS, SKOS

DCT = DCTERMS
# A plain Namespace: rdflib's DCAT namespace predates DCAT 3 and warns on inSeries, version...
DCAT = Namespace("http://www.w3.org/ns/dcat#")
HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")
ADMS = Namespace("http://www.w3.org/ns/adms#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
LOCN = Namespace("http://www.w3.org/ns/locn#")
SCHEMA = Namespace("http://schema.org/")
SCHEMA_HTTPS = Namespace("https://schema.org/")
DCATAP = Namespace("http://data.europa.eu/r5r/")
DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
GEODCATAP = Namespace("http://data.europa.eu/930/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
# The older vCard RDF (2001) some portals still send for contact points.
VCARD_2001 = Namespace("http://www.w3.org/2001/vcard-rdf/3.0#")

__all__ = [
    "ADMS",
    "DCAT",
    "DCATAP",
    "DCATDE",
    "DCT",
    "FOAF",
    "GEODCATAP",
    "HYDRA",
    "LOCN",
    "OWL",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SCHEMA_HTTPS",
    "SKOS",
    "SPDX",
    "VCARD",
    "VCARD_2001",
    "known_context",
]

_CONTEXTS = Path(__file__).resolve().parent / "contexts"
#: Remote JSON-LD contexts replaced by bundled copies: the mapper never fetches a context.
KNOWN_CONTEXTS = {
    "https://semiceu.github.io/uri.semic.eu-generated/DCAT-AP/releases/3.0.0/html/examples/"
    "context.jsonld": "semic-dcat-ap-3.0.0.jsonld",
}


@cache
def _load(name: str) -> str:
    return (_CONTEXTS / name).read_text(encoding="utf-8")


def known_context(url: str) -> Any | None:
    """The bundled ``@context`` value for a remote context URL, or None when unknown."""
    name = KNOWN_CONTEXTS.get(url.strip())
    if not name:
        return None
    return json.loads(_load(name)).get("@context")
