"""data.json catalogues → records. Pure: no HTTP, no database.

* Project Open Data 1.1 (``dataset[]`` with string fields), as federal agencies, Socrata and
  ArcGIS Hub publish it; collections are ``isPartOf`` links to a parent dataset, which becomes
  a series.
* DCAT-US 3 (``dataset[]``, ``service[]``, ``datasetSeries[]``, values as typed objects):
  data services become API entries linked to the datasets they serve, series members point at
  their series. A document that is a single Dataset object is read as a one-dataset catalogue.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Any

from harvesters.exceptions import PayloadError
from harvesters.jsonnorm import dates, licences, vocab
from harvesters.jsonnorm.values import (
    as_dict,
    as_list,
    email,
    extra,
    text,
    text_list,
    url,
)
from harvesters.records import (
    EntryRecord,
    Page,
    RecordError,
)

from . import objects, parts

_ACCESS_LEVELS = {"public": "public", "restricted public": "restricted", "non-public": "non-public"}
# POD fields with no core field, kept as extras.
_EXTRA_KEYS = (
    "bureauCode",
    "programCode",
    "rights",
    "dataQuality",
    "describedBy",
    "describedByType",
    "references",
    "systemOfRecords",
    "primaryITInvestmentUII",
    "spatial",
    "status",
    "purpose",
    "provenance",
    "liabilityStatement",
    "versionNotes",
)


def map_catalog(payload: Any, *, page_url: str = "") -> Page:
    """A whole data.json document → one Page (data.json is not paged)."""
    datasets, services, series = _members(payload)
    records: list[EntryRecord] = []
    errors: list[RecordError] = list(_unreadable_catalogues(payload))
    seen: set[str] = set()

    def add(result: EntryRecord | RecordError) -> None:
        if isinstance(result, RecordError):
            errors.append(result)
        elif result.remote_id in seen:
            errors.append(
                RecordError(
                    remote_id=result.remote_id,
                    message="the identifier is used by more than one record",
                    field="identifier",
                )
            )
        else:
            seen.add(result.remote_id)
            records.append(result)

    for index, item in enumerate(series):
        add(map_dataset(item, position=f"series #{index}", is_series=True))
        series_id = objects.remote_id(item) if isinstance(item, dict) else ""
        members = [m for m in as_list(as_dict(item).get("seriesMember")) if isinstance(m, dict)]
        for member_index, member in enumerate(members):
            add(
                map_dataset(
                    member, position=f"series #{index} member #{member_index}", series_ref=series_id
                )
            )
    for index, item in enumerate(datasets):
        add(map_dataset(item, position=f"#{index}"))
    for index, item in enumerate(services):
        add(map_service(item, position=f"service #{index}"))

    # DCAT-US 3 links by @id as well as by identifier: name every link by the remote id
    aliases = _aliases(
        [
            *datasets,
            *services,
            *series,
            *(m for s in series for m in as_list(as_dict(s).get("seriesMember"))),
        ]
    )
    if aliases:
        records = [_resolve_links(r, aliases) for r in records]
    # POD 1.1 collections: a dataset that others name in isPartOf is a series.
    parents = {r.series_ref for r in records if r.series_ref}
    records = [_as_series(r) if r.remote_id in parents and not r.is_series else r for r in records]
    return Page(
        records=tuple(records),
        errors=tuple(errors),
        extras={"count": str(len(records) + len(errors))},
    )


def _members(payload: Any) -> tuple[list[Any], list[Any], list[Any]]:
    if isinstance(payload, list):  # some portals publish a bare array of datasets
        return payload, [], []
    if not isinstance(payload, dict):
        raise PayloadError("not a data.json catalogue: the document is not a JSON object")
    kind = text(payload.get("@type")).lower()
    if kind.endswith("dataset") and "dataset" not in payload:
        return [payload], [], []
    if kind.endswith("dataservice"):
        return [], [payload], []
    if kind.endswith("datasetseries"):
        return [], [], [payload]
    datasets = payload.get("dataset")
    services = payload.get("service") or payload.get("dataService")
    series = payload.get("datasetSeries")
    nested = list(_sub_catalogues(payload))
    if datasets is None and services is None and series is None and not nested:
        raise PayloadError("not a data.json catalogue: no dataset, service or datasetSeries list")
    datasets, services, series = as_list(datasets), as_list(services), as_list(series)
    for catalogue in nested:  # DCAT-US 3 sub-catalogues (dcat:catalog): every dataset counts
        datasets += as_list(catalogue.get("dataset"))
        services += as_list(catalogue.get("service") or catalogue.get("dataService"))
        series += as_list(catalogue.get("datasetSeries"))
    return datasets, services, series


_MAX_CATALOGUE_DEPTH = 5


def _sub_catalogues(payload: Any, depth: int = 0) -> list[dict[str, Any]]:
    """The catalogues nested in ``payload``'s ``catalog`` list, at any depth (up to 5)."""
    if depth >= _MAX_CATALOGUE_DEPTH or not isinstance(payload, dict):
        return []
    found: list[dict[str, Any]] = []
    for item in as_list(payload.get("catalog")):
        if isinstance(item, dict):
            found.append(item)
            found += _sub_catalogues(item, depth + 1)
    return found


def _unreadable_catalogues(payload: Any) -> list[RecordError]:
    """Sub-catalogues given only by reference (or empty): said, never silently left out."""
    errors = []
    items = as_list(as_dict(payload).get("catalog")) + [
        sub for cat in _sub_catalogues(payload) for sub in as_list(cat.get("catalog"))
    ]
    for item in items:
        name = text(as_dict(item).get("@id")) or text(as_dict(item).get("title")) or text(item)
        if not isinstance(item, dict) or not any(
            k in item for k in ("dataset", "service", "dataService", "datasetSeries", "catalog")
        ):
            errors.append(
                RecordError(
                    remote_id=f"catalog {name[:200]}",
                    message="a sub-catalogue given only by reference: its datasets are not "
                    "in this document and were not harvested",
                    field="catalog",
                )
            )
    return errors


def _aliases(items: list[Any]) -> dict[str, str]:
    """``@id`` → remote id, for the records whose ``@id`` is not their identifier."""
    out: dict[str, str] = {}
    for item in items:
        if isinstance(item, dict):
            at, remote = text(item.get("@id")), objects.remote_id(item)
            if at and remote and at != remote:
                out.setdefault(at, remote)
    return out


def _resolve_links(record: EntryRecord, aliases: dict[str, str]) -> EntryRecord:
    return replace(
        record,
        serves_refs=tuple(aliases.get(r, r) for r in record.serves_refs),
        series_ref=aliases.get(record.series_ref, record.series_ref),
        distributions=tuple(
            replace(d, access_service_ref=aliases.get(d.access_service_ref, d.access_service_ref))
            for d in record.distributions
        ),
    )


def _as_series(record: EntryRecord) -> EntryRecord:
    return replace(record, is_series=True)


def map_dataset(
    item: Any, *, position: str = "", is_series: bool = False, series_ref: str = ""
) -> EntryRecord | RecordError:
    if not isinstance(item, dict):
        return RecordError(remote_id=position, message="dataset is not a JSON object")
    remote_id = objects.remote_id(item)
    if not remote_id:
        return RecordError(
            remote_id=_fallback_id(item, position),
            message="dataset has no identifier",
            field="identifier",
        )
    title = text(item.get("title"))
    if not title:
        return RecordError(remote_id=remote_id, message="dataset has no title", field="title")
    try:
        return _dataset(item, remote_id, title, is_series=is_series, series_ref=series_ref)
    except Exception as error:  # noqa: BLE001 - one odd record must never stop the catalogue
        return RecordError(remote_id=remote_id, message=f"unmappable dataset: {error!r}"[:300])


def _fallback_id(item: dict[str, Any], position: str) -> str:
    """Something stable to file the error under: the landing page or a hash of the title."""
    landing = objects.landing(item)
    if landing:
        return landing
    title = text(item.get("title"))
    if title:
        return "title:" + hashlib.sha256(title.encode()).hexdigest()[:16]
    return position


def _common(item: dict[str, Any], warnings: list[str]) -> dict[str, Any]:
    """Fields shared by datasets, series and data services."""
    licence, warning = licences.licence_spdx(
        objects.licence_value(item.get("license")),
        *[objects.licence_value(r) for r in as_list(item.get("rights"))],
    )
    extras: list[tuple[str, str]] = []
    if warning:
        warnings.append(warning)
        pair = extra("license", objects.licence_value(item.get("license")))
        if pair:
            extras.append(pair)
    themes, unmapped = objects.themes(item.get("theme"))
    if unmapped:
        extras.append(("theme", ", ".join(unmapped)[:2000]))
    for key in _EXTRA_KEYS:
        pair = extra(key, item.get(key))
        if pair:
            extras.append(pair)
    contact = objects.first_dict(item.get("contactPoint"))
    modified_raw = item.get("modified")
    frequency_raw = item.get("accrualPeriodicity")
    if isinstance(modified_raw, str) and modified_raw.startswith("R/"):
        frequency_raw = frequency_raw or modified_raw  # "modified": "R/P1D" = updated daily
        modified_raw = None
    identifier = url(objects.remote_id(item)) or url(item.get("@id"))
    return {
        "description": text(item.get("description")),
        "identifier": identifier[:500],
        "landing_page": objects.landing(item),
        "publisher": parts.map_publisher(item.get("publisher")),
        "contact_name": text(contact.get("fn"))[:200],
        "contact_email": email(contact.get("hasEmail")),
        "keywords": text_list([k[:100] for k in text_list(item.get("keyword"))], max_items=100),
        "themes": themes,
        "licence": licence,
        "access_rights": _ACCESS_LEVELS.get(
            text(item.get("accessLevel")).lower(), objects.access_rights(item.get("accessRights"))
        ),
        "languages": vocab.languages(item.get("language")),
        "issued": dates.parse_datetime(item.get("issued"), warnings, field="issued"),
        "modified": dates.parse_datetime(modified_raw, warnings, field="modified"),
        "frequency": dates.frequency(frequency_raw, warnings),
        "extras": extras,
    }


def _dataset(
    item: dict[str, Any], remote_id: str, title: str, *, is_series: bool, series_ref: str
) -> EntryRecord:
    warnings: list[str] = []
    common = _common(item, warnings)
    spatial = item.get("spatial")
    spatial_text = objects.label(spatial) if not isinstance(spatial, dict | list) else ""
    is_bbox = (
        bool(spatial_text)
        and spatial_text.replace(",", "")
        .replace(".", "")
        .replace("-", "")
        .replace(" ", "")
        .isdigit()
    )
    temporal_start, temporal_end = dates.parse_period(item.get("temporal"), warnings)
    in_series = objects.first(item.get("inSeries"))
    parent = series_ref or objects.ref(in_series) or text(item.get("isPartOf"))
    distributions = parts.distributions(item.get("distribution"), common["licence"], warnings)
    if not common["licence"]:
        # DCAT-US 3 has no Dataset licence: one licence on every distribution is the dataset's
        own = {d.licence for d in distributions if d.licence}
        if len(own) == 1 and all(d.licence for d in distributions):
            common["licence"] = own.pop()
    countries, place = objects.locations(spatial)
    return EntryRecord(
        remote_id=remote_id,
        entry_type="dataset",
        title=title,
        remote_url=common["landing_page"],
        spatial_label=place[:200]
        if place
        else ("" if is_bbox or spatial_text.startswith("{") else spatial_text[:200]),
        countries=countries
        or (vocab.countries(spatial_text) if spatial_text and not is_bbox else ()),
        temporal_start=temporal_start,
        temporal_end=temporal_end,
        version=text(item.get("version"))[:50],
        series_ref=parent[:500],
        is_series=is_series,
        conforms_to=objects.conforms_to(item.get("conformsTo")),
        distributions=distributions,
        warnings=tuple(warnings),
        **{**common, "extras": tuple(common["extras"])},
    )


def map_service(item: Any, *, position: str = "") -> EntryRecord | RecordError:
    """A DCAT-US 3 DataService → an API entry."""
    if not isinstance(item, dict):
        return RecordError(remote_id=position, message="service is not a JSON object")
    remote_id = objects.remote_id(item)
    if not remote_id:
        return RecordError(
            remote_id=_fallback_id(item, position),
            message="data service has no identifier",
            field="identifier",
        )
    title = text(item.get("title"))
    if not title:
        return RecordError(remote_id=remote_id, message="data service has no title", field="title")
    try:
        warnings: list[str] = []
        common = _common(item, warnings)
        endpoints = [u for u in (url(e) for e in as_list(item.get("endpointURL"))) if u]
        description_doc = url(objects.ref(objects.first(item.get("endpointDescription"))))
        conforms = [objects.label(c) or objects.ref(c) for c in as_list(item.get("conformsTo"))]
        if not endpoints:
            warnings.append("endpointURL: the data service has no http(s) endpoint")
        countries, place = objects.locations(item.get("spatial"))
        temporal_start, temporal_end = dates.parse_period(item.get("temporal"), warnings)
        return EntryRecord(
            remote_id=remote_id,
            entry_type="api",
            title=title,
            countries=countries,
            spatial_label=place[:200],
            temporal_start=temporal_start,
            temporal_end=temporal_end,
            version=text(item.get("version"))[:50],
            remote_url=common["landing_page"],
            endpoint_url=endpoints[0] if endpoints else "",
            endpoint_description_url=description_doc,
            api_type=objects.api_type([*conforms, description_doc]),
            serves_refs=tuple(
                ref for ref in (objects.ref(s) for s in as_list(item.get("servesDataset"))) if ref
            ),
            conforms_to=objects.conforms_to(item.get("conformsTo")),
            warnings=tuple(warnings),
            **{**common, "extras": tuple(common["extras"])},
        )
    except Exception as error:  # noqa: BLE001
        return RecordError(remote_id=remote_id, message=f"unmappable service: {error!r}"[:300])
