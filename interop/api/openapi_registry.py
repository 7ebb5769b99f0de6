"""Paths other apps add to the OpenAPI document, without interop importing them.

Participation (discussions, requests, follows, reports) owns its ``/api/v1/...`` endpoints and
registers their description here from its ``AppConfig.ready``; the document lists them next to
the read API, so generated clients and schemathesis see every route the URLconf serves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .openapi_schemas import Schema


@dataclass(frozen=True)
class OpenAPIPart:
    """One app's tag, its paths and the component schemas they ``$ref`` (built when asked).

    ``security_schemes`` name how its writes authenticate (a bearer token); parts that share
    a scheme give it under the same name, and the document lists it once.
    """

    tag: str
    description: str
    paths: Callable[[], dict[str, Schema]]
    schemas: Callable[[], dict[str, Schema]] = field(default=lambda: {})
    security_schemes: Callable[[], dict[str, Schema]] = field(default=lambda: {})


_parts: dict[str, OpenAPIPart] = {}


def register_openapi_part(part: OpenAPIPart) -> None:
    """Add (or replace, on a second ``ready``) one app's part of the document."""
    _parts[part.tag] = part


def openapi_parts() -> list[OpenAPIPart]:
    """Registered parts in a stable order (by tag), so the document is deterministic."""
    return [_parts[tag] for tag in sorted(_parts)]


def openapi_part_schemas() -> dict[str, Schema]:
    """Every registered part's component schemas, merged (names are the parts' to keep apart)."""
    schemas: dict[str, Schema] = {}
    for part in openapi_parts():
        schemas.update(part.schemas())
    return schemas


def openapi_components(schemas: dict[str, Schema]) -> Schema:
    """The document's ``components``: ``schemas`` and the parts' own, and their security
    schemes when any part has one (an empty ``securitySchemes`` is left out)."""
    components: Schema = {"schemas": {**schemas, **openapi_part_schemas()}}
    security: dict[str, Schema] = {}
    for part in openapi_parts():
        security.update(part.security_schemes())
    if security:
        components["securitySchemes"] = security
    return components
