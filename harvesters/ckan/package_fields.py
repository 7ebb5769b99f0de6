"""The fields of a CKAN package dict, one helper per concept, as the mapper reads them.

Stock CKAN and its schema extensions put the same fact under different keys (a contact in
``maintainer`` or ``contact_points``, a period in ``temporals`` or in extras): each helper
tries them in a fixed order, so the same package always maps the same way.
"""

from __future__ import annotations

import contextlib
import json
from typing import Any

from harvesters.jsonnorm import dates, formats
from harvesters.jsonnorm.values import as_list, email, extra, integer, text, text_list, url
from harvesters.records import DistributionRecord

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

# Package keys a helper of this module or the mapper reads (their values are placed).
PLACED = frozenset(
    [
        "access_level",
        "accrual_periodicity",
        "author",
        "author_email",
        "category",
        "contact",
        "contactPoint",
        "contact_email",
        "contact_name",
        "contact_point",
        "contact_points",
        "contact_uri",
        "countries_covered",
        "data_homepage",
        "description",
        "display_name",
        "doi",
        "extras",
        "frequency",
        "geospatial_topic",
        "groups",
        "id",
        "identifier",
        "issued",
        "jurisdiction",
        "keywords",
        "language",
        "license_id",
        "license_title",
        "license_url",
        "maintainer",
        "maintainer_email",
        "metadata_created",
        "metadata_modified",
        "name",
        "notes",
        "notes_translated",
        "organization",
        "private",
        "publisher_email",
        "publisher_url",
        "resources",
        "spatial",
        "spatial_coverage_text",
        "state",
        "tags",
        "temporal_coverage_from",
        "temporal_coverage_to",
        "temporal_end",
        "temporal_start",
        "temporals",
        "theme",
        "title",
        "title_translated",
        "type",
        "update_frequency",
        "uri",
        "url",
        "version",
    ]
)
# CKAN's own bookkeeping and volatile counters (ADR 0012: no volatile values in records).
_BOOKKEEPING = frozenset(
    [
        "creator_user_id",
        "owner_org",
        "revision_id",
        "num_resources",
        "num_tags",
        "isopen",
        "relationships_as_object",
        "relationships_as_subject",
        "tracking_summary",
        "title_for_slug",
        "metadata_modified",
        "license",
        "resource_group_id",
        "ratings_average",
        "ratings_count",
    ]
)


def dicts(value: Any) -> list[dict[str, Any]]:
    return [item for item in as_list(value) if isinstance(item, dict)]


def description(package: dict[str, Any]) -> str:
    return (
        text(package.get("notes_translated"))
        or text(package.get("notes"))
        or text(package.get("description"))
    )


def theme_labels(package: dict[str, Any], extras_in: dict[str, Any]) -> list[str]:
    """Groups, categories and the theme fields of the schema extensions, as labels."""
    labels = [
        text(group.get("title")) or text(group.get("name"))
        for group in dicts(package.get("groups"))
    ]
    labels += [text(c.get("title")) or text(c.get("name")) for c in dicts(package.get("category"))]
    labels += list(text_list(package.get("theme")))
    labels += list(json_list(extras_in.get("theme")))
    labels += list(text_list(package.get("geospatial_topic")))
    return [label for label in labels if label]


def spatial_label(package: dict[str, Any], extras_in: dict[str, Any], spatial_text: str) -> str:
    """A place name; a GeoJSON ``spatial`` value is no label (it goes to the extras)."""
    return (
        text(extras_in.get("spatial_text"))
        or text(package.get("spatial_coverage_text"))
        or (spatial_text if spatial_text and not spatial_text.startswith("{") else "")
        or text(package.get("jurisdiction"))
    )


def frequency(package: dict[str, Any], extras_in: dict[str, Any]) -> Any:
    """The raw update frequency, under whichever key this schema uses."""
    return (
        package.get("frequency")
        or package.get("accrual_periodicity")
        or package.get("update_frequency")
        or extras_in.get("frequency")
        or extras_in.get("accrualPeriodicity")
    )


def extras_dict(value: Any) -> dict[str, Any]:
    """CKAN extras: a list of {key, value} (values may be lists or booleans), or a dict."""
    if isinstance(value, dict):
        return {str(k): v for k, v in list(value.items())[:500]}
    result: dict[str, Any] = {}
    for item in dicts(value)[:500]:
        key = text(item.get("key"))
        if key:
            result[key] = item.get("value")
    return result


def json_list(value: Any) -> tuple[str, ...]:
    """Extras such as theme hold JSON lists as text ("[\\"Finance\\"]"), or plain text."""
    if isinstance(value, str) and value.strip().startswith("["):
        with contextlib.suppress(ValueError, RecursionError):
            value = json.loads(value)
    return text_list(value)


def keywords(package: dict[str, Any]) -> tuple[str, ...]:
    tags = [text(t.get("display_name")) or text(t.get("name")) for t in dicts(package.get("tags"))]
    tags += [text(t) for t in as_list(package.get("tags")) if isinstance(t, str)]
    keywords = package.get("keywords")
    if isinstance(keywords, dict | list):
        tags += list(text_list(keywords))
    return text_list([tag[:100] for tag in tags if tag], max_items=100)


def identifier(package: dict[str, Any], extras_in: dict[str, Any]) -> str:
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


def json_value(value: Any) -> Any:
    """A JSON object or list some portals store as text inside a field; else ``value``."""
    if isinstance(value, str) and value.strip()[:1] in {"[", "{"}:
        with contextlib.suppress(ValueError, RecursionError):
            return json.loads(value)
    return value


def contact_points(package: dict[str, Any]) -> list[dict[str, Any]]:
    """``contact_points`` (opendata.swiss) or ``contact_point``/``contact``, as objects or as
    JSON text (a vCard ``fn``/``hasEmail`` or a ``name``/``email`` object, or a list)."""
    points: list[dict[str, Any]] = []
    for key in ("contact_points", "contact_point", "contact", "contactPoint"):
        points += dicts(json_value(package.get(key)))
    return points


def contact(package: dict[str, Any]) -> tuple[str, str, str]:
    points = contact_points(package)
    first = points[0] if points else {}
    name = (
        text(package.get("maintainer"))
        or text(package.get("contact_name"))
        or text(first.get("name"))
        or text(first.get("fn"))
        or text(package.get("author"))
    )
    address = (
        email(package.get("maintainer_email"))
        or email(first.get("email"))
        or email(first.get("hasEmail"))
        or email(package.get("contact_point"))
        or email(package.get("contact_email"))
        or email(package.get("publisher_email"))
        or email(package.get("author_email"))
    )
    if email(name) and name == address:
        name = ""
    contact_url = (
        url(package.get("contact_uri"))
        or url(first.get("url") or first.get("hasURL") or first.get("uri"))
        or url(package.get("publisher_url"))
    )
    return name[:200], address, contact_url[:500]


def access_rights(package: dict[str, Any], extras_in: dict[str, Any]) -> str:
    level = (text(package.get("access_level")) or text(extras_in.get("accessLevel"))).lower()
    if level in {"restricted", "restricted public", "open_login"}:
        return "restricted"
    if level in {"non-public", "closed", "private"}:
        return "non-public"
    return "public"


def temporal(
    package: dict[str, Any], extras_in: dict[str, Any], warnings: list[str]
) -> tuple[Any, Any]:
    temporals = dicts(package.get("temporals"))
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


def extras(
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
    # Top-level fields of schema extensions (ckanext-scheming...) that no helper places.
    for key, value in package.items():
        if key in PLACED or key in _BOOKKEEPING or key.startswith("_") or key in extras_in:
            continue
        pair = extra(key, value)
        if pair and len(pairs) < 2 * _MAX_EXTRAS:
            pairs.append(pair)
    return pairs


def distributions(
    resources: Any, licence: str, warnings: list[str]
) -> tuple[DistributionRecord, ...]:
    result: list[DistributionRecord] = []
    for resource in dicts(resources)[:_MAX_RESOURCES]:
        state = text(resource.get("state")).lower()
        if state not in {"", "active", "deprecated"}:
            continue  # deleted: gone from the source
        status = text(resource.get("status")).rstrip("/").lower()
        deprecated = state == "deprecated" or status.endswith("deprecated")
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
                deprecated=deprecated,
            )
        )
    return tuple(result)
