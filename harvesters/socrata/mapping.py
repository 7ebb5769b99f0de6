"""Socrata Discovery API results (and legacy ``/api/views/<id>.json``) → records. Pure.

Volatile counters (page views, download counts) are left out on purpose: they change every day,
and a record whose hash changes every day would be rewritten on every harvest.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from harvesters.exceptions import PayloadError
from harvesters.jsonnorm import dates, licences, vocab
from harvesters.jsonnorm.listing import check_not_empty
from harvesters.jsonnorm.values import as_dict, as_list, email, extra, integer, text, text_list, url
from harvesters.records import (
    DistributionRecord,
    EntryRecord,
    OrganisationRecord,
    Page,
    RecordError,
)

# Asset types that are data; stories, charts, forms... are pages about data, not data.
DATA_TYPES = {"dataset", "file", "href", "map", "filter", "gateway", "", "tabular", "geo", "blob"}


def map_catalog_page(payload: Any, *, page_url: str = "") -> Page:
    """One ``/api/catalog/v1`` response (``results`` + ``resultSetSize``), or one view."""
    if isinstance(payload, dict) and "results" in payload:
        results = payload.get("results")
        if not isinstance(results, list):
            raise PayloadError("not a Socrata catalog response: results is not a list")
        total = integer(payload.get("resultSetSize"))
    elif (
        isinstance(payload, dict)
        and "id" in payload
        and ("viewType" in payload or "name" in payload)
    ):
        results, total = [payload], 1
    elif isinstance(payload, list):  # /api/views.json lists views
        results, total = payload, len(payload)
    else:
        raise PayloadError("not a Socrata catalog response (no results list)")
    check_not_empty(page_url, len(results), total)
    domain = urlsplit(page_url).netloc if page_url else ""
    records: list[EntryRecord] = []
    errors: list[RecordError] = []
    for index, item in enumerate(results):
        result = map_result(item, domain=domain, position=index)
        if isinstance(result, EntryRecord):
            records.append(result)
        elif result is not None:
            errors.append(result)
    extras = {"count": str(total)} if total is not None else {}
    return Page(
        records=tuple(records),
        errors=tuple(errors),
        next_url=next_page_url(page_url, len(results), total) if page_url else None,
        extras=extras,
    )


def next_page_url(page_url: str, returned: int, total: int | None) -> str | None:
    """offset/limit paging: the next offset while results keep coming and the total allows."""
    parts = urlsplit(page_url)
    params = dict(parse_qsl(parts.query, keep_blank_values=True))
    limit = integer(params.get("limit")) or 100  # the API's default page size
    offset = integer(params.get("offset")) or 0
    if returned == 0 or returned < limit:
        return None
    if total is not None and offset + returned >= total:
        return None
    params["offset"] = str(offset + returned)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(params), ""))


def map_result(
    item: Any, *, domain: str = "", position: int = 0
) -> EntryRecord | RecordError | None:
    if not isinstance(item, dict):
        return RecordError(remote_id=f"#{position}", message="result is not a JSON object")
    fields = _from_discovery(item, domain) if "resource" in item else _from_view(item, domain)
    remote_id = text(fields.get("id"))
    if not remote_id:
        return RecordError(remote_id=f"#{position}", message="asset has no id", field="id")
    if text(fields.get("type")).lower() not in DATA_TYPES:
        return None
    title = text(fields.get("name"))
    if not title:
        return RecordError(remote_id=remote_id, message="asset has no name", field="name")
    try:
        return _record(fields, remote_id=remote_id, title=title)
    except Exception as error:  # noqa: BLE001 - one odd asset must never stop the page
        return RecordError(remote_id=remote_id, message=f"unmappable asset: {error!r}"[:300])


def _from_discovery(item: dict[str, Any], domain: str) -> dict[str, Any]:
    resource = as_dict(item.get("resource"))
    classification = as_dict(item.get("classification"))
    metadata = as_dict(item.get("metadata"))
    domain_metadata = {
        text(entry.get("key")): entry.get("value")
        for entry in as_list(classification.get("domain_metadata"))
        if isinstance(entry, dict) and text(entry.get("key"))
    }
    return {
        "id": resource.get("id"),
        "type": resource.get("type"),
        "name": resource.get("name"),
        "description": resource.get("description"),
        "attribution": resource.get("attribution"),
        "attribution_link": resource.get("attribution_link"),
        "contact_email": resource.get("contact_email"),
        "created": resource.get("createdAt"),
        "modified": resource.get("metadata_updated_at") or resource.get("updatedAt"),
        "data_modified": resource.get("data_updated_at"),
        "categories": [
            classification.get("domain_category"),
            *as_list(classification.get("categories")),
        ],
        "tags": [*as_list(classification.get("domain_tags")), *as_list(classification.get("tags"))],
        "licence": metadata.get("license") or _by_key(domain_metadata, "licen"),
        "domain": text(metadata.get("domain")) or domain,
        "permalink": item.get("permalink"),
        "link": item.get("link"),
        "frequency": _by_key(domain_metadata, "frequency"),
        "parents": resource.get("parent_fxf"),
        "provenance": resource.get("provenance"),
        "columns": resource.get("columns_name"),
        "custom": domain_metadata,
    }


def _from_view(view: dict[str, Any], domain: str) -> dict[str, Any]:
    """A legacy ``/api/views/<id>.json`` view: epoch-second dates, custom fields by section."""
    metadata = as_dict(view.get("metadata"))
    custom: dict[str, Any] = {}
    for section, values in as_dict(metadata.get("custom_fields")).items():
        for key, value in as_dict(values).items():
            custom[f"{section}_{key}"] = value
    licence = view.get("license")
    return {
        "id": view.get("id"),
        "type": view.get("assetType") or view.get("viewType"),
        "name": view.get("name"),
        "description": view.get("description"),
        "attribution": view.get("attribution"),
        "attribution_link": view.get("attributionLink"),
        "contact_email": view.get("contactEmail"),
        "created": view.get("createdAt"),
        "modified": view.get("viewLastModified") or view.get("indexUpdatedAt"),
        "data_modified": view.get("rowsUpdatedAt"),
        "categories": [view.get("category")],
        "tags": view.get("tags"),
        "licence": as_dict(licence).get("name")
        if isinstance(licence, dict)
        else (licence or view.get("licenseId")),
        "domain": domain,
        "permalink": f"https://{domain}/d/{text(view.get('id'))}" if domain else "",
        "link": "",
        "frequency": _by_key(custom, "frequency"),
        "parents": [],
        "provenance": view.get("provenance"),
        "columns": [as_dict(c).get("name") for c in as_list(view.get("columns"))],
        "custom": custom,
    }


def _by_key(mapping: dict[str, Any], word: str) -> Any:
    for key, value in mapping.items():
        if word in key.lower():
            return value
    return None


def _record(fields: dict[str, Any], *, remote_id: str, title: str) -> EntryRecord:
    warnings: list[str] = []
    domain = text(fields.get("domain"))
    permalink = url(fields.get("permalink")) or (
        f"https://{domain}/d/{remote_id}" if domain and "/" not in domain else ""
    )
    licence, warning = licences.licence_spdx(fields.get("licence"))
    extras: list[tuple[str, str]] = []
    if warning:
        warnings.append(warning)
        extras.append(("licence", text(fields.get("licence"))))
    themes, unmapped = vocab.themes([c for c in as_list(fields.get("categories")) if c])
    if unmapped:
        extras.append(("category", ", ".join(unmapped)))
    for key, value in as_dict(fields.get("custom")).items():
        pair = extra(key, value)
        if pair and len(pair[1]) <= 500 and len(extras) < 40:  # not map styling blobs
            extras.append(pair)
    for key in ("provenance",):
        pair = extra(key, fields.get(key))
        if pair:
            extras.append(pair)
    columns = [c for c in text_list(fields.get("columns"), max_items=300)]
    if columns:
        extras.append(("columns", ", ".join(columns)[:2000]))
    attribution = text(fields.get("attribution"))
    publisher = (
        OrganisationRecord(
            name=attribution[:255],
            remote_id=attribution[:255],
            website=url(fields.get("attribution_link")),
        )
        if attribution
        else None
    )
    kind = text(fields.get("type")).lower()
    modified = dates.parse_datetime(fields.get("modified"), warnings, field="modified")
    data_modified = dates.parse_datetime(fields.get("data_modified"), warnings, field="data")
    return EntryRecord(
        remote_id=remote_id[:500],
        entry_type="dataset",
        title=title[:300],
        description=text(fields.get("description")),
        identifier=permalink,
        landing_page=permalink,
        remote_url=url(fields.get("link")) or permalink,
        publisher=publisher,
        contact_email=email(fields.get("contact_email")),
        keywords=text_list([t[:100] for t in text_list(fields.get("tags"))], max_items=100),
        themes=themes,
        licence=licence,
        issued=dates.parse_datetime(fields.get("created"), warnings, field="createdAt"),
        modified=max(filter(None, (modified, data_modified)), default=None),
        frequency=dates.frequency(fields.get("frequency")),
        series_ref=text(next(iter(as_list(fields.get("parents"))), "")),
        distributions=_distributions(domain, remote_id, kind, permalink, licence),
        extras=tuple(extras),
        warnings=tuple(warnings),
    )


def _distributions(
    domain: str, asset_id: str, kind: str, permalink: str, licence: str
) -> tuple[DistributionRecord, ...]:
    """Socrata serves every tabular dataset the same ways: exports and the SODA endpoint."""
    if not domain or "/" in domain or not asset_id.replace("-", "").isalnum():
        return ()
    base = f"https://{domain}"
    if kind in {"dataset", "filter", "tabular", ""}:
        return (
            DistributionRecord(
                title="CSV",
                format="CSV",
                media_type="text/csv",
                licence=licence,
                access_url=f"{base}/api/views/{asset_id}/rows.csv?accessType=DOWNLOAD",
                download_url=f"{base}/api/views/{asset_id}/rows.csv?accessType=DOWNLOAD",
            ),
            DistributionRecord(
                title="JSON",
                format="JSON",
                media_type="application/json",
                licence=licence,
                access_url=f"{base}/api/views/{asset_id}/rows.json?accessType=DOWNLOAD",
                download_url=f"{base}/api/views/{asset_id}/rows.json?accessType=DOWNLOAD",
            ),
            DistributionRecord(
                title="SODA API",
                format="API",
                licence=licence,
                access_url=f"{base}/resource/{asset_id}.json",
            ),
        )
    if permalink:
        return (
            DistributionRecord(
                title="Web page",
                format="HTML",
                media_type="text/html",
                access_url=permalink,
                licence=licence,
            ),
        )
    return ()
