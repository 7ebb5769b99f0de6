"""Metadata quality, modelled on data.europa.eu's Metadata Quality Assessment (MQA).

Five dimensions (findability, accessibility, interoperability, reusability, contextuality);
each check names the field and the fix, so editors see what would raise the score. The score
is also a ranking signal. Pure: it reads an entry and its prefetched parts, writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from .registry import entry_types

if TYPE_CHECKING:
    from .models import Entry

OPEN_FORMATS = {
    "CSV",
    "JSON",
    "GEOJSON",
    "XML",
    "RDF",
    "TTL",
    "JSONLD",
    "JSON-LD",
    "PARQUET",
    "ODS",
    "GPKG",
    "KML",
    "GML",
    "TXT",
    "NETCDF",
    "GTFS",
    "SHP",
    "ZIP",
}


@dataclass(frozen=True)
class Check:
    dimension: str
    field: str
    points: int
    fix: Any  # lazy translated string


CHECKS = [
    Check("findability", "keywords", 10, _("Add keywords people would search for.")),
    Check("findability", "themes", 10, _("Choose at least one theme.")),
    Check("findability", "countries", 5, _("Say which countries the entry covers.")),
    Check("findability", "temporal", 5, _("Give the period the entry covers.")),
    Check("accessibility", "access_url", 15, _("Give an access URL or endpoint that works.")),
    Check("accessibility", "download_url", 5, _("Give a direct download URL.")),
    Check("interoperability", "format", 10, _("State the format of every distribution.")),
    Check("interoperability", "open_format", 10, _("Offer an open, machine-readable format.")),
    Check("reusability", "licence", 15, _("Choose a licence so people know they may reuse it.")),
    Check("reusability", "publisher", 5, _("Publisher not stated: name who publishes it.")),
    Check("reusability", "contact", 5, _("Give a contact point.")),
    Check("reusability", "description", 5, _("Describe the entry in a few sentences.")),
    Check("contextuality", "modified", 5, _("Say when it was last modified.")),
]
MAX_POINTS = sum(check.points for check in CHECKS)


def _passes(entry: Entry, field: str, distributions: list[Any]) -> bool:
    """Whether an entry passes one check: the type's own rule first, else the shared one.

    The shared rules of the distribution checks pass for types that have no distributions.
    """
    if entry.entry_type in entry_types:
        rule = entry_types.get(entry.entry_type).quality_rules.get(field)
        if rule is not None:
            return rule(entry, distributions)
    if field == "keywords":
        return bool(entry.keywords)
    if field == "themes":
        return entry.pk is not None and bool(entry.themes.all())
    if field == "countries":
        return bool(entry.spatial_label) or (entry.pk is not None and bool(entry.countries.all()))
    if field == "access_url":
        return bool(entry.landing_page)
    if field in ("temporal", "download_url", "format", "open_format"):
        return True
    if field == "licence":
        return entry.licence_id is not None
    if field == "publisher":
        return bool(getattr(entry, "publisher_stated", True))
    if field == "contact":
        return bool(entry.contact_email or entry.contact_url)
    if field == "description":
        return len(entry.description or "") >= 80
    if field == "modified":
        return entry.modified is not None
    raise ValueError(field)


def assess_quality(entry: Entry, distributions: list[Any] | None = None) -> tuple[int, dict]:
    """Return (score 0-100, report) for an entry; the report lists the fixes that remain."""
    if distributions is None:
        distributions = list(entry.distributions.all()) if entry.pk else []
    earned = 0
    dimensions: dict[str, dict[str, int]] = {}
    fixes = []
    for check in CHECKS:
        dim = dimensions.setdefault(check.dimension, {"earned": 0, "max": 0})
        dim["max"] += check.points
        if _passes(entry, check.field, distributions):
            earned += check.points
            dim["earned"] += check.points
        else:
            fixes.append({"field": check.field, "points": check.points, "fix": str(check.fix)})
    score = round(100 * earned / MAX_POINTS)
    return score, {"dimensions": dimensions, "fixes": fixes}
