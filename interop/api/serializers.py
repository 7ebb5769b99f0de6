"""Models to JSON: one function per shape, each mirrored by a schema in ``openapi_schemas.py``.

An entry's own fields come from its type's part (``interop.api.parts``).

Serializers only read what ``queries.py`` has already loaded (select_related/prefetch), so a
listing costs the same number of queries whatever its length. Codes are sent as codes (the
OpenAPI document lists their enums); empty codes become ``null``; related entries are
linked only when the public can see them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from catalogue.access import distribution_links
from catalogue.models import (
    Distribution,
    Entry,
    Licence,
    Organisation,
    Theme,
)
from catalogue.public_url import public_base_url
from catalogue.publisher import stated_publisher
from catalogue.registry import entry_types
from search.facets import facet_names
from search.query import FacetValue, Hit, SearchResults

from .parts import api_part, api_parts

Json = dict[str, Any]


class Linker:
    """Absolute URLs for one request, with the host worked out once."""

    def __init__(self, request: HttpRequest) -> None:
        self.base = public_base_url(request)

    def __call__(self, path: str) -> str:
        return self.base + path


def iso_datetime(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def iso_date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def money(value: Decimal | None) -> str | None:
    return format(value, "f") if value is not None else None


def is_public(entry: Entry | None) -> bool:
    return entry is not None and entry.is_published


# --- references ------------------------------------------------------------------------


def entry_api_path(entry_type: str, slug: str) -> str:
    return reverse(
        "api:entry-detail", kwargs={"type_path": entry_types.get(entry_type).path, "slug": slug}
    )


def entry_ref(entry: Entry, link: Linker) -> Json:
    return {
        "type": entry.entry_type,
        "slug": entry.slug,
        "title": entry.title,
        "url": link(entry.get_absolute_url()),
        "api_url": link(entry_api_path(entry.entry_type, entry.slug)),
    }


def public_refs(entries: Any, link: Linker) -> list[Json]:
    return [entry_ref(e, link) for e in entries if is_public(e)]


def organisation_ref(org: Organisation | None, link: Linker) -> Json | None:
    if org is None:
        return None
    return {
        "slug": org.slug,
        "name": org.name,
        "kind": org.kind,
        "url": link(org.get_absolute_url()),
        "api_url": link(reverse("api:organisation-detail", kwargs={"slug": org.slug})),
    }


def theme_ref(theme: Theme, link: Linker) -> Json:
    return {
        "slug": theme.slug,
        "code": theme.code,
        "scheme": theme.scheme,
        "name": theme.name,
        "uri": theme.uri,
        "api_url": link(reverse("api:theme-detail", kwargs={"slug": theme.slug})),
    }


def licence_json(licence: Licence | None) -> Json | None:
    if licence is None:
        return None
    return {
        "spdx_id": licence.spdx_id,
        "name": licence.name,
        "url": licence.url or None,
        "is_open": licence.is_open,
        "eu_uri": licence.eu_uri or None,
    }


# --- entries ---------------------------------------------------------------------------


def publisher_refs(entry: Entry, link: Linker) -> Json:
    """The stated publisher (None when the source stated none) and the cataloguing one."""
    publisher = stated_publisher(entry)
    return {
        "publisher": organisation_ref(publisher, link) if publisher is not None else None,
        "catalogued_by": organisation_ref(entry.publisher, link),
    }


def entry_summary(entry: Entry, link: Linker) -> Json:
    data = {
        "id": entry.pk,
        **entry_ref(entry, link),
        "summary": entry.summary,
        **publisher_refs(entry, link),
        "themes": [theme_ref(t, link) for t in entry.themes.all()],
        "keywords": list(entry.keywords or []),
        "licence": licence_json(entry.licence),
        "access_rights": entry.access_rights,
        "countries": [c.code for c in entry.countries.all()],
        "issued": iso_datetime(entry.issued),
        "modified": iso_datetime(entry.modified),
    }
    data.update(api_part(entry.entry_type).summary_fields(entry, link))
    return data


def _core(entry: Entry, link: Linker) -> Json:
    return {
        "id": entry.pk,
        **entry_ref(entry, link),
        "summary": entry.summary,
        "description": entry.description,
        "identifier": entry.identifier or None,
        "landing_page": entry.landing_page or None,
        **publisher_refs(entry, link),
        "contact_point": {
            "name": entry.contact_name or None,
            "email": entry.contact_email or None,
            "url": entry.contact_url or None,
        },
        "themes": [theme_ref(t, link) for t in entry.themes.all()],
        "keywords": list(entry.keywords or []),
        "licence": licence_json(entry.licence),
        "access_rights": entry.access_rights,
        "countries": [{"code": c.code, "name": c.name} for c in entry.countries.all()],
        "spatial_label": entry.spatial_label or None,
        "temporal": {"start": iso_date(entry.temporal_start), "end": iso_date(entry.temporal_end)},
        "languages": [{"code": lang.code, "name": lang.name} for lang in entry.languages.all()],
        "issued": iso_datetime(entry.issued),
        "modified": iso_datetime(entry.modified),
        "status": entry.public_status,
        "provenance": {
            "origin": entry.origin,
            "remote_url": entry.remote_url or None,
            "last_harvested_at": iso_datetime(entry.last_harvested_at),
            "content_hash": entry.content_hash or None,
            "overridden_fields": list(entry.overridden_fields or []),
        },
        "quality_score": entry.quality_score,
        "documents": [
            {"title": d.title, "url": d.url, "document_type": d.document_type or None}
            for d in entry.documents.all()
        ],
    }


def distribution_json(entry: Entry, dist: Distribution, link: Linker) -> Json:
    service = dist.access_service
    links = distribution_links(entry, dist)
    return {
        "title": dist.title or None,
        "description": dist.description or None,
        "access_url": links.access_url or None,
        "download_url": links.download_url or None,
        "media_type": dist.media_type or None,
        "format": dist.format or None,
        "byte_size": dist.byte_size,
        "licence": licence_json(dist.licence),
        "checksum": dist.checksum or None,
        "access_service": entry_ref(service, link) if is_public(service) else None,
    }


def partners_json(entry: Entry, link: Linker) -> list[Json]:
    return [
        {
            "organisation": organisation_ref(p.organisation, link),
            "role": p.role,
            "note": p.note or None,
        }
        for p in entry.partnerships.all()
    ]


def entry_detail(entry: Entry, link: Linker) -> Json:
    data = _core(entry, link)
    data.update(api_part(entry.entry_type).detail_fields(entry, link))
    return data


# --- organisations and themes ------------------------------------------------------------


def _type_links(link: Linker, param: str, value: str) -> Json:
    return {
        spec.path.replace("-", "_"): link(
            reverse("api:entry-list", kwargs={"type_path": spec.path}) + f"?{param}={value}"
        )
        for spec in (entry_types.get(key) for key in api_parts())
    }


def organisation_summary(org: Organisation, link: Linker) -> Json:
    return {
        **organisation_ref(org, link),  # type: ignore[dict-item]
        "country": org.country.code if org.country else None,
        "website": org.website or None,
        "entry_count": getattr(org, "entry_count", 0),
    }


def organisation_detail(org: Organisation, counts: dict[str, int], link: Linker) -> Json:
    return {
        **organisation_summary(org, link),
        "description": org.description,
        "email": org.email or None,
        "identifier": org.identifier or None,
        "parent": organisation_ref(org.parent, link),
        "children": [organisation_ref(c, link) for c in org.children.all()],
        "counts": {spec.key: counts.get(spec.key, 0) for spec in entry_types},
        "entries": _type_links(link, "organisation", org.slug),
    }


def theme_summary(theme: Theme, link: Linker, entry_count: int) -> Json:
    return {
        **theme_ref(theme, link),
        "description": theme.description or None,
        "url": link(theme.get_absolute_url()),
        "entry_count": entry_count,
    }


def theme_detail(theme: Theme, entry_count: int, counts: dict[str, int], link: Linker) -> Json:
    return {
        **theme_summary(theme, link, entry_count),
        "counts": {spec.key: counts.get(spec.key, 0) for spec in entry_types},
        "entries": _type_links(link, "theme", theme.slug),
    }


# --- search ----------------------------------------------------------------------------


def hit_json(hit: Hit, link: Linker) -> Json:
    return {
        "id": hit.entry_id,
        "type": hit.entry_type,
        "slug": hit.slug,
        "title": hit.title,
        "summary": hit.summary,
        "url": link(hit.url) if hit.url.startswith("/") else hit.url,
        "api_url": link(entry_api_path(hit.entry_type, hit.slug)),
        "publisher": {"slug": hit.publisher_slug, "name": hit.publisher},
        "modified": hit.modified,
        "score": hit.score,
        "highlights": {"title": hit.title_highlight or None, "text": hit.text_highlight or None},
    }


def facet_json(values: list[FacetValue]) -> list[Json]:
    return [
        {"value": v.value, "label": str(v.label), "count": v.count, "selected": v.selected}
        for v in values
    ]


def search_json(results: SearchResults, link: Linker, links: Json) -> Json:
    query = results.query
    return {
        "count": results.count,
        "page": query.page,
        "page_size": query.page_size,
        "results": [hit_json(h, link) for h in results.hits],
        "facets": {facet: facet_json(results.facets.get(facet, [])) for facet in facet_names()},
        "links": links,
    }
