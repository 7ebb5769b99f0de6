"""Challenges in schema.org: an ``Event`` and ``CreativeWork`` (dates, organiser, a virtual
location, free entry as ``offers``, prizes as ``award``)."""

from __future__ import annotations

from typing import Any

from catalogue.registry import entry_types
from interop.standards.dcat_ap import entry_iri
from interop.standards.export_loader import rel
from interop.standards.parts import SchemaOrgPart
from interop.standards.rdf import web_url
from interop.standards.schema_org import common, organisation, stated_organisation


def schema_org_node(entry: Any) -> dict[str, Any]:
    out = common(entry, ["Event", "CreativeWork"])
    organizer = stated_organisation(entry)
    if organizer is not None:
        out["organizer"] = organizer
    if entry.opens_at:
        out["startDate"] = entry.opens_at.replace(microsecond=0).isoformat()
    if entry.closes_at:
        out["endDate"] = entry.closes_at.replace(microsecond=0).isoformat()
    out["eventStatus"] = "https://schema.org/EventScheduled"
    out["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
    page = web_url(entry.landing_page) or entry_iri(entry)
    out["location"] = {"@type": "VirtualLocation", "url": page}
    # free to enter: Google reads an Event's ticket offer; the prizes go to ``award``
    offer: dict[str, Any] = {
        "@type": "Offer",
        "price": "0",
        "url": page,
        "availability": "https://schema.org/InStock",
    }
    prizes = list(rel(entry, "prizes"))
    currency = next((p.currency for p in prizes if p.currency), "")
    if currency:
        offer["priceCurrency"] = currency
    if entry.opens_at:
        offer["validFrom"] = entry.opens_at.replace(microsecond=0).isoformat()
    out["offers"] = offer
    awards = []
    for prize in prizes:
        if prize.amount is not None:
            awards.append(f"{prize.title}: {prize.amount:,.0f} {prize.currency}".strip())
        else:
            awards.append(f"{prize.title}: {prize.non_monetary}".strip(": "))
    if awards:
        out["award"] = awards
    sponsors = [organisation(p.organisation) for p in rel(entry, "partnerships")]
    if sponsors:
        out["sponsor"] = sponsors
    return out


entry_types.add_part("challenge", SchemaOrgPart, SchemaOrgPart(build=schema_org_node))
