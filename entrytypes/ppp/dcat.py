"""PPP projects in DCAT-AP 3: a ``dcat:Resource`` and ``schema:Project`` with ``eco:`` terms."""

from __future__ import annotations

from typing import Any

from catalogue.registry import entry_types
from interop.standards.dcat_ap import DcatBuilder, lit_date, lit_decimal, lit_text
from interop.standards.export_loader import rel
from interop.standards.namespaces import DCAT, DCT, RDFS, SCHEMA, XSD
from interop.standards.parts import DcatPart
from interop.standards.rdf import IRI, Lit, Node


def describe(writer: DcatBuilder, entry: Any) -> list[Node]:
    node = Node(
        writer.entry_iri(entry), [DCAT + "Resource", SCHEMA + "Project", writer.eco("PPPProject")]
    )
    writer.core(entry, node)
    extra: list[Node] = []
    if entry.project_status_id and entry.project_status is not None:
        node.add(writer.eco("projectStatus"), Lit(entry.project_status.code))
    node.add(writer.eco("sector"), lit_text(entry.sector))
    node.add(writer.eco("contractType"), lit_text(entry.contract_type))
    if entry.total_investment is not None:
        amount = Node("", [SCHEMA + "MonetaryAmount"])
        amount.add(SCHEMA + "value", lit_decimal(entry.total_investment))
        amount.add(SCHEMA + "currency", lit_text(entry.currency))
        node.add(writer.eco("totalInvestment"), amount)
    if entry.public_authority_id and entry.public_authority is not None:
        node.add(writer.eco("publicAuthority"), writer.agent_ref(entry.public_authority))
        extra.extend(writer.agents([entry.public_authority]))
    node.add(writer.eco("governmentSupport"), lit_text(entry.government_support))
    writer.partners(entry, node, extra)
    for milestone in rel(entry, "milestones"):
        m = Node("", [writer.eco("Milestone")])
        m.add(writer.eco("milestoneKind"), Lit(milestone.kind))
        m.add(DCT + "date", lit_date(milestone.date))
        m.add(
            writer.eco("planned"),
            Lit("true" if milestone.planned else "false", datatype=XSD + "boolean"),
        )
        m.add(RDFS + "comment", lit_text(milestone.note))
        node.add(writer.eco("milestone"), m)
    for risk in rel(entry, "risks"):
        r = Node("", [writer.eco("RiskAllocation")])
        r.add(writer.eco("riskCategory"), Lit(risk.category))
        r.add(writer.eco("allocation"), Lit(risk.allocation))
        r.add(RDFS + "comment", lit_text(risk.note))
        node.add(writer.eco("risk"), r)
    writer.documents(entry, node)
    for dataset in rel(entry, "related_datasets"):
        node.add(DCT + "relation", IRI(writer.entry_iri(dataset)))
        extra.append(writer.stub(dataset))
    return [node, *extra]


entry_types.add_part(
    "ppp",
    DcatPart,
    DcatPart(rdf_class=DCAT + "Resource", describe=describe, catalog_property=DCAT + "resource"),
)
