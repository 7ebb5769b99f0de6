"""Component schemas of the OpenAPI document: one per JSON shape ``serializers.py`` makes.

Built from the model's code lists, so a new code appears in the enums without a second edit;
each entry type's own properties come from its part (``interop.api.parts``).
Every object is closed (``additionalProperties: false``, all properties required), so a
field the serializers add without describing it fails the tests that validate responses.
"""

from typing import Any

from catalogue.models import (
    AccessRights,
    OrganisationKind,
    Origin,
    PartnerRole,
    ThemeScheme,
)
from search.facets import facet_names
from search.query import MAX_PAGE_SIZE as SEARCH_MAX_PAGE_SIZE

from . import params
from .parts import api_parts, api_type_paths

Schema = dict[str, Any]
REF = "#/components/schemas/"

# --- schema helpers ----------------------------------------------------------------------


def entry_types_in_api() -> list[str]:
    return list(api_parts())


def entry_type_codes() -> Schema:
    return {"type": "string", "enum": entry_types_in_api()}


def ref(name: str) -> Schema:
    return {"$ref": REF + name}


def nullable(schema: Schema) -> Schema:
    if set(schema) == {"type"} or ("type" in schema and "$ref" not in schema):
        result = dict(schema)
        result["type"] = [schema["type"], "null"]
        if "enum" in result:
            result["enum"] = [*result["enum"], None]
        return result
    return {"anyOf": [schema, {"type": "null"}]}


def obj(properties: dict[str, Schema], description: str = "") -> Schema:
    """A closed object: every property documented, every one always present."""
    schema: Schema = {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
    if description:
        schema["description"] = description
    return schema


def array(items: Schema) -> Schema:
    return {"type": "array", "items": items}


def codes(choices: Any, description: str = "") -> Schema:
    schema: Schema = {"type": "string", "enum": [str(v) for v in choices.values]}
    if description:
        schema["description"] = description
    return schema


STRING: Schema = {"type": "string"}
TEXT_OR_NULL: Schema = {"type": ["string", "null"]}
WITHHELD = "null when the dataset's access rights are not public (catalogue.access)"
URI: Schema = {"type": "string", "format": "uri"}
DATE_TIME_OR_NULL: Schema = {"type": ["string", "null"], "format": "date-time"}
DATE_OR_NULL: Schema = {"type": ["string", "null"], "format": "date"}
MONEY_OR_NULL: Schema = {
    "type": ["string", "null"],
    "pattern": r"^-?\d+(\.\d+)?$",
    "description": "A decimal amount as a string, so no precision is lost.",
}


# --- component schemas -----------------------------------------------------------------


def _reference_schemas() -> dict[str, Schema]:
    """The shared building blocks every entry type's schemas refer to."""
    return {**_envelope_schemas(), **_link_schemas(), **_part_schemas()}


def _envelope_schemas() -> dict[str, Schema]:
    """What wraps every answer: errors and the paging links."""
    return {
        "Error": obj(
            {
                "error": obj(
                    {
                        "message": {
                            "type": "string",
                            "description": "What went wrong, in plain words.",
                        },
                        "parameter": {
                            "type": ["string", "null"],
                            "description": "The query parameter at fault, if one is.",
                        },
                    }
                )
            }
        ),
        "Links": obj(
            {
                "next": {"type": ["string", "null"], "format": "uri"},
                "previous": {"type": ["string", "null"], "format": "uri"},
            },
            "Absolute URLs of the neighbouring pages, with every other parameter kept.",
        ),
    }


def _link_schemas() -> dict[str, Schema]:
    """Links to other published objects: entries, organisations, themes."""
    return {
        "EntryRef": obj(
            {
                "type": entry_type_codes(),
                "slug": STRING,
                "title": STRING,
                "url": {**URI, "description": "The entry's page on the site."},
                "api_url": {**URI, "description": "The entry in this API."},
            },
            "A link to another published entry.",
        ),
        "OrganisationRef": obj(
            {
                "slug": STRING,
                "name": STRING,
                "kind": codes(OrganisationKind),
                "url": URI,
                "api_url": URI,
            }
        ),
        "ThemeRef": obj(
            {
                "slug": STRING,
                "code": {
                    "type": "string",
                    "description": "EU data theme code (e.g. ENVI) or SDG1..17",
                },
                "scheme": codes(ThemeScheme),
                "name": STRING,
                "uri": {"type": "string", "description": "The theme's authority URI."},
                "api_url": URI,
            }
        ),
    }


def _part_schemas() -> dict[str, Schema]:
    """The parts an entry holds: licence, documents, partners, distributions."""
    return {
        "Licence": obj(
            {
                "spdx_id": {"type": "string", "description": "SPDX licence identifier"},
                "name": STRING,
                "url": TEXT_OR_NULL,
                "is_open": {"type": "boolean", "description": "Conforms to the Open Definition."},
                "eu_uri": {**TEXT_OR_NULL, "description": "EU licence authority URI"},
            }
        ),
        "Document": obj({"title": STRING, "url": STRING, "document_type": TEXT_OR_NULL}),
        "Partner": obj(
            {
                "organisation": ref("OrganisationRef"),
                "role": codes(PartnerRole),
                "note": TEXT_OR_NULL,
            }
        ),
        "Distribution": obj(
            {
                "title": TEXT_OR_NULL,
                "description": TEXT_OR_NULL,
                "access_url": {**TEXT_OR_NULL, "description": WITHHELD},
                "download_url": {**TEXT_OR_NULL, "description": WITHHELD},
                "media_type": {**TEXT_OR_NULL, "description": "IANA media type"},
                "format": TEXT_OR_NULL,
                "byte_size": {"type": ["integer", "null"], "minimum": 0},
                "licence": nullable(ref("Licence")),
                "checksum": {**TEXT_OR_NULL, "description": "SHA-256 of the file"},
                "access_service": nullable(ref("EntryRef")),
            },
            "A way to get the data [dcat:Distribution].",
        ),
    }


def _summary_properties() -> dict[str, Schema]:
    return {
        "id": {"type": "integer"},
        "type": entry_type_codes(),
        "slug": STRING,
        "title": STRING,
        "url": URI,
        "api_url": URI,
        "summary": STRING,
        "publisher": nullable(ref("OrganisationRef")),  # null: not stated (ADR 0023)
        "catalogued_by": ref("OrganisationRef"),
        "themes": array(ref("ThemeRef")),
        "keywords": array(STRING),
        "licence": nullable(ref("Licence")),
        "access_rights": codes(AccessRights),
        "countries": array({"type": "string", "description": "ISO 3166-1 alpha-2"}),
        "issued": DATE_TIME_OR_NULL,
        "modified": DATE_TIME_OR_NULL,
    }


def _core_properties() -> dict[str, Schema]:
    props = _summary_properties()
    props["countries"] = array(obj({"code": STRING, "name": STRING}))
    props.update(
        {
            "description": {"type": "string", "description": "Sanitised HTML."},
            "identifier": {
                **TEXT_OR_NULL,
                "description": "A stable identifier URI [dct:identifier]",
            },
            "landing_page": TEXT_OR_NULL,
            "contact_point": obj(
                {"name": TEXT_OR_NULL, "email": TEXT_OR_NULL, "url": TEXT_OR_NULL}
            ),
            "spatial_label": TEXT_OR_NULL,
            "temporal": obj({"start": DATE_OR_NULL, "end": DATE_OR_NULL}),
            "languages": array(
                obj({"code": {"type": "string", "description": "ISO 639-1"}, "name": STRING})
            ),
            "status": {"type": "string", "enum": ["published"]},
            "provenance": obj(
                {
                    "origin": codes(Origin),
                    "remote_url": TEXT_OR_NULL,
                    "last_harvested_at": DATE_TIME_OR_NULL,
                    "content_hash": TEXT_OR_NULL,
                    "overridden_fields": array(STRING),
                },
                "Where the entry comes from; harvests keep the fields an editor overrode.",
            ),
            "quality_score": {"type": "integer", "minimum": 0, "maximum": 100},
            "documents": array(ref("Document")),
        }
    )
    return props


def _paged(item: Schema, description: str) -> Schema:
    return obj(
        {
            "count": {"type": "integer", "minimum": 0, "description": "Matches in all pages."},
            "page": {"type": "integer", "minimum": 1},
            "page_size": {"type": "integer", "minimum": 1, "maximum": params.MAX_PAGE_SIZE},
            "results": array(item),
            "links": ref("Links"),
        },
        description,
    )


def _organisation_and_theme_schemas() -> dict[str, Schema]:
    type_keys = {key: {"type": "integer", "minimum": 0} for key in entry_types_in_api()}
    type_links = {path.replace("-", "_"): URI for path in api_type_paths()}
    org_summary = {
        "slug": STRING,
        "name": STRING,
        "kind": codes(OrganisationKind),
        "url": URI,
        "api_url": URI,
        "country": {**TEXT_OR_NULL, "description": "ISO 3166-1 alpha-2"},
        "website": TEXT_OR_NULL,
        "entry_count": {
            "type": "integer",
            "minimum": 0,
            "description": "Published entries it publishes.",
        },
    }
    theme_summary = {
        "slug": STRING,
        "code": STRING,
        "scheme": codes(ThemeScheme),
        "name": STRING,
        "uri": STRING,
        "api_url": URI,
        "description": TEXT_OR_NULL,
        "url": URI,
        "entry_count": {"type": "integer", "minimum": 0},
    }
    counts = obj(type_keys, "Published entries per type.")
    return {
        "OrganisationSummary": obj(org_summary),
        "Organisation": obj(
            {
                **org_summary,
                "description": {"type": "string", "description": "Sanitised HTML."},
                "email": TEXT_OR_NULL,
                "identifier": TEXT_OR_NULL,
                "parent": nullable(ref("OrganisationRef")),
                "children": array(ref("OrganisationRef")),
                "counts": {
                    **counts,
                    "description": "Published entries it publishes, partners in "
                    "or oversees as public authority, per type.",
                },
                "entries": obj(type_links, "Listings of those entries, per type."),
            }
        ),
        "ThemeSummary": obj(theme_summary),
        "Theme": obj(
            {
                **theme_summary,
                "counts": counts,
                "entries": obj(type_links, "Listings of its entries, per type."),
            }
        ),
        "OrganisationList": _paged(ref("OrganisationSummary"), "A page of organisations."),
        "ThemeList": _paged(ref("ThemeSummary"), "A page of themes."),
    }


def _search_schemas() -> dict[str, Schema]:
    return {
        "SearchHit": obj(
            {
                "id": {"type": "integer"},
                "type": entry_type_codes(),
                "slug": STRING,
                "title": STRING,
                "summary": STRING,
                "url": URI,
                "api_url": URI,
                "publisher": obj({"slug": STRING, "name": STRING}),
                "modified": DATE_TIME_OR_NULL,
                "score": {"type": ["number", "null"]},
                "highlights": obj(
                    {
                        "title": {
                            **TEXT_OR_NULL,
                            "description": "Escaped HTML, <mark> around matches.",
                        },
                        "text": {
                            **TEXT_OR_NULL,
                            "description": "Escaped HTML, <mark> around matches.",
                        },
                    }
                ),
            }
        ),
        "FacetValue": obj(
            {
                "value": {
                    "type": "string",
                    "description": "Pass it back as the facet's parameter.",
                },
                "label": STRING,
                "count": {"type": "integer", "minimum": 0},
                "selected": {"type": "boolean"},
            }
        ),
        "SearchResponse": obj(
            {
                "count": {"type": "integer", "minimum": 0},
                "page": {"type": "integer", "minimum": 1},
                "page_size": {"type": "integer", "minimum": 1, "maximum": SEARCH_MAX_PAGE_SIZE},
                "results": array(ref("SearchHit")),
                "facets": obj(
                    {f: array(ref("FacetValue")) for f in facet_names()},
                    "A count beside every value of every facet.",
                ),
                "links": ref("Links"),
            }
        ),
    }


def component_schemas() -> dict[str, Schema]:
    schemas = _reference_schemas()
    core = _core_properties()
    for part in api_parts().values():
        name = part.schema_name
        schemas[f"{name}Summary"] = obj({**_summary_properties(), **part.summary_properties()})
        schemas[name] = obj({**core, **part.detail_properties()})
        schemas[f"{name}List"] = _paged(
            ref(f"{name}Summary"), f"A page of published {part.described_as}."
        )
    schemas.update(_organisation_and_theme_schemas())
    schemas.update(_search_schemas())
    return schemas
