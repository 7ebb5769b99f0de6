"""APIs in DCAT-AP 3: a ``dcat:DataService`` with its endpoint and the datasets it serves."""

from __future__ import annotations

from typing import Any

from catalogue.registry import entry_types
from interop.standards.dcat_ap import DcatBuilder, endpoint_of, lit_date, lit_text
from interop.standards.export_loader import rel
from interop.standards.namespaces import DCAT
from interop.standards.parts import DcatPart
from interop.standards.rdf import IRI, Node


def describe(writer: DcatBuilder, entry: Any) -> list[Node]:
    iri = writer.entry_iri(entry)
    node = Node(iri, [DCAT + "DataService"])
    writer.core(entry, node)
    node.add(DCAT + "endpointURL", writer.resource(endpoint_of(entry)))
    node.add(DCAT + "endpointDescription", writer.resource(entry.endpoint_description_url))
    extra: list[Node] = []
    served: dict[int, Any] = {d.pk: d for d in rel(entry, "serves_datasets")}
    for dist in rel(entry, "distributions_accessed"):
        if dist.entry is not None and dist.entry.pk not in served:
            served[dist.entry.pk] = dist.entry
    for dataset in served.values():
        node.add(DCAT + "servesDataset", IRI(writer.entry_iri(dataset)))
        extra.append(writer.stub(dataset))
    node.add(DCAT + "version", lit_text(entry.version))
    node.add(writer.eco("apiType"), lit_text(entry.api_type))
    node.add(writer.eco("authentication"), lit_text(entry.authentication))
    node.add(writer.eco("accessInstructions"), lit_text(entry.access_instructions))
    node.add(writer.eco("rateLimits"), lit_text(entry.rate_limits))
    node.add(writer.eco("availability"), lit_text(entry.availability))
    node.add(writer.eco("lifecycle"), lit_text(entry.lifecycle))
    node.add(writer.eco("sunsetDate"), lit_date(entry.sunset_date))
    node.add(writer.eco("sandboxURL"), IRI(entry.sandbox_url))
    return [node, *extra]


def complete_stub(writer: DcatBuilder, entry: Any, node: Node) -> None:
    """A data service's shape requires its endpoint, even on a stub."""
    node.add(DCAT + "endpointURL", writer.resource(endpoint_of(entry)))


entry_types.add_part(
    "api",
    DcatPart,
    DcatPart(
        rdf_class=DCAT + "DataService",
        describe=describe,
        catalog_property=DCAT + "service",
        complete_stub=complete_stub,
        dcat_us_kind="service",
    ),
)
