"""Challenges in DCAT-AP 3: a ``dcat:Resource`` and ``schema:Event`` with ``eco:`` terms."""

from __future__ import annotations

from typing import Any

from catalogue.registry import entry_types
from catalogue.sanitise import html_to_text
from interop.standards.dcat_ap import DcatBuilder, lit_date, lit_datetime, lit_decimal, lit_text
from interop.standards.export_loader import rel
from interop.standards.namespaces import DCAT, SCHEMA, XSD
from interop.standards.parts import DcatPart
from interop.standards.rdf import IRI, Lit, Node

from .status import challenge_status


def describe(writer: DcatBuilder, entry: Any) -> list[Node]:
    node = Node(
        writer.entry_iri(entry), [DCAT + "Resource", SCHEMA + "Event", writer.eco("Challenge")]
    )
    writer.core(entry, node)
    extra: list[Node] = []
    if entry.problem_statement:
        node.add(writer.eco("problemStatement"), Lit(html_to_text(entry.problem_statement)))
    node.add(writer.eco("challengeType"), lit_text(entry.challenge_type))
    node.add(writer.eco("challengeStatus"), lit_text(challenge_status(entry)))
    node.add(SCHEMA + "startDate", lit_datetime(entry.opens_at))
    node.add(SCHEMA + "endDate", lit_datetime(entry.closes_at))
    node.add(writer.eco("judgingEndsAt"), lit_datetime(entry.judging_ends_at))
    node.add(writer.eco("eligibility"), lit_text(entry.eligibility))
    node.add(writer.eco("howToEnter"), lit_text(entry.how_to_enter))
    node.add(writer.eco("outcomes"), lit_text(entry.outcomes))
    writer.partners(entry, node, extra)
    for phase in rel(entry, "phases"):
        p = Node("", [writer.eco("Phase")])
        p.add(SCHEMA + "name", Lit(phase.name))
        p.add(SCHEMA + "startDate", lit_date(phase.starts_on))
        p.add(SCHEMA + "endDate", lit_date(phase.ends_on))
        p.add(SCHEMA + "description", lit_text(phase.description))
        node.add(writer.eco("phase"), p)
    for prize in rel(entry, "prizes"):
        p = Node("", [writer.eco("Prize"), SCHEMA + "MonetaryAmount"])
        p.add(SCHEMA + "name", Lit(prize.title))
        p.add(SCHEMA + "value", lit_decimal(prize.amount))
        p.add(SCHEMA + "currency", lit_text(prize.currency))
        p.add(writer.eco("nonMonetaryAward"), lit_text(prize.non_monetary))
        node.add(writer.eco("prize"), p)
    for criterion in rel(entry, "criteria"):
        c = Node("", [writer.eco("JudgingCriterion")])
        c.add(SCHEMA + "name", Lit(criterion.name))
        c.add(writer.eco("weight"), Lit(str(criterion.weight), datatype=XSD + "integer"))
        c.add(SCHEMA + "description", lit_text(criterion.description))
        node.add(writer.eco("judgingCriterion"), c)
    for winner in rel(entry, "winners"):
        w = Node("", [writer.eco("Winner")])
        w.add(SCHEMA + "name", Lit(winner.name))
        if winner.organisation_id and winner.organisation is not None:
            w.add(writer.eco("organisation"), writer.agent_ref(winner.organisation))
            extra.extend(writer.agents([winner.organisation]))
        w.add(writer.eco("prizeWon"), lit_text(winner.prize))
        w.add(SCHEMA + "description", lit_text(winner.description))
        node.add(writer.eco("winner"), w)
    writer.documents(entry, node)
    for resource in rel(entry, "offered_resources"):
        node.add(writer.eco("offersResource"), IRI(writer.entry_iri(resource)))
        extra.append(writer.stub(resource))
    return [node, *extra]


entry_types.add_part(
    "challenge",
    DcatPart,
    DcatPart(rdf_class=DCAT + "Resource", describe=describe, catalog_property=DCAT + "resource"),
)
