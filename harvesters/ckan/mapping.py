"""CKAN package dicts → records. Pure: no HTTP, no database.

Covers stock CKAN 2.2–2.11 and the common schema extensions seen in the fixtures: multilingual
fields (ckanext-fluent, opendata.swiss), scheming fields (data.gov.au, WA, transportdata.be), and
data.gov's harvest extras whose values are not always strings. Reading each field is in
``package_fields``; the response and its paging in ``listing``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from harvesters.exceptions import PayloadError
from harvesters.jsonnorm import dates, licences, vocab
from harvesters.jsonnorm.values import as_list, email, text, url
from harvesters.records import EntryRecord, OrganisationRecord, Page, RecordError

from . import package_fields as fields
from .listing import (
    bad_payload,
    listing_problem,
    next_search_url,
    package_fingerprint,
    packages_of,
    site_url_of,
)


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
    packages, count = packages_of(payload)
    if packages is None:
        raise PayloadError(bad_payload(payload))
    problem = listing_problem(payload, packages, count, page_url)
    if problem:
        raise PayloadError(problem)
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
    extras_in = fields.extras_dict(package.get("extras"))
    name = text(package.get("name"))

    licence, warning = licences.licence_spdx(
        package.get("license_id"), package.get("license_url"), package.get("license_title")
    )
    if warning:
        warnings.append(warning)

    themes, unmapped_themes = vocab.themes(fields.theme_labels(package, extras_in))
    temporal_start, temporal_end = fields.temporal(package, extras_in, warnings)
    spatial_text = text(package.get("spatial") or extras_in.get("spatial"))
    contact_name, contact_email, contact_url = fields.contact(package)
    extras = fields.extras(package, extras_in, unmapped_themes, spatial_text)
    if warning:
        extras.append(
            ("licence", text(package.get("license_id")) or text(package.get("license_title")))
        )

    series = text(extras_in.get("collection_package_id")) or text(extras_in.get("isPartOf"))
    return EntryRecord(
        remote_id=remote_id,
        entry_type="dataset",
        title=title,
        description=fields.description(package),
        identifier=fields.identifier(package, extras_in),
        landing_page=url(package.get("url")) or url(package.get("data_homepage")),
        remote_url=f"{site_url.rstrip('/')}/dataset/{name or remote_id}" if site_url else "",
        publisher=map_organisation(package.get("organization")),
        contact_name=contact_name,
        contact_email=contact_email,
        contact_url=contact_url,
        keywords=fields.keywords(package),
        themes=themes,
        licence=licence,
        access_rights=fields.access_rights(package, extras_in),
        countries=vocab.countries(package.get("countries_covered")),
        spatial_label=fields.spatial_label(package, extras_in, spatial_text)[:200],
        temporal_start=temporal_start,
        temporal_end=temporal_end,
        languages=vocab.languages(package.get("language") or extras_in.get("language")),
        issued=dates.parse_datetime(
            package.get("issued") or package.get("metadata_created"), warnings, field="issued"
        ),
        modified=dates.parse_datetime(
            package.get("metadata_modified"), warnings, field="metadata_modified"
        ),
        frequency=dates.frequency(fields.frequency(package, extras_in), warnings),
        version=text(package.get("version"))[:50],
        series_ref=series,
        is_series=text(extras_in.get("collection_metadata")).lower() == "true",
        conforms_to=tuple(
            u for u in (url(v) for v in fields.json_list(extras_in.get("conformsTo"))) if u
        ),
        distributions=fields.distributions(package.get("resources"), licence, warnings),
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
