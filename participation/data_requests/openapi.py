"""This app's part of the OpenAPI document: /api/v1/requests, its detail and the vote.

Built from the same choices and limits the views use (statuses, sorts, page bounds), so the
document and the API cannot drift. Every status a view can answer is listed with the JSON it
carries; schemathesis fuzzes them against the live server (tests/api/test_schemathesis.py).
"""

from __future__ import annotations

from typing import Any

from interop.api.openapi_registry import OpenAPIPart

from .api import MAX_ID_DIGITS, MAX_PAGE
from .models import RequestKind, RequestStatus
from .selectors import MAX_FILTER_LENGTH, SORTS

Schema = dict[str, Any]
TAG = "requests"
REF = "#/components/schemas/"
# Query text may not carry control characters (portal's middleware answers 400 first).
TEXT_PATTERN = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]*$"


def _ref(name: str) -> Schema:
    return {"$ref": REF + name}


def _json(description: str, schema: Schema, **extra: Any) -> Schema:
    return {
        "description": description,
        "content": {"application/json": {"schema": schema}},
        **extra,
    }


def _error(description: str, **extra: Any) -> Schema:
    return _json(description, _ref("RequestsError"), **extra)


RETRY_AFTER = {
    "Retry-After": {
        "description": "Seconds to wait.",
        "schema": {"type": "string", "pattern": "^[0-9]+$"},
    }
}
ALLOW = {"Allow": {"description": "The methods this path answers.", "schema": {"type": "string"}}}


def _common_errors(*, bad_request: bool) -> Schema:
    responses: Schema = {
        "405": _error("This method is not answered here.", headers=ALLOW),
        "429": _error("Too many requests from this client.", headers=RETRY_AFTER),
    }
    if bad_request:
        responses["400"] = _error("A parameter is malformed or out of range.")
        responses["414"] = {"description": "The address is longer than the server accepts."}
    return responses


def _query(name: str, schema: Schema, description: str) -> Schema:
    if schema.get("type") == "string" and "enum" not in schema:
        schema = {**schema, "pattern": TEXT_PATTERN}
    return {
        "name": name,
        "in": "query",
        "required": False,
        "schema": schema,
        "description": description,
    }


ID_PARAMETER: Schema = {
    "name": "id",
    "in": "path",
    "required": True,
    "schema": {"type": "string", "pattern": f"^[0-9]{{1,{MAX_ID_DIGITS}}}$"},
    "description": "The request's number.",
}


def _list_parameters() -> list[Schema]:
    text = {"type": "string", "maxLength": MAX_FILTER_LENGTH}
    return [
        _query(
            "status", {"type": "string", "enum": list(RequestStatus.values)}, "Keep this status."
        ),
        _query("theme", text, "Theme slug; an unknown one matches nothing."),
        _query("country", text, "ISO 3166-1 alpha-2 code of the country the data covers."),
        _query("organisation", text, "Slug of the organisation that likely holds the data."),
        _query(
            "sort",
            {"type": "string", "enum": list(SORTS), "default": "votes"},
            "Most votes first, or newest first.",
        ),
        _query("page", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE}, "Page number."),
    ]


def _paths() -> dict[str, Schema]:
    not_found = _error("No request has this id, or no such page.")
    vote_refusals = {
        "401": _error("No personal API token, or an unknown one: sign in."),
        "403": _error("The account may not vote now (unverified, blocked, or no CSRF token)."),
        "404": not_found,
        **_common_errors(bad_request=True),
    }
    vote_ok = _json("Counted (or already counted, or taken back).", _ref("RequestVote"))

    def vote(operation_id: str, summary: str, extra: Schema) -> Schema:
        return {
            "operationId": operation_id,
            "summary": summary,
            "tags": [TAG],
            "parameters": [ID_PARAMETER],
            "responses": {"200": vote_ok, **extra, **vote_refusals},
        }

    return {
        "/api/v1/requests": {
            "get": {
                "operationId": "list_requests",
                "summary": "Requests for data and APIs, most needed first",
                "tags": [TAG],
                "parameters": _list_parameters(),
                "responses": {
                    "200": _json("OK", _ref("DataRequestList")),
                    "404": not_found,
                    **_common_errors(bad_request=True),
                },
            }
        },
        "/api/v1/requests/{id}": {
            "get": {
                "operationId": "get_request",
                "summary": "One request for data, with its status",
                "tags": [TAG],
                "parameters": [ID_PARAMETER],
                "responses": {
                    "200": _json("OK", _ref("DataRequest")),
                    "404": not_found,
                    **_common_errors(bad_request=True),
                },
            }
        },
        "/api/v1/requests/{id}/vote": {
            "post": vote(
                "vote_request",
                "“I need this too”: one vote per account, however often it is sent",
                {"201": _json("A new vote.", _ref("RequestVote"))},
            ),
            "delete": vote("unvote_request", "Take your vote back", {}),
        },
    }


def _closed(properties: Schema) -> Schema:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _schemas() -> dict[str, Schema]:
    text_or_null = {"type": ["string", "null"]}
    moment_or_null = {"type": ["string", "null"], "format": "date-time"}
    request = _closed(
        {
            "id": {"type": "integer", "minimum": 1},
            "title": {"type": "string"},
            "description": {"type": "string"},
            "reason": {"type": "string"},
            "kind": {"type": "string", "enum": list(RequestKind.values)},
            "status": {"type": "string", "enum": list(RequestStatus.values)},
            "likely_holder": {**text_or_null, "description": "The organisation's slug."},
            "likely_holder_name": text_or_null,
            "theme": {**text_or_null, "description": "The theme's slug."},
            "country": {**text_or_null, "description": "ISO 3166-1 alpha-2 code."},
            "author": {
                **text_or_null,
                "description": "Public name; null once the account is gone.",
            },
            "votes": {"type": "integer", "minimum": 0},
            "decline_reason": text_or_null,
            "answered_by": {**text_or_null, "description": "The answering entry's page."},
            "created_at": {"type": "string", "format": "date-time"},
            "status_changed_at": moment_or_null,
            "url": {"type": "string", "format": "uri"},
        }
    )
    return {
        "DataRequest": request,
        "DataRequestList": _closed(
            {
                "count": {"type": "integer", "minimum": 0},
                "page": {"type": "integer", "minimum": 1},
                "next": {"type": ["string", "null"], "format": "uri"},
                "results": {"type": "array", "items": _ref("DataRequest")},
            }
        ),
        "RequestVote": _closed(
            {
                "id": {"type": "integer", "minimum": 1},
                "votes": {"type": "integer", "minimum": 0},
                "voted": {"type": "boolean"},
            }
        ),
        # participation.tokens.json_error's shape; the control-character middleware's 400
        # carries ``parameter`` instead of ``status``: both are this schema.
        "RequestsError": {
            "type": "object",
            "required": ["error"],
            "properties": {
                "error": {
                    "type": "object",
                    "required": ["message"],
                    "properties": {
                        "message": {"type": "string"},
                        "status": {"type": "integer"},
                        "parameter": {"type": ["string", "null"]},
                    },
                    "additionalProperties": False,
                }
            },
            "additionalProperties": False,
        },
    }


OPENAPI_PART = OpenAPIPart(
    tag=TAG,
    description="Requests for data and APIs that are missing, and votes for them.",
    paths=_paths,
    schemas=_schemas,
)
