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

from catalogue.models import OrganisationKind, ThemeScheme
from catalogue.registry import entry_types
from search.facets import column_facets_by_type, facet_definition, facet_names
from search.query import MAX_PAGE_SIZE as SEARCH_MAX_PAGE_SIZE
from search.query import MAX_QUERY_LENGTH, MAX_RESULT_WINDOW, Sort
from search.suggest import DEFAULT_LIMIT as SUGGEST_DEFAULT_LIMIT
from search.suggest import MAX_LIMIT as SUGGEST_MAX_LIMIT
from search.suggest import MAX_PREFIX as SUGGEST_MAX_PREFIX

from . import params
from .openapi_registry import openapi_components, openapi_parts
from .openapi_schemas import Schema, array, component_schemas, obj, ref
from .parts import api_parts
from .ratelimit import active_rate_limit

# --- parameters, responses, paths --------------------------------------------------------


#: Free text a query may carry: no control character but tab and line breaks (the
#: control-character middleware, portal's site/middleware.py, refuses the rest with a 400).
TEXT_PATTERN = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]*$"


def _without_controls(schema: Schema) -> Schema:
    """Free-text strings (no enum, pattern or format) declare the characters they refuse."""
    if schema.get("type") == "array":
        return {**schema, "items": _without_controls(schema["items"])}
    if schema.get("type") == "string" and not {"enum", "pattern", "format"} & set(schema):
        return {**schema, "pattern": TEXT_PATTERN}
    return schema


def _query(name: str, schema: Schema, description: str, **extra: Any) -> Schema:
    schema = _without_controls(schema)
    return {
        "name": name,
        "in": "query",
        "required": False,
        "schema": schema,
        "description": description,
        **extra,
    }


def _repeatable(name: str, description: str, item: Schema | None = None) -> Schema:
    item = item or {"type": "string", "maxLength": params.MAX_VALUE_LENGTH}
    return _query(
        name,
        {"type": "array", "items": item, "maxItems": params.MAX_VALUES_PER_FILTER},
        description + " Repeat the parameter for several values (any may match).",
        style="form",
        explode=True,
    )


def _slug_parameter() -> Schema:
    schema = {"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]*$", "maxLength": 120}
    return {"name": "slug", "in": "path", "required": True, "schema": schema}


def _paging_parameters(*, max_page: int, max_page_size: int) -> list[Schema]:
    return [
        _query("page", {"type": "integer", "minimum": 1, "maximum": max_page}, "Page number."),
        _query(
            "page_size",
            {
                "type": "integer",
                "minimum": 1,
                "maximum": max_page_size,
                "default": params.DEFAULT_PAGE_SIZE,
            },
            "Results per page.",
        ),
    ]


def _facet_item(name: str) -> tuple[Schema | None, str]:
    """A closed facet's values as an enum (any other is a 400); an open one's note."""
    codes = facet_definition(name).known_codes()
    if codes is None:
        return None, " An unknown value matches nothing."
    return {"type": "string", "enum": list(codes)}, " Any other value is a 400."


def _search_parameters() -> list[Schema]:
    facets = []
    for f in facet_names():
        item, note = _facet_item(f)
        description = (
            f"Keep entries whose {f.replace('_', ' ')} is this value "
            "(a facet value as the response lists it); values of different facets "
            "combine with AND."
        )
        facets.append(_repeatable(f, description + note, item))
    return [
        _query(
            "q",
            {"type": "string", "maxLength": MAX_QUERY_LENGTH},
            "Words to look for. Quotes and operators are searched as plain words.",
        ),
        _query(
            "sort",
            {"type": "string", "enum": [s.value for s in Sort], "default": Sort.RELEVANCE.value},
            "Order of results; relevance without words means newest.",
        ),
        # page x page_size may not pass the result window; 100 pages of 100 always fit.
        *_paging_parameters(
            max_page=MAX_RESULT_WINDOW // SEARCH_MAX_PAGE_SIZE, max_page_size=SEARCH_MAX_PAGE_SIZE
        ),
        *facets,
    ]


def _type_facet_parameters(entry_type: str) -> list[Schema]:
    out = []
    for d in column_facets_by_type().get(entry_type, ()):
        item, note = _facet_item(d.name)
        description = f"{d.title}: keep entries with this value (as /api/v1/search lists it)."
        out.append(_repeatable(d.name, description + note, item))
    return out


def _entry_list_parameters(entry_type: str) -> list[Schema]:
    return [
        *_paging_parameters(max_page=params.MAX_PAGE, max_page_size=params.MAX_PAGE_SIZE),
        _repeatable(
            "organisation",
            "Organisation slug: entries it publishes, partners in or "
            "oversees. An unknown slug matches nothing.",
        ),
        _repeatable("theme", "Theme slug or code (e.g. ENVI, SDG13)."),
        _repeatable("licence", "SPDX licence identifier, e.g. CC-BY-4.0."),
        _repeatable("country", "ISO 3166-1 alpha-2 country code, e.g. FR."),
        _query(
            "modified_since",
            {"type": "string", "format": "date-time"},
            "Only entries modified at or after this moment (an RFC 3339 date-time, or a "
            "date meaning its midnight UTC).",
        ),
        *_type_facet_parameters(entry_type),
    ]


HEADERS = {
    "ETag": {
        "description": "Strong validator: send it back in If-None-Match.",
        "schema": {"type": "string"},
    },
    "Last-Modified": {
        "description": "Send it back in If-Modified-Since.",
        "schema": {"type": "string"},
    },
    "Access-Control-Allow-Origin": {
        "description": "Always *: any site may read the API.",
        "schema": {"type": "string", "enum": ["*"]},
    },
}


def _responses(schema_name: str | None, *, not_found: bool, bad_request: bool) -> Schema:
    def error(description: str) -> Schema:
        return {
            "description": description,
            "content": {"application/json": {"schema": ref("Error")}},
        }

    content_schema = ref(schema_name) if schema_name else {"type": "object"}
    responses: Schema = {
        "200": {
            "description": "OK",
            "headers": HEADERS,
            "content": {"application/json": {"schema": content_schema}},
        },
        "304": {"description": "Not modified since the ETag or date the client sent."},
        "429": {
            **error("Too many requests from this client."),
            "headers": {
                "Retry-After": {
                    "description": "Seconds to wait.",
                    "schema": {"type": "string", "pattern": "^[0-9]+$"},
                }
            },
        },
    }
    if bad_request:
        responses["400"] = error("A parameter is malformed or out of range.")
        # Answered by the web server in front of the API, before it runs: no JSON body.
        responses["414"] = {"description": "The address is longer than the server accepts."}
    if not_found:
        responses["404"] = error("No published resource has this address.")
    return responses


def _get(
    operation_id: str,
    summary: str,
    tag: str,
    schema_name: str | None,
    parameters: list[Schema],
    *,
    not_found: bool = False,
) -> Schema:
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "tags": [tag],
            "parameters": parameters,
            "responses": _responses(schema_name, not_found=not_found, bad_request=bool(parameters)),
        }
    }


def _paths() -> dict[str, Schema]:
    paths: dict[str, Schema] = {
        "/api/v1/search": _get(
            "search",
            "Search all entries, with facet counts",
            "search",
            "SearchResponse",
            _search_parameters(),
        ),
    }
    paths.update(_entry_type_paths())
    paths.update(_vocabulary_paths())
    paths["/api/v1/suggest"] = _suggest_path()
    for part in openapi_parts():
        paths.update(part.paths())
    paths["/api/openapi.json"] = _get("openapi", "This OpenAPI document", "meta", None, [])
    return paths


def _suggest_path() -> Schema:
    """The search box's autocomplete (search.suggest): any client may use it too."""
    return _get(
        "suggest",
        "Entry titles completing what was typed",
        "search",
        "Suggestions",
        [
            _query(
                "q",
                {"type": "string", "maxLength": SUGGEST_MAX_PREFIX},
                "What was typed; an empty q answers no suggestions.",
            ),
            _query(
                "limit",
                {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": SUGGEST_MAX_LIMIT,
                    "default": SUGGEST_DEFAULT_LIMIT,
                },
                "How many titles at most.",
            ),
        ],
    )


def _suggestion_schemas() -> dict[str, Schema]:
    suggestion = obj(
        {
            "title": {"type": "string"},
            "type": {"type": "string", "description": "The entry type's code."},
            "url": {"type": "string", "description": "The entry's page, from the site root."},
        }
    )
    return {"Suggestions": obj({"query": {"type": "string"}, "suggestions": array(suggestion)})}


def _entry_type_paths() -> dict[str, Schema]:
    """A list and a detail path per entry type that has an API part."""
    paths: dict[str, Schema] = {}
    for entry_type, part in api_parts().items():
        type_path = entry_types.get(entry_type).path
        name, label = part.schema_name, part.described_as
        key = type_path.replace("-", "_")
        paths[f"/api/v1/{type_path}"] = _get(
            f"list_{key}",
            f"List published {label}, newest change first",
            type_path,
            f"{name}List",
            _entry_list_parameters(entry_type),
        )
        paths[f"/api/v1/{type_path}/{{slug}}"] = _get(
            f"get_{key}",
            f"One published entry of {label}, with every field",
            type_path,
            name,
            [_slug_parameter()],
            not_found=True,
        )
    return paths


def _vocabulary_paths() -> dict[str, Schema]:
    """Organisations and themes: the lists and their detail pages."""
    paths: dict[str, Schema] = {}
    kinds = {"type": "string", "enum": list(OrganisationKind.values)}
    schemes = {"type": "string", "enum": list(ThemeScheme.values)}
    paging = _paging_parameters(max_page=params.MAX_PAGE, max_page_size=params.MAX_PAGE_SIZE)
    paths["/api/v1/organisations"] = _get(
        "list_organisations",
        "List organisations by name",
        "organisations",
        "OrganisationList",
        [
            *paging,
            _repeatable("kind", "Organisation kind.", kinds),
            _repeatable("country", "ISO 3166-1 alpha-2 country code."),
        ],
    )
    paths["/api/v1/organisations/{slug}"] = _get(
        "get_organisation",
        "One organisation, with counts of what it publishes or partners in",
        "organisations",
        "Organisation",
        [_slug_parameter()],
        not_found=True,
    )
    paths["/api/v1/themes"] = _get(
        "list_themes",
        "List the EU data themes and UN SDGs",
        "themes",
        "ThemeList",
        [*paging, _repeatable("scheme", "Theme scheme: eu (data themes) or sdg.", schemes)],
    )
    paths["/api/v1/themes/{slug}"] = _get(
        "get_theme",
        "One theme, with counts of its entries",
        "themes",
        "Theme",
        [_slug_parameter()],
        not_found=True,
    )
    return paths


@cache
def _document(site_name: str, rate_limit: str) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "info": {
            "title": f"{site_name} API",
            "version": "1.0.0",
            "summary": "JSON API of the open-innovation catalogue: open reads, token-authenticated "
            "writes.",
            "description": (
                "Find and read the catalogue's open datasets, APIs, public-private partnership "
                "projects and innovation challenges, and the organisations and themes behind "
                "them. Every response carries an ETag and, where known, Last-Modified: send "
                "them back in If-None-Match / If-Modified-Since to get a 304. Any origin may "
                "call the API from a browser (CORS). Each client address may make "
                f"{rate_limit or 'unlimited'} requests (a token bucket: bursts up to the "
                "limit); past it the API answers 429 with Retry-After. Errors are JSON: "
                '{"error": {"message": ..., "parameter": ...}}. Discussions, follows and '
                "reports are read the same way; posting a comment or following something "
                "needs a personal API token (make one on /account/tokens/), sent as "
                "Authorization: Bearer <token>."
            ),
            "license": {"name": "CC-BY-4.0", "identifier": "CC-BY-4.0"},
        },
        "servers": [{"url": "/"}],
        "tags": [
            {"name": "search", "description": "Full-text and faceted search across types."},
            *(
                {"name": entry_types.get(t).path, "description": f"Published {p.described_as}."}
                for t, p in api_parts().items()
            ),
            {"name": "organisations", "description": "Publishers and partners."},
            {"name": "themes", "description": "The 13 EU data themes and 17 UN SDGs."},
            *({"name": part.tag, "description": part.description} for part in openapi_parts()),
            {"name": "meta", "description": "This description."},
        ],
        "paths": _paths(),
        "components": openapi_components({**component_schemas(), **_suggestion_schemas()}),
    }


def build_openapi() -> dict[str, Any]:
    """The document for the current settings (cached: it only changes with them)."""
    return _document(settings.WAGTAIL_SITE_NAME, active_rate_limit())
