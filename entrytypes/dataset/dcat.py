"""Datasets in DCAT-AP 3: a ``dcat:Dataset`` with its distributions; every API serving it
adds a distribution whose ``dcat:accessService`` points at the API (aggregators find APIs so)."""

from __future__ import annotations

from typing import Any

from catalogue.registry import entry_types
from interop.standards.dcat_ap import DcatBuilder, endpoint_of, lit_text
from interop.standards.export_loader import rel
from interop.standards.namespaces import DCAT, DCT, XSD
from interop.standards.parts import DcatPart
from interop.standards.rdf import IRI, Lit, Node


def describe(writer: DcatBuilder, entry: Any) -> list[Node]:
    iri = writer.entry_iri(entry)
    node = Node(iri, [DCAT + "Dataset"])
    writer.core(entry, node, licence_on_entry=True)
    node.add(
        DCT + "accrualPeriodicity",
        writer.frequency(entry.frequency, entry.get_frequency_display())
        if entry.frequency
        else None,
    )
    node.add(DCAT + "version", lit_text(entry.version))
    node.add_all(
        DCT + "conformsTo",
        (writer.standard(u) for u in entry.conforms_to or [] if isinstance(u, str)),
    )
    node.add(
        writer.eco("containsPersonalData"),
        Lit("true" if entry.contains_personal_data else "false", datatype=XSD + "boolean"),
    )
    extra: list[Node] = []
    if entry.in_series_id and entry.in_series is not None:
        node.add(writer.eco("inSeries"), IRI(writer.entry_iri(entry.in_series)))
    linked_services: set[int] = set()
    apis: dict[int, Any] = {}
    for dist in rel(entry, "distributions"):
        dist_node = writer.distribution(entry, dist)
        node.add(DCAT + "distribution", dist_node)
        if dist.access_service_id and dist.access_service is not None:
            linked_services.add(dist.access_service_id)
            apis[dist.access_service_id] = dist.access_service
    for api in rel(entry, "served_by"):
        apis.setdefault(api.pk, api)
    for api in apis.values():
        # linked both ways: the API serves this dataset ...
        extra.append(writer.stub(api))
        extra[-1].add(DCAT + "servesDataset", IRI(iri))
        if api.pk in linked_services:
            continue
        # ... and a distribution gives access through it: aggregators follow that link
        dist_node = Node(f"{iri}#api-{api.pk}", [DCAT + "Distribution"])
        dist_node.add(DCT + "title", Lit(api.title))
        dist_node.add(DCAT + "accessURL", writer.resource(endpoint_of(api)))
        dist_node.add(DCAT + "accessService", IRI(writer.entry_iri(api)))
        dist_node.add(DCT + "license", writer.licence(entry.licence))
        node.add(DCAT + "distribution", dist_node)
    return [node, *extra]


entry_types.add_part(
    "dataset",
    DcatPart,
    DcatPart(
        rdf_class=DCAT + "Dataset",
        describe=describe,
        catalog_property=DCAT + "dataset",
        dcat_us_kind="dataset",
    ),
)
