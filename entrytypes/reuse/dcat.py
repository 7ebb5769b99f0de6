"""Reuses in DCAT-AP 3: a ``dcat:Resource`` that is also a ``schema:CreativeWork`` (or a
``schema:SoftwareApplication`` for applications and API clients), related (``dct:relation``)
to the datasets and APIs it uses, each described by a stub so the document validates alone.

Only schema.org, DCTERMS and FOAF terms: a reuse needs nothing of our own vocabulary.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch

from catalogue.models import Entry
from catalogue.registry import entry_types
from interop.standards.dcat_ap import DcatBuilder
from interop.standards.namespaces import DCAT, DCT, FOAF, SCHEMA
from interop.standards.parts import DcatPart
from interop.standards.rdf import IRI, Lit, Node

from .models import Reuse, as_reuse

STUB_FIELDS = (
    "id",
    "entry_type",
    "slug",
    "title",
    "summary",
    "description",
    "endpoint_url",
    "access_rights",  # an endpoint is published only when access is public
    "landing_page",
    "identifier",
)


def schema_class(reuse: Reuse) -> str:
    return SCHEMA + ("SoftwareApplication" if reuse.is_software else "CreativeWork")


def published_uses(reuse: Reuse) -> list[Entry]:
    """The published datasets and APIs used: prefetched by the export, else read here."""
    return [e for e in reuse.uses.all() if e.is_published]


def describe(writer: DcatBuilder, entry: Any) -> list[Node]:
    reuse = as_reuse(entry)
    node = Node(writer.entry_iri(entry), [DCAT + "Resource", schema_class(reuse)])
    writer.core(entry, node)
    node.add(SCHEMA + "url", IRI(reuse.url) if reuse.url else None)
    kind = SCHEMA + ("applicationCategory" if reuse.is_software else "genre")
    node.add(kind, Lit(reuse.get_reuse_kind_display()))
    if reuse.author_name:
        author = Node("", [FOAF + "Agent"])
        author.add(FOAF + "name", Lit(reuse.author_name))
        node.add(DCT + "creator", author)
    if reuse.image is not None and reuse.image.file:
        node.add(SCHEMA + "image", IRI(writer.base + reuse.image.file.url))
    extra: list[Node] = []
    for used in published_uses(reuse):
        node.add(DCT + "relation", IRI(writer.entry_iri(used)))
        extra.append(writer.stub(used))
    return [node, *extra]


# What ``describe`` reads, loaded for a whole chunk of reuses (ExportLoader): the reuse's row
# with its image, and the entries it uses (stub fields; ``published_uses`` filters them).
PREFETCH = (
    Prefetch(
        "reuse",
        queryset=Reuse.objects.select_related("image").prefetch_related(
            Prefetch("uses", queryset=Entry.objects.only(*STUB_FIELDS, "live", "withdrawn_at"))
        ),
    ),
)

entry_types.add_part(
    "reuse",
    DcatPart,
    DcatPart(
        rdf_class=DCAT + "Resource",
        describe=describe,
        catalog_property=DCAT + "resource",
        prefetch=PREFETCH,
    ),
)
