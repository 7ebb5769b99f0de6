"""PPP projects in schema.org: a ``Project`` (partners as ``OrganizationRole``, investment)."""

from __future__ import annotations

from typing import Any

from catalogue.publisher import stated_publisher
from catalogue.registry import entry_types
from interop.standards.export_loader import rel
from interop.standards.parts import SchemaOrgPart
from interop.standards.schema_org import common, organisation, place


def schema_org_node(entry: Any) -> dict[str, Any]:
    out = common(entry, "Project", creative_work=False)
    authority = entry.public_authority or stated_publisher(entry)
    if authority is not None:
        out["parentOrganization"] = organisation(authority)
    members = [
        {
            "@type": "OrganizationRole",
            "roleName": p.get_role_display(),
            "member": organisation(p.organisation),
        }
        for p in rel(entry, "partnerships")
    ]
    if members:
        out["member"] = members
    where = place(entry)
    if where:
        out["location"] = where
    if entry.total_investment is not None and entry.currency:
        out["funding"] = {
            "@type": "MonetaryGrant",
            "name": "Total investment",
            "amount": {
                "@type": "MonetaryAmount",
                "value": str(entry.total_investment),
                "currency": entry.currency,
            },
        }
    return out


entry_types.add_part("ppp", SchemaOrgPart, SchemaOrgPart(build=schema_org_node))
