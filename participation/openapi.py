"""What every participation endpoint shares in the OpenAPI document: one rule in one place.

The error body of :func:`participation.tokens.json_error`, the bearer token of
:func:`participation.tokens.api_view`, the refusals of
:func:`participation.posting.posting_refusal` (401, 403, 429 with Retry-After), and
:func:`register` so each app adds its part from its ``AppConfig.ready``. The apps' own
modules (``discussions/openapi.py``...) describe their paths with these pieces, so a
change to the error body or the token scheme is made here once.
"""

from __future__ import annotations

from collections.abc import Callable

from interop.api.openapi_registry import OpenAPIPart, register_openapi_part
from interop.api.openapi_schemas import Schema, obj, ref

TOKEN_SCHEME = "apiToken"  # noqa: S105 (the scheme's name in the document, not a secret)
ERROR = "ParticipationError"

#: A read anyone may make, anonymously or with a token (a bad token is still a 401).
OPTIONAL_TOKEN: list[Schema] = [{}, {TOKEN_SCHEME: []}]
#: A call made as someone: a token (or, from a browser, a session with its CSRF token).
TOKEN: list[Schema] = [{TOKEN_SCHEME: []}]

#: Free text without the control characters the site's middleware refuses with a 400.
TEXT_PATTERN = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]*$"


def security_schemes() -> dict[str, Schema]:
    return {
        TOKEN_SCHEME: {
            "type": "http",
            "scheme": "bearer",
            "description": (
                "A personal API token (eco_...), made and revoked on /account/tokens/; "
                "the call acts as its owner. An unknown or revoked token is a 401, never "
                "an anonymous call."
            ),
        }
    }


def error_schemas() -> dict[str, Schema]:
    message = {"type": "string", "description": "What went wrong, in plain words."}
    status = {"type": "integer", "description": "The HTTP status, repeated."}
    return {ERROR: obj({"error": obj({"status": status, "message": message})})}


def error(description: str, *, read_api_too: bool = False) -> Schema:
    """A JSON error response. ``read_api_too``: the answer may also come from outside the
    view in the read API's shape ({"error": {"message", "parameter"}}): the site's
    control-character middleware (400) or the read API's 404 for an address no route takes."""
    schema = {"anyOf": [ref(ERROR), ref("Error")]} if read_api_too else ref(ERROR)
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def json_response(description: str, schema: Schema) -> Schema:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def bad_request(description: str) -> Schema:
    return error(description, read_api_too=True)


def bad_token() -> Schema:
    return error(
        "The API token is unknown or revoked, or (to write, or to read one's own) neither "
        "a token nor a signed-in session came with the call."
    )


def refusals(*, write: bool) -> dict[str, Schema]:
    """401 always (a bad token); for a write, 403 and 429 from the posting rule too."""
    responses = {"401": bad_token()}
    if write:
        responses["403"] = error(
            "Refused: the account's e-mail address is not verified, the account is blocked, "
            "the subject is closed to posts, or a signed-in browser session sent no valid "
            "CSRF token."
        )
        responses["429"] = {
            **error("Posting too fast: nothing was saved."),
            "headers": {
                "Retry-After": {
                    "description": "Seconds to wait.",
                    "schema": {"type": "string", "pattern": "^[0-9]+$"},
                }
            },
        }
    return responses


def id_parameter(name: str, description: str) -> Schema:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": description,
        "schema": {"type": "integer", "minimum": 1, "maximum": 2**63 - 1},
    }


def json_and_form(schema: Schema) -> Schema:
    """A request body the view reads as JSON or as an HTML form alike."""
    return {
        "required": True,
        "content": {
            "application/json": {"schema": schema},
            "application/x-www-form-urlencoded": {"schema": schema},
        },
    }


def register(
    tag: str,
    description: str,
    paths: Callable[[], dict[str, Schema]],
    schemas: Callable[[], dict[str, Schema]],
) -> None:
    """Add one app's part, with the shared error schema and token scheme beside its own."""
    register_openapi_part(
        OpenAPIPart(
            tag=tag,
            description=description,
            paths=paths,
            schemas=lambda: {**error_schemas(), **schemas()},
            security_schemes=security_schemes,
        )
    )
