"""OpenDataSoft catalog responses → records. Pure: no HTTP, no database.

Three response shapes carry the same dataset metadata ("metas"):

* Explore v2.1 ``/catalog/datasets``: ``{"total_count", "results": [{"dataset_id", "metas"}]}``
* Explore v2.0 ``/catalog/datasets``: ``{"total_count", "links", "datasets": [{"dataset": ...}]}``
* API v1 ``/api/datasets/1.0/search``: ``{"nhits", "datasets": [{"datasetid", "metas": {...}}]}``

``records_count`` and processing times are left out: they change with every data refresh and
would make every harvest rewrite the record.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from harvesters.exceptions import PayloadError
from harvesters.jsonnorm import dates, formats, licences, vocab
from harvesters.jsonnorm.listing import check_not_empty
from harvesters.jsonnorm.values import as_dict, as_list, email, extra, integer, text, text_list, url
from harvesters.records import (
    DistributionRecord,
    EntryRecord,
    OrganisationRecord,
    Page,
    RecordError,
)

_DCAT_EXTRAS = (
    "granularity",
    "dataquality",
    "creator",
    "contributor",
    "publisher_type",
    "spatial",
    "relation",
)


def map_catalog_page(payload: Any, *, page_url: str = "") -> Page:
    datasets, total, next_link = _datasets(payload)
    check_not_empty(page_url, len(datasets), total, ("offset", "start"))
    site = _site(page_url)
    records: list[EntryRecord] = []
    errors: list[RecordError] = []
    for index, item in enumerate(datasets):
        result = map_dataset(item, site=site, position=index)
        if isinstance(result, EntryRecord):
            records.append(result)
        else:
            errors.append(result)
    next_url = next_link or (_next_offset_url(page_url, len(datasets), total) if page_url else None)
    return Page(
        records=tuple(records),
        errors=tuple(errors),
        next_url=next_url,
        extras={"count": str(total)} if total is not None else {},
    )


def _datasets(payload: Any) -> tuple[list[Any], int | None, str | None]:
    if not isinstance(payload, dict):
        raise PayloadError("not an OpenDataSoft catalog response: not a JSON object")
    if isinstance(payload.get("results"), list):  # v2.1
        return payload["results"], integer(payload.get("total_count")), None
    if isinstance(payload.get("datasets"), list):
        items = payload["datasets"]
        if "nhits" in payload:  # v1 search
            return items, integer(payload.get("nhits")), None
        next_link = next(
            (
                url(as_dict(link).get("href"))
                for link in as_list(payload.get("links"))
                if text(as_dict(link).get("rel")) == "next"
            ),
            None,
        )
        unwrapped = [as_dict(item).get("dataset", item) for item in items]  # v2.0
        return unwrapped, integer(payload.get("total_count")), next_link or None
    if "dataset_id" in payload or "datasetid" in payload:  # one dataset
        return [payload], 1, None
    if isinstance(payload.get("dataset"), dict):  # one v2.0 dataset
        return [payload["dataset"]], 1, None
    raise PayloadError("not an OpenDataSoft catalog response (no results or datasets list)")


def _next_offset_url(page_url: str, returned: int, total: int | None) -> str | None:
    parts = urlsplit(page_url)
    params = dict(parse_qsl(parts.query, keep_blank_values=True))
    if "rows" in params or "start" in params:  # v1
        size_key, offset_key, default_size = "rows", "start", 10
    else:
        size_key, offset_key, default_size = "limit", "offset", 10
    size = integer(params.get(size_key)) or default_size
    offset = integer(params.get(offset_key)) or 0
    if returned == 0 or returned < size or (total is not None and offset + returned >= total):
        return None
    params[offset_key] = str(offset + returned)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(params), ""))


def _site(page_url: str) -> str:
    if not page_url:
        return ""
    parts = urlsplit(page_url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def map_dataset(item: Any, *, site: str = "", position: int = 0) -> EntryRecord | RecordError:
    if not isinstance(item, dict):
        return RecordError(remote_id=f"#{position}", message="dataset is not a JSON object")
    dataset_id = text(item.get("dataset_id")) or text(item.get("datasetid"))
    if not dataset_id:
        return RecordError(
            remote_id=f"#{position}", message="dataset has no id", field="dataset_id"
        )
    metas = as_dict(item.get("metas"))
    default = as_dict(metas.get("default")) or metas  # v1 metas are flat
    title = text(default.get("title"))
    if not title:
        return RecordError(remote_id=dataset_id, message="dataset has no title", field="title")
    try:
        return _record(item, dataset_id, title, default, as_dict(metas.get("dcat")), site)
    except Exception as error:  # noqa: BLE001 - one odd dataset must never stop the page
        return RecordError(remote_id=dataset_id, message=f"unmappable dataset: {error!r}"[:300])


def _record(
    item: dict[str, Any],
    dataset_id: str,
    title: str,
    default: dict[str, Any],
    dcat: dict[str, Any],
    site: str,
) -> EntryRecord:
    warnings: list[str] = []
    licence, warning = licences.licence_spdx(default.get("license_url"), default.get("license"))
    if warning:
        warnings.append(warning)
    themes, unmapped = vocab.themes(as_list(default.get("theme")))
    extras = _extras(default, dcat, unknown_licence=bool(warning), unmapped_themes=unmapped)
    landing = f"{site}/explore/dataset/{quote(dataset_id, safe='')}/" if site else ""
    publisher_name = text(default.get("publisher"))
    start, end = _temporal(dcat, warnings)
    return EntryRecord(
        remote_id=dataset_id[:500],
        entry_type="dataset",
        title=title[:300],
        description=text(default.get("description")),
        identifier=landing,
        landing_page=url(default.get("references")) or landing,
        remote_url=landing,
        publisher=OrganisationRecord(name=publisher_name[:255], remote_id=publisher_name[:255])
        if publisher_name
        else None,
        contact_name=text(dcat.get("contact_name"))[:200],
        contact_email=email(dcat.get("contact_email")),
        keywords=_keywords(default.get("keyword")),
        themes=themes,
        licence=licence,
        access_rights="restricted" if text(default.get("visibility")) == "restricted" else "public",
        countries=vocab.countries(default.get("territory")),
        temporal_start=start,
        temporal_end=end,
        languages=vocab.languages(default.get("language")),
        issued=dates.parse_datetime(
            dcat.get("issued") or dcat.get("created"), warnings, field="issued"
        ),
        modified=dates.parse_datetime(default.get("modified"), warnings, field="modified"),
        frequency=dates.frequency(dcat.get("accrualperiodicity"), warnings),
        conforms_to=tuple(u for u in (url(c) for c in as_list(dcat.get("conforms_to"))) if u),
        distributions=_distributions(item, dataset_id, site, licence, warnings),
        extras=tuple(extras),
        warnings=tuple(warnings),
    )


def _extras(
    default: dict[str, Any],
    dcat: dict[str, Any],
    *,
    unknown_licence: bool,
    unmapped_themes: tuple[str, ...],
) -> list[tuple[str, str]]:
    """What has no entry field, kept raw: an unknown licence, unmapped themes, DCAT facts."""
    extras: list[tuple[str, str]] = []
    if unknown_licence:
        extras.append(("licence", text(default.get("license"))))
    if unmapped_themes:
        extras.append(("theme", "; ".join(unmapped_themes)[:2000]))
    pairs = [extra(key, dcat.get(key)) for key in _DCAT_EXTRAS]
    pairs += [
        extra(key, default.get(key))
        for key in ("territory", "geographic_reference", "attributions")
    ]
    extras += [pair for pair in pairs if pair]
    return extras


def _keywords(value: Any) -> tuple[str, ...]:
    """Keywords as a list, or as one comma-separated string (some portals' v1 metas)."""
    if isinstance(value, str):
        value = value.split(",") if "," in value else [value]
    return text_list([text(k)[:100] for k in as_list(value)], max_items=100)


def _temporal(dcat: dict[str, Any], warnings: list[str]) -> tuple[dt.date | None, dt.date | None]:
    start = dates.parse_date(dcat.get("temporal_coverage_start"), warnings, field="temporal")
    end = dates.parse_date(dcat.get("temporal_coverage_end"), warnings, field="temporal")
    if not (start or end) and dcat.get("temporal"):
        start, end = dates.parse_period(dcat.get("temporal"), warnings)
    return start, end


def _distributions(
    item: dict[str, Any], dataset_id: str, site: str, licence: str, warnings: list[str]
) -> tuple[DistributionRecord, ...]:
    result: list[DistributionRecord] = []
    quoted = quote(dataset_id, safe="")
    if site and item.get("has_records") is not False:
        base = f"{site}/api/explore/v2.1/catalog/datasets/{quoted}"
        exports = [("CSV", "csv"), ("JSON", "json")]
        if "geo" in text_list(item.get("features")):
            exports.append(("GEOJSON", "geojson"))
        for fmt, path in exports:
            _fmt, media_type = formats.normalise_format(fmt)
            result.append(
                DistributionRecord(
                    title=fmt,
                    format=fmt,
                    media_type=media_type,
                    licence=licence,
                    access_url=f"{base}/exports/{path}",
                    download_url=f"{base}/exports/{path}",
                )
            )
        result.append(
            DistributionRecord(
                title="Records API", format="API", licence=licence, access_url=f"{base}/records"
            )
        )
    for key in ("attachments", "alternative_exports"):
        for attachment in as_list(item.get(key))[:100]:
            attachment = as_dict(attachment)
            metas = as_dict(attachment.get("metas"))
            href = url(attachment.get("href")) or url(attachment.get("url"))
            raw = text(attachment.get("url"))
            if not href and raw.startswith("odsfile://") and site:
                href = (
                    f"{site}/api/datasets/1.0/{quoted}/{key}/"
                    f"{quote(text(attachment.get('id')), safe='')}/"
                )
            if not href:
                continue
            fmt, media_type = formats.normalise_format(
                "",
                attachment.get("mimetype") or metas.get("mime-type"),
                raw or href,
                warnings,
            )
            result.append(
                DistributionRecord(
                    title=(text(attachment.get("title")) or text(metas.get("title")))[:300],
                    description=text(attachment.get("description")),
                    access_url=href,
                    download_url=href,
                    format=fmt,
                    media_type=media_type,
                    licence=licence,
                    remote_id=text(attachment.get("id")),
                )
            )
    return tuple(result)
