"""The OpenAPI 3.1 document of the JSON API, built from code.

Built from the same code lists (choices), limits (params) and facet names (search.query) the
views use, so the document cannot drift from the API: a new facet or code appears in both.
OpenAPI 3.1 schemas are plain JSON Schema 2020-12, so tests validate real responses with
``jsonschema`` and schemathesis fuzzes the live server from this document.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.conf import settings

from search.query import MAX_PAGE_SIZE as SEARCH_MAX_PAGE_SIZE
from search.query import MAX_QUERY_LENGTH, MAX_RESULT_WINDOW, Facet, Sort

from ..models import (
    ENTRY_TYPE_PATHS,
    AccessRights,
    ApiType,
    Authentication,
    ChallengeStatus,
    ChallengeType,
    EntryType,
    Frequency,
    Lifecycle,
    MilestoneKind,
    OrganisationKind,
    Origin,
    PartnerRole,
    PPPContractType,
    PPPSector,
    RiskAllocation,
    RiskCategory,
    ThemeScheme,
)
from . import params
from .ratelimit import active_rate_limit

Schema = dict[str, Any]
REF = "#/components/schemas/"

TYPE_SCHEMA_NAMES = {
    EntryType.DATASET: "Dataset",
    EntryType.API: "Api",
    EntryType.PPP: "PPPProject",
    EntryType.CHALLENGE: "Challenge",
}
TYPE_LABELS = {
    EntryType.DATASET: "datasets",
    EntryType.API: "APIs (DCAT data services)",
    EntryType.PPP: "public-private partnership projects",
    EntryType.CHALLENGE: "innovation challenges",
}


# --- schema helpers ----------------------------------------------------------------------


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
    return {
        "Error": obj({"error": obj({
            "message": {"type": "string", "description": "What went wrong, in plain words."},
            "parameter": {"type": ["string", "null"],
                          "description": "The query parameter at fault, if one is."},
        })}),  # fmt: skip
        "Links": obj({
            "next": {"type": ["string", "null"], "format": "uri"},
            "previous": {"type": ["string", "null"], "format": "uri"},
        }, "Absolute URLs of the neighbouring pages, with every other parameter kept."),
        "EntryRef": obj({
            "type": codes(EntryType),
            "slug": STRING,
            "title": STRING,
            "url": {**URI, "description": "The entry's page on the site."},
            "api_url": {**URI, "description": "The entry in this API."},
        }, "A link to another published entry."),
        "OrganisationRef": obj({
            "slug": STRING,
            "name": STRING,
            "kind": codes(OrganisationKind),
            "url": URI,
            "api_url": URI,
        }),
        "ThemeRef": obj({
            "slug": STRING,
            "code": {"type": "string", "description": "EU data theme code (e.g. ENVI) or SDG1..17"},
            "scheme": codes(ThemeScheme),
            "name": STRING,
            "uri": {"type": "string", "description": "The theme's authority URI."},
            "api_url": URI,
        }),
        "Licence": obj({
            "spdx_id": {"type": "string", "description": "SPDX licence identifier"},
            "name": STRING,
            "url": TEXT_OR_NULL,
            "is_open": {"type": "boolean", "description": "Conforms to the Open Definition."},
            "eu_uri": {**TEXT_OR_NULL, "description": "EU licence authority URI"},
        }),
        "Document": obj({"title": STRING, "url": STRING, "document_type": TEXT_OR_NULL}),
        "Partner": obj({
            "organisation": ref("OrganisationRef"),
            "role": codes(PartnerRole),
            "note": TEXT_OR_NULL,
        }),
        "Distribution": obj({
            "title": TEXT_OR_NULL,
            "description": TEXT_OR_NULL,
            "access_url": TEXT_OR_NULL,
            "download_url": TEXT_OR_NULL,
            "media_type": {**TEXT_OR_NULL, "description": "IANA media type"},
            "format": TEXT_OR_NULL,
            "byte_size": {"type": ["integer", "null"], "minimum": 0},
            "licence": nullable(ref("Licence")),
            "checksum": {**TEXT_OR_NULL, "description": "SHA-256 of the file"},
            "access_service": nullable(ref("EntryRef")),
        }, "A way to get the data [dcat:Distribution]."),
    }


def _summary_properties() -> dict[str, Schema]:
    return {
        "id": {"type": "integer"},
        "type": codes(EntryType),
        "slug": STRING,
        "title": STRING,
        "url": URI,
        "api_url": URI,
        "summary": STRING,
        "publisher": ref("OrganisationRef"),
        "themes": array(ref("ThemeRef")),
        "keywords": array(STRING),
        "licence": nullable(ref("Licence")),
        "access_rights": codes(AccessRights),
        "countries": array({"type": "string", "description": "ISO 3166-1 alpha-2"}),
        "issued": DATE_TIME_OR_NULL,
        "modified": DATE_TIME_OR_NULL,
    }


TYPE_SUMMARY_PROPERTIES: dict[str, dict[str, Schema]] = {
    EntryType.DATASET: {"formats": array(STRING)},
    EntryType.API: {
        "api_type": nullable(codes(ApiType)),
        "authentication": nullable(codes(Authentication)),
        "lifecycle": nullable(codes(Lifecycle)),
    },
    EntryType.PPP: {
        "project_status": {"type": ["string", "null"], "description": "OC4IDS status code"},
        "sector": nullable(codes(PPPSector)),
    },
    EntryType.CHALLENGE: {
        "challenge_status": nullable(codes(ChallengeStatus)),
        "closes_at": DATE_TIME_OR_NULL,
    },
}


def _core_properties() -> dict[str, Schema]:
    props = _summary_properties()
    props["countries"] = array(obj({"code": STRING, "name": STRING}))
    props.update({
        "description": {"type": "string", "description": "Sanitised HTML."},
        "identifier": {**TEXT_OR_NULL, "description": "A stable identifier URI [dct:identifier]"},
        "landing_page": TEXT_OR_NULL,
        "contact_point": obj({"name": TEXT_OR_NULL, "email": TEXT_OR_NULL, "url": TEXT_OR_NULL}),
        "spatial_label": TEXT_OR_NULL,
        "temporal": obj({"start": DATE_OR_NULL, "end": DATE_OR_NULL}),
        "languages": array(obj({"code": {"type": "string", "description": "ISO 639-1"},
                                "name": STRING})),
        "status": {"type": "string", "enum": ["published"]},
        "provenance": obj({
            "origin": codes(Origin),
            "remote_url": TEXT_OR_NULL,
            "last_harvested_at": DATE_TIME_OR_NULL,
            "content_hash": TEXT_OR_NULL,
            "overridden_fields": array(STRING),
        }, "Where the entry comes from; harvests keep the fields an editor overrode."),
        "quality_score": {"type": "integer", "minimum": 0, "maximum": 100},
        "documents": array(ref("Document")),
    })  # fmt: skip
    return props


def _type_detail_properties() -> dict[str, dict[str, Schema]]:
    refs = array(ref("EntryRef"))
    return {
        EntryType.DATASET: {
            "frequency": nullable(codes(Frequency, "EU frequency authority code")),
            "version": TEXT_OR_NULL,
            "in_series": nullable(ref("EntryRef")),
            "contains_personal_data": {"type": "boolean"},
            "conforms_to": array(STRING),
            "distributions": array(ref("Distribution")),
            "served_by": {**refs, "description": "APIs that serve this dataset."},
        },
        EntryType.API: {
            "endpoint_url": TEXT_OR_NULL,
            "endpoint_description_url": {**TEXT_OR_NULL,
                                         "description": "OpenAPI, AsyncAPI, GraphQL or WSDL"},
            "api_type": nullable(codes(ApiType)),
            "authentication": nullable(codes(Authentication)),
            "access_instructions": TEXT_OR_NULL,
            "rate_limits": TEXT_OR_NULL,
            "availability": TEXT_OR_NULL,
            "lifecycle": nullable(codes(Lifecycle)),
            "sunset_date": DATE_OR_NULL,
            "sandbox_url": TEXT_OR_NULL,
            "version": TEXT_OR_NULL,
            "serves_datasets": {**refs, "description": "[dcat:servesDataset]"},
        },
        EntryType.PPP: {
            "project_status": nullable(obj({"code": STRING, "name": STRING})),
            "sector": nullable(codes(PPPSector)),
            "contract_type": nullable(codes(PPPContractType)),
            "total_investment": MONEY_OR_NULL,
            "currency": {**TEXT_OR_NULL, "description": "ISO 4217"},
            "public_authority": nullable(ref("OrganisationRef")),
            "government_support": TEXT_OR_NULL,
            "partners": array(ref("Partner")),
            "milestones": array(obj({
                "kind": codes(MilestoneKind), "date": DATE_OR_NULL,
                "planned": {"type": "boolean"}, "note": TEXT_OR_NULL,
            })),
            "risks": array(obj({
                "category": codes(RiskCategory), "allocation": codes(RiskAllocation),
                "note": TEXT_OR_NULL,
            })),
            "related_datasets": refs,
        },
        EntryType.CHALLENGE: {
            "problem_statement": {"type": "string", "description": "Sanitised HTML."},
            "challenge_type": nullable(codes(ChallengeType)),
            "challenge_status": nullable(codes(ChallengeStatus, "Derived from the dates.")),
            "eligibility": TEXT_OR_NULL,
            "how_to_enter": TEXT_OR_NULL,
            "opens_at": DATE_TIME_OR_NULL,
            "closes_at": DATE_TIME_OR_NULL,
            "judging_ends_at": DATE_TIME_OR_NULL,
            "outcomes": TEXT_OR_NULL,
            "partners": array(ref("Partner")),
            "prizes": array(obj({
                "title": STRING, "amount": MONEY_OR_NULL, "currency": TEXT_OR_NULL,
                "non_monetary": TEXT_OR_NULL,
            })),
            "criteria": array(obj({
                "name": STRING, "weight": {"type": "integer", "minimum": 0,
                                           "description": "Weight in percent"},
                "description": TEXT_OR_NULL,
            })),
            "phases": array(obj({
                "name": STRING, "starts_on": DATE_OR_NULL, "ends_on": DATE_OR_NULL,
                "description": TEXT_OR_NULL,
            })),
            "winners": array(obj({
                "name": STRING, "organisation": nullable(ref("OrganisationRef")),
                "prize": TEXT_OR_NULL, "description": TEXT_OR_NULL,
            })),
            "offered_resources": {**refs, "description": "Datasets and APIs offered to entrants."},
        },
    }  # fmt: skip


def _paged(item: Schema, description: str) -> Schema:
    return obj({
        "count": {"type": "integer", "minimum": 0, "description": "Matches in all pages."},
        "page": {"type": "integer", "minimum": 1},
        "page_size": {"type": "integer", "minimum": 1, "maximum": params.MAX_PAGE_SIZE},
        "results": array(item),
        "links": ref("Links"),
    }, description)  # fmt: skip


def _organisation_and_theme_schemas() -> dict[str, Schema]:
    type_keys = {t.value: {"type": "integer", "minimum": 0} for t in EntryType}
    type_links = {p.replace("-", "_"): URI for p in ENTRY_TYPE_PATHS.values()}
    org_summary = {
        "slug": STRING, "name": STRING, "kind": codes(OrganisationKind), "url": URI,
        "api_url": URI, "country": {**TEXT_OR_NULL, "description": "ISO 3166-1 alpha-2"},
        "website": TEXT_OR_NULL,
        "entry_count": {"type": "integer", "minimum": 0,
                        "description": "Published entries it publishes."},
    }  # fmt: skip
    theme_summary = {
        "slug": STRING, "code": STRING, "scheme": codes(ThemeScheme), "name": STRING,
        "uri": STRING, "api_url": URI, "description": TEXT_OR_NULL, "url": URI,
        "entry_count": {"type": "integer", "minimum": 0},
    }  # fmt: skip
    counts = obj(type_keys, "Published entries per type.")
    return {
        "OrganisationSummary": obj(org_summary),
        "Organisation": obj({
            **org_summary,
            "description": {"type": "string", "description": "Sanitised HTML."},
            "email": TEXT_OR_NULL,
            "identifier": TEXT_OR_NULL,
            "parent": nullable(ref("OrganisationRef")),
            "children": array(ref("OrganisationRef")),
            "counts": {**counts, "description": "Published entries it publishes, partners in "
                       "or oversees as public authority, per type."},
            "entries": obj(type_links, "Listings of those entries, per type."),
        }),  # fmt: skip
        "ThemeSummary": obj(theme_summary),
        "Theme": obj({**theme_summary, "counts": counts,
                      "entries": obj(type_links, "Listings of its entries, per type.")}),
        "OrganisationList": _paged(ref("OrganisationSummary"), "A page of organisations."),
        "ThemeList": _paged(ref("ThemeSummary"), "A page of themes."),
    }


def _search_schemas() -> dict[str, Schema]:
    return {
        "SearchHit": obj({
            "id": {"type": "integer"},
            "type": codes(EntryType),
            "slug": STRING,
            "title": STRING,
            "summary": STRING,
            "url": URI,
            "api_url": URI,
            "publisher": obj({"slug": STRING, "name": STRING}),
            "modified": DATE_TIME_OR_NULL,
            "score": {"type": ["number", "null"]},
            "highlights": obj({
                "title": {**TEXT_OR_NULL, "description": "Escaped HTML, <mark> around matches."},
                "text": {**TEXT_OR_NULL, "description": "Escaped HTML, <mark> around matches."},
            }),
        }),
        "FacetValue": obj({
            "value": {"type": "string", "description": "Pass it back as the facet's parameter."},
            "label": STRING,
            "count": {"type": "integer", "minimum": 0},
            "selected": {"type": "boolean"},
        }),
        "SearchResponse": obj({
            "count": {"type": "integer", "minimum": 0},
            "page": {"type": "integer", "minimum": 1},
            "page_size": {"type": "integer", "minimum": 1, "maximum": SEARCH_MAX_PAGE_SIZE},
            "results": array(ref("SearchHit")),
            "facets": obj({f.value: array(ref("FacetValue")) for f in Facet},
                          "A count beside every value of every facet."),
            "links": ref("Links"),
        }),
    }  # fmt: skip


def _schemas() -> dict[str, Schema]:
    schemas = _reference_schemas()
    core = _core_properties()
    details = _type_detail_properties()
    for entry_type, name in TYPE_SCHEMA_NAMES.items():
        schemas[f"{name}Summary"] = obj({**_summary_properties(),
                                         **TYPE_SUMMARY_PROPERTIES[entry_type]})
        schemas[name] = obj({**core, **details[entry_type]})
        schemas[f"{name}List"] = _paged(ref(f"{name}Summary"),
                                        f"A page of published {TYPE_LABELS[entry_type]}.")
    schemas.update(_organisation_and_theme_schemas())
    schemas.update(_search_schemas())
    return schemas


# --- parameters, responses, paths --------------------------------------------------------


def _query(name: str, schema: Schema, description: str, **extra: Any) -> Schema:
    return {"name": name, "in": "query", "required": False, "schema": schema,
            "description": description, **extra}  # fmt: skip


def _repeatable(name: str, description: str, item: Schema | None = None) -> Schema:
    item = item or {"type": "string", "maxLength": params.MAX_VALUE_LENGTH}
    return _query(name, {"type": "array", "items": item, "maxItems": params.MAX_VALUES_PER_FILTER},
                  description + " Repeat the parameter for several values (any may match).",
                  style="form", explode=True)  # fmt: skip


def _slug_parameter() -> Schema:
    schema = {"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]*$", "maxLength": 120}
    return {"name": "slug", "in": "path", "required": True, "schema": schema}


def _paging_parameters(*, max_page: int, max_page_size: int) -> list[Schema]:
    return [
        _query("page", {"type": "integer", "minimum": 1, "maximum": max_page}, "Page number."),
        _query("page_size", {"type": "integer", "minimum": 1, "maximum": max_page_size,
                             "default": params.DEFAULT_PAGE_SIZE}, "Results per page."),
    ]  # fmt: skip


def _search_parameters() -> list[Schema]:
    facets = [
        _repeatable(f.value, f"Keep entries whose {f.value.replace('_', ' ')} is this value "
                    "(a facet value as the response lists it); values of different facets "
                    "combine with AND. An unknown value matches nothing.")
        for f in Facet
    ]  # fmt: skip
    return [
        _query("q", {"type": "string", "maxLength": MAX_QUERY_LENGTH},
               "Words to look for. Quotes and operators are searched as plain words."),
        _query("sort", {"type": "string", "enum": [s.value for s in Sort],
                        "default": Sort.RELEVANCE.value},
               "Order of results; relevance without words means newest."),
        # page x page_size may not pass the result window; 100 pages of 100 always fit.
        *_paging_parameters(max_page=MAX_RESULT_WINDOW // SEARCH_MAX_PAGE_SIZE,
                            max_page_size=SEARCH_MAX_PAGE_SIZE),
        *facets,
    ]  # fmt: skip


def _entry_list_parameters() -> list[Schema]:
    return [
        *_paging_parameters(max_page=params.MAX_PAGE, max_page_size=params.MAX_PAGE_SIZE),
        _repeatable("organisation", "Organisation slug: entries it publishes, partners in or "
                    "oversees. An unknown slug matches nothing."),
        _repeatable("theme", "Theme slug or code (e.g. ENVI, SDG13)."),
        _repeatable("licence", "SPDX licence identifier, e.g. CC-BY-4.0."),
        _repeatable("country", "ISO 3166-1 alpha-2 country code, e.g. FR."),
        _query("modified_since", {"type": "string", "format": "date-time"},
               "Only entries modified at or after this moment (an RFC 3339 date-time, or a "
               "date meaning its midnight UTC)."),
    ]  # fmt: skip


HEADERS = {
    "ETag": {"description": "Strong validator: send it back in If-None-Match.",
             "schema": {"type": "string"}},
    "Last-Modified": {"description": "Send it back in If-Modified-Since.",
                      "schema": {"type": "string"}},
    "Access-Control-Allow-Origin": {"description": "Always *: any site may read the API.",
                                    "schema": {"type": "string", "enum": ["*"]}},
}  # fmt: skip


def _responses(schema_name: str | None, *, not_found: bool, bad_request: bool) -> Schema:
    def error(description: str) -> Schema:
        return {"description": description,
                "content": {"application/json": {"schema": ref("Error")}}}  # fmt: skip

    content_schema = ref(schema_name) if schema_name else {"type": "object"}
    responses: Schema = {
        "200": {"description": "OK", "headers": HEADERS,
                "content": {"application/json": {"schema": content_schema}}},
        "304": {"description": "Not modified since the ETag or date the client sent."},
        "429": {**error("Too many requests from this client."),
                "headers": {"Retry-After": {"description": "Seconds to wait.",
                                            "schema": {"type": "string", "pattern": "^[0-9]+$"}}}},
    }  # fmt: skip
    if bad_request:
        responses["400"] = error("A parameter is malformed or out of range.")
    if not_found:
        responses["404"] = error("No published resource has this address.")
    return responses


def _get(operation_id: str, summary: str, tag: str, schema_name: str | None,
         parameters: list[Schema], *, not_found: bool = False) -> Schema:  # fmt: skip
    return {"get": {
        "operationId": operation_id, "summary": summary, "tags": [tag],
        "parameters": parameters,
        "responses": _responses(schema_name, not_found=not_found, bad_request=bool(parameters)),
    }}  # fmt: skip


def _paths() -> dict[str, Schema]:
    paths: dict[str, Schema] = {
        "/api/v1/search": _get(
            "search", "Search all entries, with facet counts", "search", "SearchResponse",
            _search_parameters()),
    }  # fmt: skip
    for entry_type, type_path in ENTRY_TYPE_PATHS.items():
        name = TYPE_SCHEMA_NAMES[entry_type]
        label = TYPE_LABELS[entry_type]
        key = type_path.replace("-", "_")
        paths[f"/api/v1/{type_path}"] = _get(
            f"list_{key}", f"List published {label}, newest change first", type_path,
            f"{name}List", _entry_list_parameters())
        paths[f"/api/v1/{type_path}/{{slug}}"] = _get(
            f"get_{key}", f"One published entry of {label}, with every field", type_path,
            name, [_slug_parameter()], not_found=True)  # fmt: skip
    kinds = {"type": "string", "enum": list(OrganisationKind.values)}
    schemes = {"type": "string", "enum": list(ThemeScheme.values)}
    paging = _paging_parameters(max_page=params.MAX_PAGE, max_page_size=params.MAX_PAGE_SIZE)
    paths["/api/v1/organisations"] = _get(
        "list_organisations", "List organisations by name", "organisations", "OrganisationList",
        [*paging, _repeatable("kind", "Organisation kind.", kinds),
         _repeatable("country", "ISO 3166-1 alpha-2 country code.")])
    paths["/api/v1/organisations/{slug}"] = _get(
        "get_organisation", "One organisation, with counts of what it publishes or partners in",
        "organisations", "Organisation", [_slug_parameter()], not_found=True)
    paths["/api/v1/themes"] = _get(
        "list_themes", "List the EU data themes and UN SDGs", "themes", "ThemeList",
        [*paging, _repeatable("scheme", "Theme scheme: eu (data themes) or sdg.", schemes)])
    paths["/api/v1/themes/{slug}"] = _get(
        "get_theme", "One theme, with counts of its entries", "themes", "Theme",
        [_slug_parameter()], not_found=True)
    paths["/api/openapi.json"] = _get(
        "openapi", "This OpenAPI document", "meta", None, [])  # fmt: skip
    return paths


@cache
def _document(site_name: str, rate_limit: str) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "info": {
            "title": f"{site_name} API",
            "version": "1.0.0",
            "summary": "Read-only JSON API of the open-innovation catalogue.",
            "description": (
                "Find and read the catalogue's open datasets, APIs, public-private partnership "
                "projects and innovation challenges, and the organisations and themes behind "
                "them. Every response carries an ETag and, where known, Last-Modified: send "
                "them back in If-None-Match / If-Modified-Since to get a 304. Any origin may "
                "call the API from a browser (CORS). Each client address may make "
                f"{rate_limit or 'unlimited'} requests (a token bucket: bursts up to the "
                "limit); past it the API answers 429 with Retry-After. Errors are JSON: "
                '{"error": {"message": ..., "parameter": ...}}.'
            ),
            "license": {"name": "CC-BY-4.0", "identifier": "CC-BY-4.0"},
        },
        "servers": [{"url": "/"}],
        "tags": [
            {"name": "search", "description": "Full-text and faceted search across types."},
            *({"name": p, "description": f"Published {TYPE_LABELS[t]}."}
              for t, p in ENTRY_TYPE_PATHS.items()),
            {"name": "organisations", "description": "Publishers and partners."},
            {"name": "themes", "description": "The 13 EU data themes and 17 UN SDGs."},
            {"name": "meta", "description": "This description."},
        ],  # fmt: skip
        "paths": _paths(),
        "components": {"schemas": _schemas()},
    }


def build_openapi() -> dict[str, Any]:
    """The document for the current settings (cached: it only changes with them)."""
    return _document(settings.WAGTAIL_SITE_NAME, active_rate_limit())
