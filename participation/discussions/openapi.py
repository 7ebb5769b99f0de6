"""The discussions API (``api.py``) in the OpenAPI document, exactly as its view answers.

Reading a subject's threads needs nobody signed in; starting a thread or replying needs a
personal API token and passes the posting rule. Limits come from the models and forms, so a
change there reaches the document.
"""

from __future__ import annotations

from interop.api.openapi_schemas import Schema, array, nullable, obj, ref
from participation import openapi as shared

from .models import BODY_MAX_LENGTH, TITLE_MAX_LENGTH, PostStatus

PATH = "/api/v1/discussions/"
TAG = "discussions"
SUBJECT_PATTERN = "^[A-Za-z0-9_]+\\.[A-Za-z0-9_]+:[0-9]+$"
DATE_TIME = {"type": "string", "format": "date-time"}


def _subject(description: str) -> Schema:
    return {"type": "string", "pattern": SUBJECT_PATTERN, "description": description}


def _text(max_length: int, description: str) -> Schema:
    return {
        "type": "string",
        "minLength": 1,
        "maxLength": max_length,
        "pattern": shared.TEXT_PATTERN,
        "description": description,
    }


def schemas() -> dict[str, Schema]:
    body = _text(BODY_MAX_LENGTH, "Markdown; longer is refused (400), never cut.")
    as_answer = {
        "type": "boolean",
        "description": "Post as the publisher's answer (only the publisher's people may).",
    }
    return {
        "DiscussionPost": obj(
            {
                "id": {"type": "integer"},
                "author": {"type": "string", "description": "The author's public name."},
                "body": {"type": "string", "description": "As written (Markdown)."},
                "body_html": {"type": "string", "description": "Sanitised HTML."},
                "publisher_answer": {"type": "boolean"},
                "created_at": DATE_TIME,
                "edited_at": nullable(DATE_TIME),
            }
        ),
        "DiscussionThread": obj(
            {
                "id": {"type": "integer"},
                "title": {"type": "string"},
                "url": {"type": "string", "format": "uri", "description": "The thread's page."},
                "author": {"type": "string", "description": "The author's public name."},
                "created_at": DATE_TIME,
                "closed": {"type": "boolean"},
                "posts": array(ref("DiscussionPost")),
            }
        ),
        "Discussions": obj(
            {
                "subject": {"type": "string"},
                "read_only": {
                    "type": "boolean",
                    "description": "Nobody may post on this subject any more.",
                },
                "threads": array(ref("DiscussionThread")),
            },
            "A subject's threads with a visible post, newest first, visible posts only.",
        ),
        "NewThread": {
            "type": "object",
            "properties": {
                "subject": _subject("The subject to discuss, as in GET."),
                "title": _text(TITLE_MAX_LENGTH, "Plain text: markup is removed."),
                "body": body,
                "as_answer": as_answer,
            },
            "required": ["subject", "title", "body"],
        },
        "NewReply": {
            "type": "object",
            "properties": {
                "thread": {"type": "integer", "minimum": 1, "description": "The thread's id."},
                "body": body,
                "as_answer": as_answer,
            },
            "required": ["thread", "body"],
        },
        "PostCreated": obj(
            {
                "thread": {"type": "integer"},
                "post": {"type": "integer"},
                "status": {
                    "type": "string",
                    "enum": list(PostStatus.values),
                    "description": "held: a new account's post waits for a moderator.",
                },
                "url": {"type": "string", "format": "uri", "description": "The thread's page."},
            }
        ),
    }


def _read() -> Schema:
    subject = _subject(
        "The subject, app_label.model:id: a published entry (catalogue.entry:42) or "
        "another discussable, public object."
    )
    return {
        "operationId": "list_discussions",
        "summary": "A subject's discussion threads and their visible posts",
        "tags": [TAG],
        "security": shared.OPTIONAL_TOKEN,
        "parameters": [{"name": "subject", "in": "query", "required": True, "schema": subject}],
        "responses": {
            "200": shared.json_response("The threads.", ref("Discussions")),
            "400": shared.bad_request("The address carries a control character."),
            **shared.refusals(write=False),
            "404": shared.error("No published, discussable subject has this key."),
        },
    }


def _write() -> Schema:
    return {
        "operationId": "post_discussion",
        "summary": "Start a thread (subject, title, body) or reply to one (thread, body)",
        "tags": [TAG],
        "security": shared.TOKEN,
        "requestBody": shared.json_and_form(
            {"anyOf": [ref("NewReply"), ref("NewThread")], "description": "With thread: a reply."}
        ),
        "responses": {
            "201": shared.json_response("Posted (or held for a moderator).", ref("PostCreated")),
            "400": shared.bad_request(
                "The body is not a JSON object, a field is missing or too long, or the "
                "form's robot trap (website) was filled."
            ),
            **shared.refusals(write=True),
            "404": shared.error("No such public subject or thread."),
        },
    }


def paths() -> dict[str, Schema]:
    return {PATH: {"get": _read(), "post": _write()}}


def register() -> None:
    shared.register(
        TAG,
        "Threads and comments on entries and requests; posting needs an API token.",
        paths,
        schemas,
    )
