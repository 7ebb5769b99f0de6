"""Map catalogue entries onto CKAN package dicts (CKAN 2.10's shape), in bulk.

Each entry type in the CKAN API says, in its part (``interop.ckan_api.parts``), which package
``type`` it is, how its name is prefixed and what its resources are: a dataset's are its
distributions, an API's its endpoint, description document and sandbox.

Every function here takes entries fetched with ``package_queryset()`` so a page of packages
costs a fixed number of queries, whatever its size.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Case, CharField, F, QuerySet, Value, When
from django.db.models.functions import Collate, Concat

from catalogue.access import distribution_links
from catalogue.models import Distribution, Entry, Organisation, Theme
from catalogue.sanitise import html_to_text

from .ids import object_uuid, tag_uuid
from .parts import ckan_part, ckan_parts


def ckan_datetime(value: dt.datetime | dt.date | None) -> str | None:
    """CKAN writes naive UTC ISO timestamps (``2024-01-31T12:00:00.123456``)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.isoformat()
    return value.isoformat()


def package_name(entry: Entry) -> str:
    return ckan_part(entry.entry_type).name_prefix + str(entry.slug)


def split_package_name(name: str) -> tuple[str, str]:
    """``(entry_type, slug)`` a package name points to."""
    parts = ckan_parts()
    for entry_type, part in parts.items():
        if part.name_prefix and name.startswith(part.name_prefix):
            return entry_type, name.removeprefix(part.name_prefix)
    unprefixed = next(key for key, part in parts.items() if not part.name_prefix)
    return unprefixed, name


def name_expression() -> Any:
    """The package ``name`` in SQL (prefix + slug), compared by code point as Python does
    (SQLite's BINARY collation; PostgreSQL's "C"), so ``sort=name`` is the names' order."""
    whens = [
        When(entry_type=key, then=Concat(Value(part.name_prefix), F("slug")))
        for key, part in ckan_parts().items()
        if part.name_prefix
    ]
    name = Case(*whens, default=F("slug"), output_field=CharField())
    return Collate(name, "C") if connection.vendor == "postgresql" else name


def public_packages() -> QuerySet[Entry]:
    """Published entries of every type that is a CKAN package: all the CKAN API shows."""
    return Entry.objects.published().filter(entry_type__in=list(ckan_parts()))


def package_queryset(queryset: QuerySet[Entry] | None = None) -> QuerySet[Entry]:
    """Entries with their single links and what each type's part reads (its ``relations``);
    ``package_dicts`` fetches the many-valued ones."""
    queryset = public_packages() if queryset is None else queryset
    queryset = queryset.select_related("publisher", "licence")
    for part in ckan_parts().values():
        queryset = part.relations(queryset)
    return queryset


@dataclass
class Related:
    """An entry's many-valued links, read in bulk for a whole page of entries."""

    themes: list[Theme] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    distributions: list[Distribution] = field(default_factory=list)


def related_rows(ids: list[int]) -> dict[int, Related]:
    """Four queries for any number of entries (not modelcluster's per-instance managers,
    which cost a tenth of a millisecond per call, and calls add up at 1,000 packages)."""
    related: dict[int, Related] = defaultdict(Related)
    for link in (
        Entry.themes.through.objects.filter(entry_id__in=ids)
        .select_related("theme")
        .order_by("theme__scheme", "theme__code")
    ):
        related[link.entry_id].themes.append(link.theme)
    for entry_id, code in (
        Entry.countries.through.objects.filter(entry_id__in=ids)
        .order_by("country__code")
        .values_list("entry_id", "country__code")
    ):
        related[entry_id].countries.append(code)
    for entry_id, code in (
        Entry.languages.through.objects.filter(entry_id__in=ids)
        .order_by("language__code")
        .values_list("entry_id", "language__code")
    ):
        related[entry_id].languages.append(code)
    for dist in (
        Distribution.objects.filter(entry_id__in=ids)
        .select_related("licence")
        .order_by("entry_id", "sort_order", "id")
    ):
        related[dist.entry_id].distributions.append(dist)
    return related


def organization_dict(
    organisation: Organisation, *, package_count: int | None = None, base_url: str = ""
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": object_uuid("organisation", organisation.pk),
        "name": organisation.slug,
        "title": organisation.name,
        "display_name": organisation.name,
        "description": html_to_text(organisation.description),
        "type": "organization",
        "is_organization": True,
        "state": "active",
        "approval_status": "approved",
        "image_url": "",
        "image_display_url": "",
        "created": ckan_datetime(organisation.created_at),
        "url": organisation.website,
        "extras": [{"key": "kind", "value": organisation.kind}],
    }
    if organisation.identifier:
        data["extras"].append({"key": "identifier", "value": organisation.identifier})
    if package_count is not None:
        data["package_count"] = package_count
    if base_url:
        data["catalogue_url"] = base_url + organisation.get_absolute_url()
    return data


def group_dict(theme: Theme) -> dict[str, Any]:
    """A theme as a CKAN group (the short form packages embed; group_show adds the rest)."""
    return {
        "id": object_uuid("theme", theme.pk),
        "name": theme.slug,
        "title": theme.name,
        "display_name": theme.name,
        "description": theme.description,
        "image_display_url": "",
        "uri": theme.uri,
    }


def tag_dict(name: str) -> dict[str, Any]:
    return {
        "id": tag_uuid(name),
        "name": name,
        "display_name": name,
        "state": "active",
        "vocabulary_id": None,
    }


def resource_dict(
    entry: Entry,
    position: int,
    *,
    rid: str,
    name: str,
    url: str,
    fmt: str,
    description: str = "",
    mimetype: str | None = None,
    size: int | None = None,
    hash_: str = "",
    resource_type: str | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    resource = {
        "id": rid,
        "package_id": object_uuid("entry", entry.pk),
        "name": name,
        "description": description,
        "url": url,
        "format": fmt,
        "mimetype": mimetype or None,
        "size": size,
        "hash": hash_,
        "position": position,
        "state": "active",
        "created": ckan_datetime(entry.created_at),
        # No distribution records when it changed: unknown, never the entry's date.
        "last_modified": None,
        "metadata_modified": None,
        "url_type": None,
        "resource_type": resource_type,
        "mimetype_inner": None,
        "cache_url": None,
        "cache_last_updated": None,
        "datastore_active": False,
    }
    resource.update(extra or {})
    return resource


def distribution_resources(entry: Entry, related: Related) -> list[dict[str, Any]]:
    resources = []
    for position, dist in enumerate(related.distributions):
        links = distribution_links(entry, dist)
        resources.append(
            resource_dict(
                entry,
                position,
                rid=object_uuid("distribution", dist.pk),
                name=dist.title or dist.format or links.url,
                url=links.url,
                fmt=dist.format,
                description=dist.description,
                mimetype=dist.media_type,
                size=dist.byte_size,
                hash_=dist.checksum,
                extra={
                    "access_url": links.access_url,
                    "download_url": links.download_url,
                    "license_id": dist.licence.spdx_id if dist.licence else None,
                },
            )
        )
    return resources


def _extras(entry: Entry, related: Related) -> list[dict[str, str]]:
    """CKAN's free key/value pairs; keys follow ckanext-dcat's names where it has one."""
    pairs: list[tuple[str, Any]] = [
        ("identifier", entry.identifier),
        ("issued", ckan_datetime(entry.issued)),
        ("modified", ckan_datetime(entry.modified)),
        ("access_rights", entry.access_rights),
        ("spatial_text", entry.spatial_label),
        ("temporal_start", ckan_datetime(entry.temporal_start)),
        ("temporal_end", ckan_datetime(entry.temporal_end)),
        ("language", json.dumps(related.languages) if related.languages else ""),
        ("theme", json.dumps([t.uri for t in related.themes]) if related.themes else ""),
        ("contact_uri", entry.contact_url),
    ]
    pairs += ckan_part(entry.entry_type).extras(entry)
    # What the source sent without a field of ours, under its own key: CKAN refuses an extra
    # named like a package field or like another extra, so such keys are left out.
    taken = {key for key, _value in pairs} | PACKAGE_KEYS
    pairs += [(k, v) for k, v in (entry.source_extras or {}).items() if k not in taken]
    return [{"key": key, "value": str(value)} for key, value in pairs if value]


# The package fields of CKAN's default schema, which an extra may not be named after.
PACKAGE_KEYS = frozenset(
    [
        "id",
        "name",
        "title",
        "type",
        "notes",
        "url",
        "version",
        "state",
        "private",
        "author",
        "author_email",
        "maintainer",
        "maintainer_email",
        "license_id",
        "owner_org",
        "groups",
        "tags",
        "extras",
        "resources",
        "relationships_as_object",
        "relationships_as_subject",
        "metadata_created",
        "metadata_modified",
        "creator_user_id",
        "organization",
        "num_tags",
        "num_resources",
        "isopen",
        "license_title",
        "license_url",
        "revision_id",
    ]
)


def package_dict(
    entry: Entry, *, base_url: str = "", related: Related | None = None
) -> dict[str, Any]:
    """One entry as CKAN's package_show returns it."""
    if related is None:
        related = related_rows([entry.pk])[entry.pk]
    licence = entry.licence
    tags = [str(k) for k in entry.keywords or []]
    part = ckan_part(entry.entry_type)
    resources = part.resources(entry, related)
    description = html_to_text(entry.description) or entry.summary
    return {
        "id": object_uuid("entry", entry.pk),
        "name": package_name(entry),
        "title": entry.title,
        "type": part.package_type,
        "notes": description,
        "summary": entry.summary,
        "url": entry.landing_page or (base_url + entry.get_absolute_url() if base_url else ""),
        "version": entry.version or None,
        "state": "active",
        "private": False,
        "author": None,
        "author_email": None,
        "maintainer": entry.contact_name or None,
        "maintainer_email": entry.contact_email or None,
        "license_id": licence.spdx_id if licence else "",
        "license_title": licence.name if licence else "",
        "license_url": licence.url if licence else "",
        "isopen": bool(licence and licence.is_open),
        "metadata_created": ckan_datetime(entry.created_at),
        "metadata_modified": ckan_datetime(entry.modified or entry.updated_at),
        # CKAN's user who created the package: we have no CKAN users, so unknown.
        "creator_user_id": None,
        "owner_org": object_uuid("organisation", entry.publisher_id),
        "organization": organization_dict(entry.publisher),
        "tags": [tag_dict(tag) for tag in tags],
        "num_tags": len(tags),
        "groups": [group_dict(theme) for theme in related.themes],
        "extras": _extras(entry, related),
        "resources": resources,
        "num_resources": len(resources),
        # Top-level fields of common CKAN schemas (ckanext-scheming, DCAT-AP profiles), so
        # harvesters that read them find coverage, language, access and contact directly.
        "issued": ckan_datetime(entry.issued),
        "frequency": entry.frequency or None,
        "access_level": entry.access_rights,
        "contact_uri": entry.contact_url or None,
        "countries_covered": related.countries,
        "language": related.languages,
        "theme": [t.uri for t in related.themes],
        "temporal_start": ckan_datetime(entry.temporal_start),
        "temporal_end": ckan_datetime(entry.temporal_end),
        "relationships_as_object": [],
        "relationships_as_subject": [],
        "catalogue_url": base_url + entry.get_absolute_url() if base_url else "",
    }


def package_dicts(entries: Iterable[Entry], *, base_url: str = "") -> list[dict[str, Any]]:
    entries = list(entries)
    related = related_rows([entry.pk for entry in entries])
    return [package_dict(entry, base_url=base_url, related=related[entry.pk]) for entry in entries]
