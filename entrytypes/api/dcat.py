"""APIs in DCAT-AP 3: a ``dcat:DataService`` with its endpoint and the datasets it serves."""

from __future__ import annotations

from typing import Any

from catalogue.access import endpoint_links
from catalogue.registry import entry_types
from interop.standards.dcat_ap import DcatBuilder, endpoint_of, lit_date, lit_text
from interop.standards.export_loader import rel
from interop.standards.namespaces import DCAT, DCT
from interop.standards.parts import DcatPart
from interop.standards.rdf import IRI, Node

from .models import access_conditions

# What the writers read of the conditions: the successor, and the APIs this one replaces.
PREFETCH = ("access_conditions__successor", "predecessor_conditions__entry")


def describe(writer: DcatBuilder, entry: Any) -> list[Node]:
    iri = writer.entry_iri(entry)
    node = Node(iri, [DCAT + "DataService"])
    writer.core(entry, node)
    node.add(DCAT + "endpointURL", writer.resource(endpoint_of(entry)))
    links = endpoint_links(entry)  # empty when the access rights withhold them
    node.add(DCAT + "endpointDescription", writer.resource(links.endpoint_description_url))
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
    node.add(writer.eco("sandboxURL"), IRI(links.sandbox_url))
    extra += _conditions(writer, entry, node)
    return [node, *extra]


def _conditions(writer: DcatBuilder, entry: Any, node: Node) -> list[Node]:
    """Pricing and registration as terms of our vocabulary; the successor as DCMI's
    ``dct:isReplacedBy`` (and ``dct:replaces`` on the successor's side), public ones only."""
    conditions = access_conditions(entry)
    linked: list[Node] = []
    if conditions is not None:
        node.add(writer.eco("costModel"), lit_text(conditions.cost_model))
        node.add(writer.eco("registration"), lit_text(conditions.registration))
        successor = conditions.successor
        if successor is not None and successor.is_published:
            node.add(DCT + "isReplacedBy", IRI(writer.entry_iri(successor)))
            linked.append(writer.stub(successor))
    for earlier in entry.predecessor_conditions.all():
        if earlier.entry.is_published and earlier.entry.entry_type == "api":
            node.add(DCT + "replaces", IRI(writer.entry_iri(earlier.entry)))
    return linked


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
        prefetch=PREFETCH,
    ),
)
