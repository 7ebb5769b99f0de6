"""CKAN package dicts → records. Pure: no HTTP, no database.

Covers stock CKAN 2.2–2.11 and the common schema extensions seen in the fixtures: multilingual
fields (ckanext-fluent, opendata.swiss), scheming fields (data.gov.au, WA, transportdata.be), and
data.gov's harvest extras whose values are not always strings.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from harvesters.exceptions import PayloadError
from harvesters.jsonnorm import dates, formats, licences, vocab
from harvesters.jsonnorm.values import (
    as_dict,
    as_list,
    email,
    extra,
    integer,
    text,
    text_list,
    url,
)
from harvesters.records import (
    DistributionRecord,
    EntryRecord,
    OrganisationRecord,
    Page,
    RecordError,
)

_MAX_RESOURCES = 500
_MAX_EXTRAS = 60
# Extras that say the same as a core field, or only describe the harvest that copied them.
_SKIPPED_EXTRAS = {
    "harvest_object_id",
    "harvest_source_id",
    "harvest_source_title",
    "source_hash",
    "catalog_@context",
    "catalog_describedBy",
    "catalog_conformsTo",
}


def map_search_page(
    payload: Any, *, site_url: str = "", page_url: str = "", known: Mapping[str, str] | None = None
) -> Page:
    """One ``package_search`` (or ``package_show``, or a bare list of package dicts) response.

    ``PayloadError`` when the payload is no such response at all (the job fails, nothing is
    withdrawn); per-package problems become ``RecordError``s. ``next_url`` continues the
    keyset paging of :mod:`harvesters.ckan.client` when ``page_url`` is a package_search URL.
    ``known`` (remote id → fingerprint of the last harvest) lists packages whose fingerprint
    has not moved in ``unchanged_ids`` instead of mapping them.
    """
    known = known or {}
    packages, count = _packages(payload)
    if packages is None:
        raise PayloadError(_bad_payload(payload))
    if not site_url and page_url:
        site_url = site_url_of(page_url)
    records: list[EntryRecord] = []
    errors: list[RecordError] = []
    unchanged: list[str] = []
    fingerprints: dict[str, str] = {}
    for index, package in enumerate(packages):
        mark = package_fingerprint(package)
        if mark:
            remote_id = package["id"]
            if known.get(remote_id) == mark:
                unchanged.append(remote_id)  # same id and modification time: not mapped
                continue
        result = map_package(package, site_url=site_url, position=index)
        if isinstance(result, EntryRecord):
            records.append(result)
            if mark and result.remote_id == package["id"]:
                fingerprints[result.remote_id] = mark
        elif result is not None:
            errors.append(result)
    extras = {"count": str(count)} if count is not None else {}
    next_url = next_search_url(page_url, packages) if page_url else None
    return Page(
        records=tuple(records),
        errors=tuple(errors),
        next_url=next_url,
        extras=extras,
        unchanged_ids=tuple(unchanged),
        fingerprints=fingerprints,
    )


def package_fingerprint(package: Any) -> str:
    """A cheap change marker of a raw package: its id and ``metadata_modified``; "" if unsure.

    CKAN bumps ``metadata_modified`` on every change of the package, its resources, tags and
    extras, and also when it is deleted or made private, so an equal marker means the package
    maps as it did last time. Without both values there is no shortcut.
    """
    if not isinstance(package, dict):
        return ""
    remote_id, modified = package.get("id"), package.get("metadata_modified")
    if not (isinstance(remote_id, str) and remote_id and isinstance(modified, str) and modified):
        return ""
    return f"{remote_id}@{modified}"[:150]


_BOUND = re.compile(r"(?:\s+AND\s+)?metadata_modified:\[[^\]]*\s+TO\s+\*\]\s*$")


def next_search_url(page_url: str, packages: list[Any]) -> str | None:
    """The next keyset page after ``packages``, or None when this page was the last."""
    parts = urlsplit(page_url)
    if not parts.path.endswith("/package_search"):
        return None
    params = dict(parse_qsl(parts.query, keep_blank_values=True))
    rows = integer(params.get("rows")) or 10  # CKAN's own default page size
    start = integer(params.get("start")) or 0
    if len(packages) < rows:
        return None
    stamps = [text(p.get("metadata_modified")) if isinstance(p, dict) else "" for p in packages]
    last = dates.parse_datetime(stamps[-1]) if stamps[-1] else None
    if last is None or all(stamp == stamps[-1] for stamp in stamps):
        # No usable timestamp, or one timestamp for the whole page: move on by offset.
        params["start"] = str(start + rows)
    else:
        base_fq = _BOUND.sub("", params.get("fq", "")).strip()
        bound = "metadata_modified:[" + solr_date(last) + " TO *]"
        params["fq"] = f"{base_fq} AND {bound}" if base_fq else bound
        params["start"] = "0"
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(params), ""))


def solr_date(value: dt.datetime) -> str:
    """Solr's date literal, truncated to milliseconds (never later than the real value)."""
    value = value.astimezone(dt.UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def site_url_of(url: str) -> str:
    parts = urlsplit(url)
    path = parts.path
    if "/api/" in path + "/":
        path = path[: (path + "/").index("/api/")]
    return urlunsplit((parts.scheme, parts.netloc, path.rstrip("/"), "", ""))


def _packages(payload: Any) -> tuple[list[Any] | None, int | None]:
    if isinstance(payload, list):
        return payload, len(payload)
    if not isinstance(payload, dict):
        return None, None
    if payload.get("success") is False:
        return None, None
    result = payload.get("result", payload)
    if isinstance(result, list):
        return result, len(result)
    if not isinstance(result, dict):
        return None, None
    if "results" in result:
        results = result.get("results")
        return (results if isinstance(results, list) else None), integer(result.get("count"))
    if "id" in result or "name" in result:  # package_show
        return [result], 1
    return None, None


def _bad_payload(payload: Any) -> str:
    if isinstance(payload, dict) and payload.get("success") is False:
        error = as_dict(payload.get("error"))
        detail = text(error.get("message")) or text(error.get("__type")) or "unknown error"
        return f"CKAN answered success=false: {detail[:200]}"
    return "not a CKAN package_search response (no result.results list)"


def map_package(
    package: Any, *, site_url: str = "", position: int = 0
) -> EntryRecord | RecordError | None:
    """One package dict → an EntryRecord; a RecordError if unusable; None if not a public dataset.

    Deleted, private and non-dataset packages (harvest sources, showcases) give None: they are
    not errors of the publisher, and leaving them out lets the loader withdraw them.
    """
    if not isinstance(package, dict):
        return RecordError(remote_id=f"#{position}", message="package is not a JSON object")
    remote_id = text(package.get("id")) or text(package.get("name"))
    if not remote_id:
        return RecordError(remote_id=f"#{position}", message="package has no id", field="id")
    if text(package.get("state")) not in {"", "active"} or package.get("private") is True:
        return None
    if text(package.get("type")) not in {"", "dataset"}:
        return None
    title = (
        text(package.get("title_translated"))
        or text(package.get("title"))
        or text(package.get("display_name"))
        or text(package.get("name"))
    )
    if not title:
        return RecordError(remote_id=remote_id, message="package has no title", field="title")
    try:
        return _map(package, remote_id=remote_id, title=title, site_url=site_url)
    except Exception as error:  # noqa: BLE001 - one odd record must never stop the page
        return RecordError(remote_id=remote_id, message=f"unmappable package: {error!r}"[:300])


def _map(package: dict[str, Any], *, remote_id: str, title: str, site_url: str) -> EntryRecord:
    warnings: list[str] = []
    extras_in = _extras_dict(package.get("extras"))
    name = text(package.get("name"))

    licence, warning = licences.licence_spdx(
        package.get("license_id"), package.get("license_url"), package.get("license_title")
    )
    if warning:
        warnings.append(warning)

    theme_labels = [
        text(group.get("title")) or text(group.get("name"))
        for group in _dicts(package.get("groups"))
    ]
    theme_labels += [
        text(c.get("title")) or text(c.get("name")) for c in _dicts(package.get("category"))
    ]
    theme_labels += list(text_list(package.get("theme")))
    theme_labels += list(_json_list(extras_in.get("theme")))
    theme_labels += list(text_list(package.get("geospatial_topic")))
    themes, unmapped_themes = vocab.themes([label for label in theme_labels if label])

    temporal_start, temporal_end = _temporal(package, extras_in, warnings)
    spatial_raw = package.get("spatial") or extras_in.get("spatial")
    spatial_text = text(spatial_raw)
    spatial_label = (
        text(extras_in.get("spatial_text"))
        or text(package.get("spatial_coverage_text"))
        or (spatial_text if spatial_text and not spatial_text.startswith("{") else "")
        or text(package.get("jurisdiction"))
    )
    contact_name, contact_email, contact_url = _contact(package)
    extras = _extras(package, extras_in, unmapped_themes, spatial_text)
    if warning:
        extras.append(
            ("licence", text(package.get("license_id")) or text(package.get("license_title")))
        )

    landing = url(package.get("url")) or url(package.get("data_homepage"))
    identifier = _identifier(package, extras_in)
    series = text(extras_in.get("collection_package_id")) or text(extras_in.get("isPartOf"))
    return EntryRecord(
        remote_id=remote_id,
        entry_type="dataset",
        title=title,
        description=(
            text(package.get("notes_translated"))
            or text(package.get("notes"))
            or text(package.get("description"))
        ),
        identifier=identifier,
        landing_page=landing,
        remote_url=f"{site_url.rstrip('/')}/dataset/{name or remote_id}" if site_url else "",
        publisher=map_organisation(package.get("organization")),
        contact_name=contact_name,
        contact_email=contact_email,
        contact_url=contact_url,
        keywords=_keywords(package),
        themes=themes,
        licence=licence,
        access_rights=_access_rights(package, extras_in),
        countries=vocab.countries(package.get("countries_covered")),
        spatial_label=spatial_label[:200],
        temporal_start=temporal_start,
        temporal_end=temporal_end,
        languages=vocab.languages(package.get("language") or extras_in.get("language")),
        issued=dates.parse_datetime(
            package.get("issued") or package.get("metadata_created"), warnings, field="issued"
        ),
        modified=dates.parse_datetime(
            package.get("metadata_modified"), warnings, field="metadata_modified"
        ),
        frequency=dates.frequency(
            package.get("frequency")
            or package.get("accrual_periodicity")
            or package.get("update_frequency")
            or extras_in.get("frequency")
            or extras_in.get("accrualPeriodicity"),
            warnings,
        ),
        version=text(package.get("version"))[:50],
        series_ref=series,
        is_series=text(extras_in.get("collection_metadata")).lower() == "true",
        conforms_to=tuple(
            u for u in (url(v) for v in _json_list(extras_in.get("conformsTo"))) if u
        ),
        distributions=_distributions(package.get("resources"), licence, warnings),
        extras=tuple(extras),
        warnings=tuple(warnings),
    )


def map_organisation(organisation: Any) -> OrganisationRecord | None:
    """A CKAN organization dict (as embedded in packages or from organization_list)."""
    if not isinstance(organisation, dict):
        return None
    name = (
        text(organisation.get("title"))
        or text(organisation.get("display_name"))
        or text(organisation.get("name"))
    )
    if not name:
        return None
    return OrganisationRecord(
        name=name[:255],
        remote_id=text(organisation.get("name")) or text(organisation.get("id")),
        description=text(organisation.get("description")),
        website=url(organisation.get("url")) or url(organisation.get("website")),
        email=email(organisation.get("email")),
    )


def map_organisation_list(payload: Any) -> tuple[OrganisationRecord, ...]:
    """``organization_list?all_fields=true``; a plain list of names gives no records."""
    result = payload.get("result") if isinstance(payload, dict) else payload
    mapped = (map_organisation(item) for item in as_list(result))
    return tuple(record for record in mapped if record is not None)


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [item for item in as_list(value) if isinstance(item, dict)]


def _extras_dict(value: Any) -> dict[str, Any]:
    """CKAN extras: a list of {key, value} (values may be lists or booleans), or a dict."""
    if isinstance(value, dict):
        return {str(k): v for k, v in list(value.items())[:500]}
    result: dict[str, Any] = {}
    for item in _dicts(value)[:500]:
        key = text(item.get("key"))
        if key:
            result[key] = item.get("value")
    return result


def _json_list(value: Any) -> tuple[str, ...]:
    """Extras such as theme hold JSON lists as text ("[\\"Finance\\"]"), or plain text."""
    if isinstance(value, str) and value.strip().startswith("["):
        with contextlib.suppress(ValueError, RecursionError):
            value = json.loads(value)
    return text_list(value)


def _keywords(package: dict[str, Any]) -> tuple[str, ...]:
    tags = [text(t.get("display_name")) or text(t.get("name")) for t in _dicts(package.get("tags"))]
    tags += [text(t) for t in as_list(package.get("tags")) if isinstance(t, str)]
    keywords = package.get("keywords")
    if isinstance(keywords, dict | list):
        tags += list(text_list(keywords))
    return text_list([tag[:100] for tag in tags if tag], max_items=100)


def _identifier(package: dict[str, Any], extras_in: dict[str, Any]) -> str:
    for value in (
        extras_in.get("uri"),
        extras_in.get("dcat_identifier"),
        extras_in.get("identifier"),
        extras_in.get("guid"),
        package.get("uri"),
        package.get("identifier"),
        package.get("doi"),
    ):
        candidate = url(value)
        if candidate:
            return candidate[:500]
        raw = text(value)
        if raw.startswith("10.") and "/" in raw:  # a bare DOI
            return f"https://doi.org/{raw}"[:500]
    return ""


def _contact(package: dict[str, Any]) -> tuple[str, str, str]:
    points = _dicts(package.get("contact_points"))
    first = points[0] if points else {}
    name = (
        text(package.get("maintainer"))
        or text(package.get("contact_name"))
        or text(first.get("name"))
        or text(package.get("author"))
    )
    address = (
        email(package.get("maintainer_email"))
        or email(first.get("email"))
        or email(package.get("contact_point"))
        or email(package.get("contact_email"))
        or email(package.get("publisher_email"))
        or email(package.get("author_email"))
    )
    if email(name) and name == address:
        name = ""
    contact_url = url(package.get("contact_uri")) or url(package.get("publisher_url"))
    return name[:200], address, contact_url[:500]


def _access_rights(package: dict[str, Any], extras_in: dict[str, Any]) -> str:
    level = (text(package.get("access_level")) or text(extras_in.get("accessLevel"))).lower()
    if level in {"restricted", "restricted public", "open_login"}:
        return "restricted"
    if level in {"non-public", "closed", "private"}:
        return "non-public"
    return "public"


def _temporal(
    package: dict[str, Any], extras_in: dict[str, Any], warnings: list[str]
) -> tuple[Any, Any]:
    temporals = _dicts(package.get("temporals"))
    if temporals:
        return dates.parse_period(temporals[0], warnings)
    start = (
        package.get("temporal_coverage_from")
        or package.get("temporal_start")
        or extras_in.get("temporal_start")
    )
    end = (
        package.get("temporal_coverage_to")
        or package.get("temporal_end")
        or extras_in.get("temporal_end")
    )
    if start or end:
        return (
            dates.parse_date(start, warnings, field="temporal"),
            dates.parse_date(end, warnings, field="temporal"),
        )
    return dates.parse_period(extras_in.get("temporal"), warnings)


def _extras(
    package: dict[str, Any],
    extras_in: dict[str, Any],
    unmapped_themes: tuple[str, ...],
    spatial: str,
) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    if spatial:
        pairs.append(("spatial", spatial[:2000]))
    if unmapped_themes:
        pairs.append(("theme", ", ".join(unmapped_themes)[:2000]))
    for key, value in extras_in.items():
        if key in _SKIPPED_EXTRAS or key == "spatial" or key.startswith("__"):
            continue
        pair = extra(key, value)
        if pair:
            pairs.append(pair)
        if len(pairs) >= _MAX_EXTRAS:
            break
    return pairs


def _distributions(
    resources: Any, licence: str, warnings: list[str]
) -> tuple[DistributionRecord, ...]:
    result: list[DistributionRecord] = []
    for resource in _dicts(resources)[:_MAX_RESOURCES]:
        if text(resource.get("state")) not in {"", "active"}:
            continue
        access = url(resource.get("url")) or url(resource.get("access_url"))
        download = url(resource.get("download_url"))
        if not download and text(resource.get("url_type")) == "upload":
            download = access
        if not access and not download:
            warnings.append(
                f"resources: {text(resource.get('name'))[:60]!r} has no http(s) URL; skipped"
            )
            continue
        fmt, media_type = formats.normalise_format(
            resource.get("format"),
            resource.get("mimetype") or resource.get("media_type"),
            download or access,
            warnings,
        )
        size = integer(resource.get("size")) or integer(resource.get("byte_size"))
        result.append(
            DistributionRecord(
                title=(text(resource.get("title")) or text(resource.get("name")))[:300],
                description=text(resource.get("description")),
                access_url=access or download,
                download_url=download,
                media_type=media_type,
                format=fmt,
                byte_size=size or None,
                licence=licence,
                checksum=text(resource.get("hash"))[:200],
                remote_id=text(resource.get("id")),
            )
        )
    return tuple(result)
