"""Protocols by name: the one place that says which harvester class serves a protocol.

Entries are dotted paths imported on first use, so a protocol's dependencies (rdflib...) load
only when a source of that protocol runs, and adding a protocol is one line here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.utils.functional import Promise

    from .base import Harvester


@dataclass(frozen=True)
class ProtocolInfo:
    name: str
    label: Promise | str
    harvester: str  # dotted path of the Harvester subclass


PROTOCOLS: dict[str, ProtocolInfo] = {
    info.name: info
    for info in (
        ProtocolInfo(
            "dcat",
            _("DCAT / DCAT-AP (RDF/XML, Turtle, JSON-LD)"),
            "harvesters.dcat.client.DcatHarvester",
        ),
        ProtocolInfo("ckan", _("CKAN Action API"), "harvesters.ckan.client.CkanHarvester"),
        ProtocolInfo(
            "datajson", _("DCAT-US data.json"), "harvesters.datajson.client.DataJsonHarvester"
        ),
        ProtocolInfo(
            "socrata", _("Socrata Discovery API"), "harvesters.socrata.client.SocrataHarvester"
        ),
        ProtocolInfo(
            "opendatasoft",
            _("OpenDataSoft Explore API"),
            "harvesters.opendatasoft.client.OpenDataSoftHarvester",
        ),
        ProtocolInfo(
            "openapi",
            _("OpenAPI / Swagger document or APIs.guru directory"),
            "harvesters.openapi.client.OpenApiHarvester",
        ),
    )
}


def protocol_choices() -> list[tuple[str, str]]:
    return [(info.name, str(info.label)) for info in PROTOCOLS.values()]


@cache
def get_harvester_class(name: str) -> type[Harvester]:
    """The harvester class of a protocol; ``KeyError`` for an unknown protocol name."""
    info = PROTOCOLS[name]
    module_path, _sep, class_name = info.harvester.rpartition(".")
    cls: type[Harvester] = getattr(import_module(module_path), class_name)
    return cls
