"""Our ``eco:`` namespace: the facts DCAT-AP and schema.org have no term for.

Served as RDFS at ``/ns/eco`` (the namespace IRI is ``<base>/ns/eco#``) and documented in
docs/vocabulary.md; a test checks that every term the export writes is defined here and there.
Code-list values (sector, contract type, roles...) are the catalogue's codes, listed in
``catalogue/models/choices.py``.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef

from .namespaces import DCAT, FOAF, PREFIXES, SCHEMA
from .rdf import eco_namespace

# name: (label, comment, domain or "", range or "")
CLASSES: dict[str, tuple[str, str, str]] = {
    "PPPProject": (
        "PPP project",
        "A public-private partnership project (also dcat:Resource and schema:Project).",
        SCHEMA + "Project",
    ),
    "Challenge": (
        "Challenge",
        "An innovation challenge, prize competition or hackathon "
        "(also dcat:Resource and schema:Event).",
        SCHEMA + "Event",
    ),
    "Partnership": ("Partnership", "An organisation's part in a PPP project or challenge.", ""),
    "Milestone": ("Milestone", "A PPP project milestone (tender, award, financial close...).", ""),
    "RiskAllocation": ("Risk allocation", "Who bears one category of risk in a PPP project.", ""),
    "Phase": ("Phase", "A phase of a challenge's timeline.", ""),
    "Prize": (
        "Prize",
        "A challenge prize: an amount (schema:value, schema:currency) or a non-monetary award.",
        SCHEMA + "MonetaryAmount",
    ),
    "JudgingCriterion": ("Judging criterion", "A weighted criterion of a challenge's jury.", ""),
    "Winner": ("Winner", "A team or entrant that won a challenge prize.", ""),
}

_ANY = ""
PROPERTIES: dict[str, tuple[str, str, str, str]] = {
    "entryType": ("entry type", "dataset, api, ppp or challenge.", _ANY, XSD.string),
    "sourceRecord": (
        "source record",
        "The record at the portal this entry was harvested from.",
        _ANY,
        "",
    ),
    "organisationKind": (
        "organisation kind",
        "government, business, academia, civil-society or international.",
        FOAF + "Agent",
        XSD.string,
    ),
    "containsPersonalData": ("contains personal data", "", DCAT + "Dataset", XSD.boolean),
    "inSeries": (
        "in series",
        "The dataset this one is a member of (a series).",
        DCAT + "Dataset",
        DCAT + "Dataset",
    ),
    "apiType": (
        "API type",
        "rest, asyncapi, graphql, soap, odata, sparql, ogc, other.",
        DCAT + "DataService",
        XSD.string,
    ),
    "authentication": (
        "authentication",
        "none, api-key, oauth2, registration.",
        DCAT + "DataService",
        XSD.string,
    ),
    "accessInstructions": ("how to get access", "", DCAT + "DataService", XSD.string),
    "rateLimits": ("rate limits", "", DCAT + "DataService", XSD.string),
    "availability": (
        "availability",
        "Availability or service level, in words.",
        DCAT + "DataService",
        XSD.string,
    ),
    "lifecycle": (
        "lifecycle",
        "experimental, production, deprecated, retired.",
        DCAT + "DataService",
        XSD.string,
    ),
    "sunsetDate": ("sunset date", "When a deprecated API stops.", DCAT + "DataService", XSD.date),
    "sandboxURL": ("sandbox URL", "", DCAT + "DataService", ""),
    "costModel": (
        "pricing",
        "free, free-tier (free with limits), paid.",
        DCAT + "DataService",
        XSD.string,
    ),
    "registration": (
        "registration",
        "required, not-required; absent when not known.",
        DCAT + "DataService",
        XSD.string,
    ),
    "projectStatus": ("project status", "OC4IDS projectStatus code.", "PPPProject", XSD.string),
    "sector": ("sector", "", "PPPProject", XSD.string),
    "contractType": ("contract type", "World Bank PPI contract type.", "PPPProject", XSD.string),
    "totalInvestment": ("total investment", "", "PPPProject", SCHEMA + "MonetaryAmount"),
    "publicAuthority": ("public authority", "", "PPPProject", FOAF + "Agent"),
    "governmentSupport": ("government support", "", "PPPProject", XSD.string),
    "partner": ("partner", "", _ANY, "Partnership"),
    "organisation": ("organisation", "", _ANY, FOAF + "Agent"),
    "role": (
        "role",
        "lead, investor, operator, constructor, lender, advisor, co-organiser, "
        "sponsor, data-provider, academic.",
        "Partnership",
        XSD.string,
    ),
    "milestone": ("milestone", "", "PPPProject", "Milestone"),
    "milestoneKind": (
        "milestone kind",
        "tender, award, financial-close, construction, operation, completion.",
        "Milestone",
        XSD.string,
    ),
    "planned": (
        "planned",
        "True while the milestone is not reached yet.",
        "Milestone",
        XSD.boolean,
    ),
    "risk": ("risk", "", "PPPProject", "RiskAllocation"),
    "riskCategory": ("risk category", "OC4IDS risk category.", "RiskAllocation", XSD.string),
    "allocation": ("allocation", "public, private or shared.", "RiskAllocation", XSD.string),
    "documentType": ("document type", "", FOAF + "Document", XSD.string),
    "problemStatement": ("problem statement", "", "Challenge", XSD.string),
    "challengeType": (
        "challenge type",
        "idea, design, prototype, hackathon, procurement.",
        "Challenge",
        XSD.string,
    ),
    "challengeStatus": (
        "challenge status",
        "upcoming, open, judging or closed, derived from the dates at export time.",
        "Challenge",
        XSD.string,
    ),
    "judgingEndsAt": ("results announced", "", "Challenge", XSD.dateTime),
    "eligibility": ("eligibility", "", "Challenge", XSD.string),
    "howToEnter": ("how to enter", "", "Challenge", XSD.string),
    "outcomes": ("outcomes", "", "Challenge", XSD.string),
    "phase": ("phase", "", "Challenge", "Phase"),
    "prize": ("prize", "", "Challenge", "Prize"),
    "nonMonetaryAward": ("non-monetary award", "", "Prize", XSD.string),
    "judgingCriterion": ("judging criterion", "", "Challenge", "JudgingCriterion"),
    "weight": ("weight", "Percentage of the total score.", "JudgingCriterion", XSD.integer),
    "winner": ("winner", "", "Challenge", "Winner"),
    "prizeWon": ("prize won", "", "Winner", XSD.string),
    "offersResource": (
        "offers resource",
        "A dataset or API offered to participants.",
        "Challenge",
        "",
    ),
}


def _iri(value: str, eco: Namespace) -> URIRef:
    return URIRef(value) if ":" in value else eco[value]


def graph() -> Graph:
    eco = Namespace(eco_namespace())
    g = Graph()
    for prefix, base in PREFIXES.items():
        g.bind(prefix, base)
    g.bind("eco", eco)
    ontology = URIRef(eco_namespace().rstrip("#"))
    g.add((ontology, RDF.type, URIRef("http://www.w3.org/2002/07/owl#Ontology")))
    g.add((ontology, RDFS.label, Literal("Ecosystem catalogue vocabulary", lang="en")))
    g.add(
        (
            ontology,
            RDFS.comment,
            Literal(
                "Terms for PPP projects, challenges and API facts that DCAT-AP 3 and schema.org do "
                "not cover. See docs/vocabulary.md.",
                lang="en",
            ),
        )
    )
    for name, (label, comment, parent) in CLASSES.items():
        term = eco[name]
        g.add((term, RDF.type, RDFS.Class))
        g.add((term, RDFS.label, Literal(label, lang="en")))
        g.add((term, RDFS.comment, Literal(comment, lang="en")))
        g.add((term, RDFS.isDefinedBy, ontology))
        if parent:
            g.add((term, RDFS.subClassOf, URIRef(parent)))
    for name, (label, comment, domain, range_) in PROPERTIES.items():
        term = eco[name]
        g.add((term, RDF.type, RDF.Property))
        g.add((term, RDFS.label, Literal(label, lang="en")))
        if comment:
            g.add((term, RDFS.comment, Literal(comment, lang="en")))
        g.add((term, RDFS.isDefinedBy, ontology))
        if domain:
            g.add((term, RDFS.domain, _iri(domain, eco)))
        if range_:
            g.add((term, RDFS.range, _iri(str(range_), eco)))
    return g


def turtle() -> str:
    return graph().serialize(format="turtle")
