"""How an OpenAPI / Swagger description says its calls are authorised.

The catalogue keeps one authentication value per API (the strongest scheme a call needs) and
the schemes as readable text; schemes that are defined but required by no operation are, by
the specification, optional.
"""

from __future__ import annotations

from typing import Any

from harvesters.jsonnorm.values import as_dict, as_list, text

AUTH_ORDER = ("oauth2", "api-key", "registration")  # the strongest first
HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def security_schemes(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    schemes = as_dict(as_dict(document.get("components")).get("securitySchemes"))
    schemes = schemes or as_dict(document.get("securityDefinitions"))
    return {str(name): as_dict(scheme) for name, scheme in schemes.items()}


def required_scheme_names(document: dict[str, Any]) -> set[str] | None:
    """Names in ``security`` requirements (global and per operation); None if none stated."""
    found: set[str] = set()
    requirements = list(as_list(document.get("security"))) if "security" in document else []
    stated = "security" in document
    for path_item in list(as_dict(document.get("paths")).values())[:2000]:
        for method, operation in as_dict(path_item).items():
            if method in HTTP_METHODS and isinstance(operation, dict) and "security" in operation:
                stated = True
                requirements += as_list(operation.get("security"))
    for requirement in requirements:
        found.update(str(name) for name in as_dict(requirement))
    return found if stated else None


def authentication(document: dict[str, Any]) -> tuple[str, list[str]]:
    """The catalogue's authentication value and a readable list of the schemes used."""
    schemes = security_schemes(document)
    required = required_scheme_names(document)
    used = {name: s for name, s in schemes.items() if required is not None and name in required}
    kinds: set[str] = set()
    described: list[str] = []
    for name, scheme in used.items():
        kind = text(scheme.get("type")).lower()
        http_scheme = text(scheme.get("scheme")).lower()
        if kind in {"oauth2", "openidconnect"}:
            kinds.add("oauth2")
        elif kind == "apikey" or (kind == "http" and http_scheme == "bearer"):
            kinds.add("api-key")
        elif kind in {"http", "basic", "mutualtls"}:
            kinds.add("registration")
        where = text(scheme.get("in"))
        described.append(
            f"{name}: {kind or 'unknown'}"
            + (f" ({http_scheme})" if http_scheme else "")
            + (f" in {where} {text(scheme.get('name'))}".rstrip() if where else "")
        )
    for kind in AUTH_ORDER:
        if kind in kinds:
            return kind, described
    if not schemes or not required:
        described = [*described, *(f"{name} (optional)" for name in schemes)]
        return "none", described
    return "", described


def authentication_warning(document: dict[str, Any]) -> str:
    """Schemes defined but required nowhere: by the specification, calls need none of them."""
    if security_schemes(document) and required_scheme_names(document) is None:
        return "security: schemes are defined but no operation requires one; read as optional"
    return ""


def access_instructions(document: dict[str, Any]) -> str:
    parts = [
        text(scheme.get("description"))
        for scheme in security_schemes(document).values()
        if text(scheme.get("description"))
    ]
    return "\n\n".join(parts)[:2000]
