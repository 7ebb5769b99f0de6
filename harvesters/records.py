"""Frozen, typed records: what a protocol's pure mapper produces and the loader consumes.

Mappers turn a remote payload into these; they never touch the database. Values are already
normalised to the catalogue's vocabularies where the mapper could (SPDX licence ids, theme
codes, ISO country and language codes, IANA media types); anything unknown is kept raw in
``extras`` and reported in ``warnings`` rather than dropped silently.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class OrganisationRecord:
    name: str
    remote_id: str = ""  # e.g. CKAN organisation name, or the foaf:Agent URI
    kind: str = "government"  # catalogue.models.OrganisationKind value
    website: str = ""
    email: str = ""
    description: str = ""
    identifier: str = ""  # a stable URI if the source gives one


@dataclass(frozen=True)
class DistributionRecord:
    title: str = ""
    description: str = ""
    access_url: str = ""
    download_url: str = ""
    media_type: str = ""
    format: str = ""  # upper-case short name: CSV, JSON, GEOJSON, PDF...
    byte_size: int | None = None
    licence: str = ""  # SPDX id
    checksum: str = ""
    remote_id: str = ""
    access_service_ref: str = ""  # remote id / URI of the API giving access (dcat:accessService)
    deprecated: bool = False  # the source marks it deprecated: kept and marked, not dropped


@dataclass(frozen=True)
class EntryRecord:
    """One remote dataset or API, normalised. ``remote_id`` is unique within its source."""

    remote_id: str
    entry_type: str  # "dataset" or "api" (catalogue.models.EntryType values)
    title: str
    summary: str = ""
    description: str = ""  # HTML or text from outside: the loader sanitises it
    identifier: str = ""  # dct:identifier URI; used to merge the same dataset across sources
    landing_page: str = ""
    remote_url: str = ""  # where a person sees this record at the source
    publisher: OrganisationRecord | None = None
    contact_name: str = ""
    contact_email: str = ""
    contact_url: str = ""
    keywords: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()  # EU theme codes (ENVI...) or SDG codes (SDG13)
    licence: str = ""  # SPDX id, "" if unknown
    access_rights: str = "public"
    countries: tuple[str, ...] = ()  # ISO 3166-1 alpha-2
    spatial_label: str = ""
    temporal_start: dt.date | None = None
    temporal_end: dt.date | None = None
    languages: tuple[str, ...] = ()  # ISO 639-1
    issued: dt.datetime | None = None
    modified: dt.datetime | None = None
    # dataset
    frequency: str = ""  # catalogue.models.Frequency value
    version: str = ""
    series_ref: str = ""  # remote id / URI of the dataset series this one belongs to
    is_series: bool = False
    contains_personal_data: bool = False
    conforms_to: tuple[str, ...] = ()
    distributions: tuple[DistributionRecord, ...] = ()
    # api
    endpoint_url: str = ""
    endpoint_description_url: str = ""
    api_type: str = ""
    authentication: str = ""
    access_instructions: str = ""
    rate_limits: str = ""
    availability: str = ""
    lifecycle: str = ""
    sunset_date: dt.date | None = None
    sandbox_url: str = ""
    serves_refs: tuple[str, ...] = ()  # remote ids / URIs of the datasets this API serves
    # anything the source had that the catalogue has no field for, and mapping warnings
    extras: tuple[tuple[str, str], ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class RecordError:
    """A remote record that could not be mapped: stored on its HarvestRecord, job goes on."""

    remote_id: str
    message: str
    field: str = ""


@dataclass(frozen=True)
class Page:
    """One page of a source, as the client fetched it, plus the mapper's output."""

    records: tuple[EntryRecord, ...] = ()
    errors: tuple[RecordError, ...] = ()
    next_url: str | None = None
    extras: dict[str, str] = field(default_factory=dict)
    #: Remote ids listed on this page whose change marker (fingerprint) matches the stored
    #: one: not mapped at all; the loader only marks them seen. Empty for protocols without
    #: a cheap change marker.
    unchanged_ids: tuple[str, ...] = ()
    #: remote id → fingerprint of each mapped record, stored so the next run can skip it.
    fingerprints: dict[str, str] = field(default_factory=dict)
