"""Every RDF namespace the standard interfaces write or read, with its prefix: one table.

The DCAT-AP writers, the ``eco:`` vocabulary, the prefix table of the three RDF formats and
the DCAT harvester all take their namespace IRIs from here.
"""

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
VCARD = "http://www.w3.org/2006/vcard/ns#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ADMS = "http://www.w3.org/ns/adms#"
SPDX = "http://spdx.org/rdf/terms#"
LOCN = "http://www.w3.org/ns/locn#"
HYDRA = "http://www.w3.org/ns/hydra/core#"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
OWL = "http://www.w3.org/2002/07/owl#"
DCATAP = "http://data.europa.eu/r5r/"

# Prefix -> namespace, in the order the documents declare them.
PREFIXES: dict[str, str] = {
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "dcat": DCAT,
    "dct": DCT,
    "foaf": FOAF,
    "vcard": VCARD,
    "skos": SKOS,
    "adms": ADMS,
    "spdx": SPDX,
    "locn": LOCN,
    "hydra": HYDRA,
    "schema": SCHEMA,
    "prov": PROV,
    "owl": OWL,
    "dcatap": DCATAP,
}
