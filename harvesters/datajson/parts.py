"""The parts of a data.json record: its publisher and its distributions."""

from __future__ import annotations

from typing import Any

from harvesters.jsonnorm import formats, licences
from harvesters.jsonnorm.values import as_list, email, integer, text, url
from harvesters.records import DistributionRecord, OrganisationRecord

from .objects import checksum, first, first_dict, licence_value, ref

_MAX_DISTRIBUTIONS = 500


def map_publisher(value: Any) -> OrganisationRecord | None:
    publisher = first_dict(value)
    name = (
        text(publisher.get("name"))
        or text(publisher.get("prefLabel"))
        or text(publisher.get("foaf:name"))
    )
    if not name:
        return None
    return OrganisationRecord(
        name=name[:255],
        remote_id=text(publisher.get("@id")) or name[:255],
        identifier=url(publisher.get("@id")),
        email=email(publisher.get("mbox") or publisher.get("hasEmail")),
    )


def distributions(value: Any, licence: str, warnings: list[str]) -> tuple[DistributionRecord, ...]:
    result: list[DistributionRecord] = []
    for item in as_list(value)[:_MAX_DISTRIBUTIONS]:
        if not isinstance(item, dict):
            continue
        download = url(item.get("downloadURL"))
        access = url(item.get("accessURL")) or download
        if not access:
            warnings.append(
                f"distribution: {text(item.get('title'))[:60]!r} has no http(s) URL; skipped"
            )
            continue
        fmt, media_type = formats.normalise_format(
            item.get("format"), item.get("mediaType"), download or access, warnings
        )
        own_licence, _warning = licences.licence_spdx(licence_value(item.get("license")))
        result.append(
            DistributionRecord(
                title=text(item.get("title"))[:300],
                description=text(item.get("description")),
                access_url=access,
                download_url=download,
                media_type=media_type,
                format=fmt,
                byte_size=integer(item.get("byteSize")),
                licence=own_licence or licence,
                checksum=checksum(item.get("checksum")),
                remote_id=text(item.get("@id")),
                access_service_ref=ref(first(item.get("accessService"))),
                deprecated=is_deprecated(item.get("status")),
            )
        )
    return tuple(result)


def is_deprecated(status: Any) -> bool:
    """An adms:status (a URI, a label, or an object with ``@id``/``prefLabel``) Deprecated."""
    if isinstance(status, dict):
        status = status.get("@id") or status.get("prefLabel") or status.get("label")
    return text(status).rstrip("/").lower().endswith("deprecated")
