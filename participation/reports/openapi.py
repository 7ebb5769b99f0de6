"""The reports API (``views.api_reports``) in the OpenAPI document, exactly as it answers.

An entry's public reports, newest first, paged; anyone may read them, and reporters appear
by public name only.
"""

from __future__ import annotations

from interop.api.openapi_schemas import Schema, array, nullable, obj, ref
from participation import openapi as shared

from .models import ReportKind, ReportStatus
from .views import API_PAGE_SIZE

TAG = "reports"
MAX_ENTRY_ID = 10**18 - 1  # the view reads at most 18 digits
DATE_TIME: Schema = {"type": "string", "format": "date-time"}


def schemas() -> dict[str, Schema]:
    text_or_null: Schema = {"type": ["string", "null"]}
    return {
        "Report": obj(
            {
                "id": {"type": "integer"},
                "entry": {"type": "integer", "description": "The entry's id."},
                "kind": {"type": "string", "enum": list(ReportKind.values)},
                "description": {"type": "string"},
                "url": {**text_or_null, "description": "The link the report is about."},
                "status": {"type": "string", "enum": list(ReportStatus.values)},
                "reporter": {
                    **text_or_null,
                    "description": "Public name; null once the account is gone.",
                },
                "reply": {**text_or_null, "description": "The publisher's answer."},
                "replied_at": nullable(DATE_TIME),
                "status_changed_at": nullable(DATE_TIME),
                "created_at": DATE_TIME,
                "page": {"type": "string", "description": "The report's page, from the root."},
            }
        ),
        "ReportList": obj(
            {
                "count": {"type": "integer", "minimum": 0},
                "page": {"type": "integer", "minimum": 1},
                "next": {
                    "type": ["string", "null"],
                    "description": "The next page's query (?entry=...&page=...), if any.",
                },
                "results": array(ref("Report")),
            },
            f"A page of at most {API_PAGE_SIZE} public reports, newest first.",
        ),
    }


def paths() -> dict[str, Schema]:
    entry = {
        "name": "entry",
        "in": "query",
        "required": True,
        "description": "The published entry's id.",
        "schema": {"type": "integer", "minimum": 0, "maximum": MAX_ENTRY_ID},
    }
    page = {
        "name": "page",
        "in": "query",
        "required": False,
        "description": "Page number; past the last page is a 404.",
        "schema": {"type": "integer", "minimum": 1, "default": 1},
    }
    operation = {
        "operationId": "list_reports",
        "summary": "An entry's public issue reports, newest first",
        "tags": [TAG],
        "security": shared.OPTIONAL_TOKEN,
        "parameters": [entry, page],
        "responses": {
            "200": shared.json_response("A page of reports.", ref("ReportList")),
            "400": shared.bad_request("entry is missing or not a whole number."),
            **shared.refusals(write=False),
            "404": shared.error("No published entry has this id, or no such page."),
        },
    }
    return {"/api/v1/reports/": {"get": operation}}


def register() -> None:
    shared.register(
        TAG, "Issues people reported on entries, and the publishers' answers.", paths, schemas
    )
