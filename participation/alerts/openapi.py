"""The follows API (``api.py``) in the OpenAPI document, exactly as its views answer.

Every call is made as someone (a personal API token, or a browser session): a list of one's
follows, following something (a write, through the posting rule), and stopping.
"""

from __future__ import annotations

from interop.api.openapi_schemas import Schema, array, obj, ref
from participation import openapi as shared

from .api import MAX_BODY
from .models import TARGETS, AlertFrequency
from .services import FOLLOWABLE

TAG = "follows"
FREQUENCY: Schema = {"type": "string", "enum": list(AlertFrequency.values)}


def schemas() -> dict[str, Schema]:
    return {
        "Follow": obj(
            {
                "id": {"type": "integer"},
                "type": {"type": "string", "enum": list(TARGETS)},
                "target": {"type": "integer", "description": "The followed object's id."},
                "name": {"type": "string", "description": "What is followed, by name."},
                "frequency": FREQUENCY,
                "created_at": {"type": "string", "format": "date-time"},
            }
        ),
        "FollowList": obj({"results": array(ref("Follow"))}, "Newest first."),
        "NewFollow": {
            "type": "object",
            "properties": {
                "type": {"type": "string", "enum": list(FOLLOWABLE)},
                "target": {
                    "type": ["string", "integer"],
                    "description": "An entry's or organisation's id, or a theme's slug.",
                },
                "frequency": {**FREQUENCY, "default": AlertFrequency.IMMEDIATE.value},
            },
            "required": ["type", "target"],
            "description": f"At most {MAX_BODY} bytes.",
        },
    }


def _follow_id() -> Schema:
    return shared.id_parameter("follow_id", "The follow's id, as the list gives it.")


def _not_a_follow() -> Schema:
    return shared.error("You have no follow with this id (or it is not a whole number).")


def paths() -> dict[str, Schema]:
    listing = {
        "operationId": "list_follows",
        "summary": "What the caller follows",
        "tags": [TAG],
        "security": shared.TOKEN,
        "responses": {
            "200": shared.json_response("The caller's follows.", ref("FollowList")),
            "400": shared.bad_request("The address carries a control character."),
            "401": shared.bad_token(),
        },
    }
    follow = {
        "operationId": "follow",
        "summary": "Follow an entry, organisation or theme (again: change how often)",
        "tags": [TAG],
        "security": shared.TOKEN,
        "requestBody": shared.json_and_form(ref("NewFollow")),
        "responses": {
            "201": shared.json_response("Now followed.", ref("Follow")),
            "200": shared.json_response("Already followed; frequency updated.", ref("Follow")),
            "400": shared.bad_request(
                "The body is too large, not a JSON object, or a value is not one of those listed."
            ),
            **shared.refusals(write=True),
            "404": shared.error("Nothing of this type has this id or slug."),
        },
    }
    detail = {
        "operationId": "get_follow",
        "summary": "One of the caller's follows",
        "tags": [TAG],
        "security": shared.TOKEN,
        "parameters": [_follow_id()],
        "responses": {
            "200": shared.json_response("The follow.", ref("Follow")),
            "400": shared.bad_request("The address carries a control character."),
            "401": shared.bad_token(),
            "404": _not_a_follow(),
        },
    }
    delete = {
        "operationId": "unfollow",
        "summary": "Stop following",
        "tags": [TAG],
        "security": shared.TOKEN,
        "parameters": [_follow_id()],
        "responses": {
            "204": {"description": "No longer followed."},
            "400": shared.bad_request("The address carries a control character."),
            **shared.refusals(write=False),
            "403": shared.error("A signed-in browser session sent no valid CSRF token."),
            "404": _not_a_follow(),
        },
    }
    return {
        "/api/v1/follows/": {"get": listing, "post": follow},
        "/api/v1/follows/{follow_id}": {"get": detail, "delete": delete},
    }


def register() -> None:
    shared.register(
        TAG, "Following entries, organisations and themes, with an API token.", paths, schemas
    )
