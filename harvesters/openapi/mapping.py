"""OpenAPI 3.x / Swagger 2.0 documents and APIs.guru list.json directories → API records.

Pure: no HTTP, no database. What a developer needs at a glance is extracted: endpoint (the
first server, resolved against the document URL), description document URL, authentication
(from the security schemes actually required), version, contact, licence, lifecycle and sunset.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urljoin, urlsplit

from harvesters.exceptions import PayloadError
from harvesters.jsonnorm import dates, licences, vocab
from harvesters.jsonnorm.values import as_dict, as_list, email, extra, text, text_list, url
from harvesters.records import EntryRecord, OrganisationRecord, Page, RecordError

from . import security
from .security import HTTP_METHODS

_LIFECYCLE_WORDS = {
    "alpha": "experimental",
    "beta": "experimental",
    "experimental": "experimental",
    "preview": "experimental",
    "pilot": "experimental",
    "draft": "experimental",
    "stable": "production",
    "production": "production",
    "live": "production",
    "ga": "production",
    "released": "production",
    "deprecated": "deprecated",
    "sunset": "deprecated",
    "retired": "retired",
    "decommissioned": "retired",
}
_LIFECYCLE_KEYS = ("x-lifecycle", "x-api-lifecycle", "x-status", "x-api-status", "x-maturity")
_SUNSET_KEYS = ("x-sunset", "x-sunset-date", "x-deprecation-date", "x-retirement-date")
# Strongest first: what a developer must do to call the API.


def is_directory(payload: Any) -> bool:
    """An APIs.guru-style list.json: {"provider:service": {"preferred", "versions": {...}}}."""
    if not isinstance(payload, dict) or not payload:
        return False
    if "openapi" in payload or "swagger" in payload:
        return False
    return any(isinstance(v, dict) and "versions" in v for v in list(payload.values())[:20])


def map_payload(payload: Any, *, page_url: str = "") -> Page:
    """A description document (one API) or a directory (many APIs) → one Page."""
    if is_directory(payload):
        return map_directory(payload, page_url=page_url)
    if not isinstance(payload, dict) or not ("openapi" in payload or "swagger" in payload):
        raise PayloadError("not an OpenAPI/Swagger document nor an APIs.guru list.json")
    result = map_document(payload, document_url=page_url, remote_id=page_url)
    if isinstance(result, RecordError):
        return Page(errors=(result,), extras={"count": "1"})
    return Page(records=(result,), extras={"count": "1"})


def map_document(
    document: Any, *, document_url: str = "", remote_id: str = ""
) -> EntryRecord | RecordError:
    """One OpenAPI 3 or Swagger 2 document → an API record."""
    if not isinstance(document, dict):
        return RecordError(remote_id=remote_id, message="the API description is not an object")
    info = as_dict(document.get("info"))
    title = text(info.get("title"))
    remote_id = remote_id or text(info.get("x-providerName")) or title
    if not remote_id:
        return RecordError(remote_id="", message="the API description has no title", field="title")
    if not title:
        return RecordError(
            remote_id=remote_id, message="the API description has no info.title", field="title"
        )
    try:
        return _document(document, info, title=title, remote_id=remote_id, url_=document_url)
    except Exception as error:  # noqa: BLE001 - one odd document must never stop the job
        return RecordError(remote_id=remote_id, message=f"unmappable description: {error!r}"[:300])


def _document(
    document: dict[str, Any], info: dict[str, Any], *, title: str, remote_id: str, url_: str
) -> EntryRecord:
    warnings: list[str] = []
    servers = _servers(document, url_)
    production = [s for s in servers if not _is_test(s[1])] or servers
    sandboxes = [s for s in servers if _is_test(s[1])]
    endpoint = production[0][0] if production else ""
    if not endpoint:
        warnings.append("servers: no endpoint URL could be found")
    authentication, schemes = security.authentication(document)
    if warning := security.authentication_warning(document):
        warnings.append(warning)
    lifecycle = _lifecycle(document, info)
    sunset = _sunset(document, info, warnings)
    if sunset and not lifecycle:
        lifecycle = "deprecated"
    licence, extras = _licence(info, warnings)
    contact = as_dict(info.get("contact"))
    categories = text_list(info.get("x-apisguru-categories"))
    themes, _unmapped = vocab.themes(list(categories))
    tags = [text(as_dict(tag).get("name")) for tag in as_list(document.get("tags"))]
    extras += _description_extras(document, info, schemes)
    docs = as_dict(document.get("externalDocs"))
    origin = _first_dict(info.get("x-origin"))
    return EntryRecord(
        remote_id=remote_id[:500],
        entry_type="api",
        title=title[:300],
        summary=text(info.get("summary"))[:500],
        description=text(info.get("description")),
        landing_page=url(docs.get("url")),
        remote_url=url(docs.get("url")) or url(origin.get("url")) or url(url_),
        publisher=_publisher(info),
        contact_name=text(contact.get("name"))[:200],
        contact_email=email(contact.get("email")),
        contact_url=url(contact.get("url"))[:500],
        keywords=text_list([*categories, *tags], max_items=50),
        themes=themes,
        licence=licence,
        version=_date_text(info.get("version"))[:50],
        endpoint_url=endpoint,
        endpoint_description_url=url(url_) or url(origin.get("url")),
        api_type="rest",
        authentication=authentication,
        access_instructions=security.access_instructions(document),
        lifecycle=lifecycle,
        sunset_date=sunset,
        sandbox_url=sandboxes[0][0] if sandboxes and sandboxes[0][0] != endpoint else "",
        extras=tuple(extras),
        warnings=tuple(warnings),
    )


def _sunset(document: dict[str, Any], info: dict[str, Any], warnings: list[str]) -> dt.date | None:
    """The first sunset date given under any of the extension keys profiles use."""
    for key in _SUNSET_KEYS:
        if info.get(key) or document.get(key):
            return dates.parse_date(
                _date_text(info.get(key) or document.get(key)), warnings, field=key
            )
    return None


def _licence(info: dict[str, Any], warnings: list[str]) -> tuple[str, list[tuple[str, str]]]:
    """(SPDX id, extras): an unknown licence is kept raw in the extras, with a warning."""
    licence_info = info.get("license")
    licence_map = as_dict(licence_info)
    licence, warning = licences.licence_spdx(
        licence_map.get("identifier"),
        licence_map.get("url"),
        licence_map.get("name") if licence_map else licence_info,
    )
    extras: list[tuple[str, str]] = []
    if warning:
        warnings.append(warning)
        extras.append(("licence", text(licence_map.get("name")) or text(licence_info)))
    return licence, extras


def _description_extras(
    document: dict[str, Any], info: dict[str, Any], schemes: list[str]
) -> list[tuple[str, str]]:
    """Facts of the description with no entry field: its specification, security, size."""
    spec_version = text(document.get("openapi")) or text(document.get("swagger"))
    pairs = (
        extra(
            "specification", ("OpenAPI " if document.get("openapi") else "Swagger ") + spec_version
        ),
        extra("security_schemes", "; ".join(schemes)),
        extra("terms_of_service", url(info.get("termsOfService"))),
        extra("operations", str(_operation_count(document))),
        extra("paths", str(len(as_dict(document.get("paths"))))),
        ("operation_list", operation_list(document)),
    )
    return [pair for pair in pairs if pair and pair[1]]


OPERATION_LIST_CHARS = 4800  # the entry keeps 5,000 characters per value


def operation_list(document: dict[str, Any]) -> str:
    """One line per operation, ``METHOD /path — summary``, whole lines up to the size cap."""
    lines: list[str] = []
    size = 0
    for path, path_item in list(as_dict(document.get("paths")).items())[:2000]:
        for method, operation in as_dict(path_item).items():
            if method not in HTTP_METHODS:
                continue
            summary = text(as_dict(operation).get("summary"))[:120]
            line = f"{method.upper()} {text(path)[:300]}" + (f" — {summary}" if summary else "")
            if size + len(line) + 1 > OPERATION_LIST_CHARS:
                return "\n".join(lines)
            lines.append(line)
            size += len(line) + 1
    return "\n".join(lines)


def map_directory(payload: dict[str, Any], *, page_url: str = "") -> Page:
    """An APIs.guru list.json: each ``provider:service`` at its preferred version."""
    records: list[EntryRecord] = []
    errors: list[RecordError] = []
    for key, entry in list(payload.items()):
        remote_id = text(key)[:500]
        if not isinstance(entry, dict):
            errors.append(RecordError(remote_id=remote_id, message="the entry is not an object"))
            continue
        versions = as_dict(entry.get("versions"))
        preferred = text(entry.get("preferred"))
        version = as_dict(versions.get(preferred)) or (
            as_dict(next(iter(versions.values()))) if versions else {}
        )
        if not version:
            errors.append(
                RecordError(
                    remote_id=remote_id, message="the entry has no versions", field="versions"
                )
            )
            continue
        spec_url = url(version.get("swaggerUrl")) or url(version.get("swaggerYamlUrl"))
        document = {
            "openapi": text(version.get("openapiVer")) or "3.0.0",
            "info": as_dict(version.get("info")),
        }
        result = map_document(document, document_url=spec_url, remote_id=remote_id)
        if isinstance(result, EntryRecord):
            result = _with_directory_facts(result, version)
            records.append(result)
        else:
            errors.append(result)
    return Page(
        records=tuple(records),
        errors=tuple(errors),
        extras={"count": str(len(records) + len(errors))},
    )


def _with_directory_facts(record: EntryRecord, version: dict[str, Any]) -> EntryRecord:
    """A directory knows no servers or security: the description document does (client)."""
    from dataclasses import replace

    warnings = tuple(w for w in record.warnings if not w.startswith("servers:"))
    return replace(
        record,
        remote_url=url(version.get("link")) or record.remote_url,
        modified=dates.parse_datetime(version.get("updated")),
        issued=dates.parse_datetime(version.get("added")),
        authentication="",  # unknown until the document is read
        warnings=warnings,
    )


def merge_directory_record(listed: EntryRecord, described: EntryRecord) -> EntryRecord:
    """The directory's record completed by what its description document says."""
    from dataclasses import replace

    return replace(
        described,
        remote_id=listed.remote_id,
        remote_url=listed.remote_url or described.remote_url,
        issued=listed.issued,
        modified=listed.modified,
        publisher=described.publisher or listed.publisher,
        keywords=described.keywords or listed.keywords,
        themes=described.themes or listed.themes,
        endpoint_description_url=listed.endpoint_description_url
        or described.endpoint_description_url,
    )


def _servers(document: dict[str, Any], document_url: str) -> list[tuple[str, str]]:
    """(absolute URL, description) of each server, OpenAPI 3 or Swagger 2 style."""
    result: list[tuple[str, str]] = []
    if document.get("swagger") is not None or "host" in document:
        host = text(document.get("host"))
        base_path = text(document.get("basePath")) or "/"
        schemes = [s for s in text_list(document.get("schemes")) if s in {"https", "http"}]
        if not host and document_url:
            parts = urlsplit(document_url)
            host, schemes = parts.netloc, schemes or [parts.scheme]
        scheme = "https" if "https" in schemes else (schemes[0] if schemes else "https")
        candidate = url(f"{scheme}://{host}{base_path if base_path.startswith('/') else '/'}")
        if host and candidate:
            result.append((candidate, ""))
        return result
    for server in as_list(document.get("servers"))[:20]:
        server_map = as_dict(server)
        raw = text(server_map.get("url"))
        if not raw:
            continue
        for name, variable in as_dict(server_map.get("variables")).items():
            default = text(as_dict(variable).get("default"))
            raw = raw.replace("{" + str(name) + "}", default)
        if "{" in raw:
            continue
        if "://" not in raw and not raw.startswith("/") and "." in raw.split("/")[0]:
            raw = "https://" + raw  # "api.example.org/v1": a host without its scheme
        absolute = url(urljoin(document_url, raw) if document_url else raw)
        if absolute:
            result.append((absolute, text(server_map.get("description"))))
    return result


def _is_test(description: str) -> bool:
    lowered = description.lower()
    return any(
        word in lowered for word in ("sandbox", "test", "staging", "delivery", "dev", "mock", "uat")
    )


def _lifecycle(document: dict[str, Any], info: dict[str, Any]) -> str:
    for key in _LIFECYCLE_KEYS:
        raw = text(info.get(key) or document.get(key)).lower()
        if raw in _LIFECYCLE_WORDS:
            return _LIFECYCLE_WORDS[raw]
    if info.get("x-deprecated") is True or document.get("x-deprecated") is True:
        return "deprecated"
    operations = [
        operation
        for path_item in list(as_dict(document.get("paths")).values())[:2000]
        for method, operation in as_dict(path_item).items()
        if method in HTTP_METHODS and isinstance(operation, dict)
    ]
    if operations and all(operation.get("deprecated") is True for operation in operations):
        return "deprecated"
    return ""


def _operation_count(document: dict[str, Any]) -> int:
    return sum(
        1
        for path_item in as_dict(document.get("paths")).values()
        for method in as_dict(path_item)
        if method in HTTP_METHODS
    )


def _publisher(info: dict[str, Any]) -> OrganisationRecord | None:
    name = text(info.get("x-publisher")) or text(info.get("x-providerName"))
    if not name:
        return None
    return OrganisationRecord(name=name[:255], remote_id=name[:255])


def _first_dict(value: Any) -> dict[str, Any]:
    for item in as_list(value):
        if isinstance(item, dict):
            return item
    return {}


def _date_text(value: Any) -> str:
    """YAML turns unquoted dates into date objects; give them back as ISO text."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return text(value)
