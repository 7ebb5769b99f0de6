"""Reading data.json values: POD 1.1 strings and DCAT-US 3 typed objects alike.

POD 1.1 gives a licence, a theme or a landing page as a string; DCAT-US 3 gives an object
(``{"@id": ..., "prefLabel": ...}``) or a list of them. Each reader accepts both shapes, so the
dataset and service mappers read one field one way whatever the version.
"""

from __future__ import annotations

from typing import Any

from harvesters.jsonnorm import vocab
from harvesters.jsonnorm.values import as_dict, as_list, text, url
from interop.standards import dcat_vocabulary as shared

_SERVICE_TYPES = (
    ("openapi", "rest"),
    ("swagger", "rest"),
    ("graphql", "graphql"),
    ("wsdl", "soap"),
    ("soap", "soap"),
    ("odata", "odata"),
    ("sparql", "sparql"),
    ("wms", "ogc"),
    ("wfs", "ogc"),
    ("ogc", "ogc"),
    ("asyncapi", "asyncapi"),
)


def remote_id(item: dict[str, Any]) -> str:
    identifier = item.get("identifier")
    if isinstance(identifier, dict):
        value = text(identifier.get("notation")) or text(identifier.get("@id"))
    elif isinstance(identifier, list):
        value = text(identifier)
    else:
        value = text(identifier)
    return (value or text(item.get("@id")))[:500]


def landing(item: dict[str, Any]) -> str:
    page = item.get("landingPage")
    if isinstance(page, dict):
        return url(page.get("accessURL")) or url(page.get("@id"))
    return url(page)


def first(value: Any) -> Any:
    items = as_list(value)
    return items[0] if items else None


def first_dict(value: Any) -> dict[str, Any]:
    for item in as_list(value):
        if isinstance(item, dict):
            return item
    return {}


def ref(value: Any) -> str:
    """The URI/identifier a DCAT-US 3 object or a plain string refers to."""
    if isinstance(value, dict):  # keyed as records are: identifier first, then @id
        return remote_id(value) or url(value.get("accessURL"))
    return text(value)


def checksum(value: Any) -> str:
    """A DCAT-US 3 Checksum object's hex value (the catalogue keeps SHA-256 / other hex)."""
    digest = text(as_dict(value).get("checksumValue")).lower()
    return digest[:128] if digest and all(c in "0123456789abcdef" for c in digest) else ""


def locations(value: Any) -> tuple[tuple[str, ...], str]:
    """DCAT-US 3 Location objects: countries by their EU country IRI, else a place name."""
    countries: list[str] = []
    place = ""
    for item in as_list(value):
        if not isinstance(item, dict):
            continue
        code = shared.country_code(text(item.get("@id"))) if text(item.get("@id")) else ""
        if code:
            countries.append(code)
        elif not place:
            place = text(item.get("prefLabel"))
    return tuple(dict.fromkeys(countries)), place


def label(value: Any) -> str:
    if isinstance(value, dict):
        return text(value.get("prefLabel")) or text(value.get("title")) or text(value.get("@id"))
    return text(value)


def licence_value(value: Any) -> Any:
    if isinstance(value, dict):
        return value.get("@id") or value.get("title") or value.get("name")
    return value


def access_rights(value: Any) -> str:
    raw = label(value).lower()
    if "non-public" in raw or "non_public" in raw:
        return "non-public"
    if "restricted" in raw:
        return "restricted"
    return "public"


def api_type(hints: list[str]) -> str:
    joined = " ".join(hints).lower()
    for word, kind in _SERVICE_TYPES:
        if word in joined:
            return kind
    return ""


def themes(value: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(theme codes, labels no code matched): an EU theme IRI first, else the label."""
    items = as_list(value)
    by_iri = [shared.theme_code(text(t.get("@id"))) if isinstance(t, dict) else "" for t in items]
    codes, unmapped = vocab.themes(
        [label(t) for t, code in zip(items, by_iri, strict=True) if not code]
    )
    return tuple(dict.fromkeys([c for c in by_iri if c] + list(codes))), unmapped


def conforms_to(value: Any) -> tuple[str, ...]:
    """The standards a record conforms to, as URLs (a reference that is no URL is dropped)."""
    return tuple(u for u in (url(ref(c)) for c in as_list(value)) if u)
