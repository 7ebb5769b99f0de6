"""Models to JSON: one function per shape, each mirrored by a schema in ``openapi.py``.

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

from catalogue.models import (
    ENTRY_TYPE_PATHS,
    Distribution,
    Entry,
    EntryType,
    Licence,
    Organisation,
    Theme,
)
from search.query import Facet, FacetValue, Hit, SearchResults

Json = dict[str, Any]


class Linker:
    """Absolute URLs for one request, with the host worked out once."""

    def __init__(self, request: HttpRequest) -> None:
        self.base = request.build_absolute_uri("/").rstrip("/")

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
    return bool(entry is not None and entry.live and entry.withdrawn_at is None)


# --- references ------------------------------------------------------------------------


def entry_api_path(entry_type: str, slug: str) -> str:
    return f"/api/v1/{ENTRY_TYPE_PATHS[EntryType(entry_type)]}/{slug}"


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
        "api_url": link(f"/api/v1/organisations/{org.slug}"),
    }


def theme_ref(theme: Theme, link: Linker) -> Json:
    return {
        "slug": theme.slug,
        "code": theme.code,
        "scheme": theme.scheme,
        "name": theme.name,
        "uri": theme.uri,
        "api_url": link(f"/api/v1/themes/{theme.slug}"),
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


def _type_summary(entry: Entry) -> Json:
    """The few per-type facts a listing needs to tell entries apart."""
    if entry.entry_type == EntryType.DATASET:
        formats = sorted({d.format for d in entry.distributions.all() if d.format})
        return {"formats": formats}
    if entry.entry_type == EntryType.API:
        return {
            "api_type": entry.api_type or None,
            "authentication": entry.authentication or None,
            "lifecycle": entry.lifecycle or None,
        }
    if entry.entry_type == EntryType.PPP:
        return {
            "project_status": entry.project_status.code if entry.project_status else None,
            "sector": entry.sector or None,
        }
    return {
        "challenge_status": entry.challenge_status(),
        "closes_at": iso_datetime(entry.closes_at),
    }


def entry_summary(entry: Entry, link: Linker) -> Json:
    data = {
        "id": entry.pk,
        **entry_ref(entry, link),
        "summary": entry.summary,
        "publisher": organisation_ref(entry.publisher, link),
        "themes": [theme_ref(t, link) for t in entry.themes.all()],
        "keywords": list(entry.keywords or []),
        "licence": licence_json(entry.licence),
        "access_rights": entry.access_rights,
        "countries": [c.code for c in entry.countries.all()],
        "issued": iso_datetime(entry.issued),
        "modified": iso_datetime(entry.modified),
    }
    data.update(_type_summary(entry))
    return data


def _core(entry: Entry, link: Linker) -> Json:
    return {
        "id": entry.pk,
        **entry_ref(entry, link),
        "summary": entry.summary,
        "description": entry.description,
        "identifier": entry.identifier or None,
        "landing_page": entry.landing_page or None,
        "publisher": organisation_ref(entry.publisher, link),
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


def distribution_json(dist: Distribution, link: Linker) -> Json:
    service = dist.access_service
    return {
        "title": dist.title or None,
        "description": dist.description or None,
        "access_url": dist.access_url or None,
        "download_url": dist.download_url or None,
        "media_type": dist.media_type or None,
        "format": dist.format or None,
        "byte_size": dist.byte_size,
        "licence": licence_json(dist.licence),
        "checksum": dist.checksum or None,
        "access_service": entry_ref(service, link) if is_public(service) else None,
    }


def _partners(entry: Entry, link: Linker) -> list[Json]:
    return [
        {
            "organisation": organisation_ref(p.organisation, link),
            "role": p.role,
            "note": p.note or None,
        }
        for p in entry.partnerships.all()
    ]


def _dataset_fields(entry: Entry, link: Linker) -> Json:
    series = entry.in_series
    return {
        "frequency": entry.frequency or None,
        "version": entry.version or None,
        "in_series": entry_ref(series, link) if is_public(series) else None,
        "contains_personal_data": entry.contains_personal_data,
        "conforms_to": list(entry.conforms_to or []),
        "distributions": [distribution_json(d, link) for d in entry.distributions.all()],
        "served_by": public_refs(entry.served_by.all(), link),
    }


def _api_fields(entry: Entry, link: Linker) -> Json:
    return {
        "endpoint_url": entry.endpoint_url or None,
        "endpoint_description_url": entry.endpoint_description_url or None,
        "api_type": entry.api_type or None,
        "authentication": entry.authentication or None,
        "access_instructions": entry.access_instructions or None,
        "rate_limits": entry.rate_limits or None,
        "availability": entry.availability or None,
        "lifecycle": entry.lifecycle or None,
        "sunset_date": iso_date(entry.sunset_date),
        "sandbox_url": entry.sandbox_url or None,
        "version": entry.version or None,
        "serves_datasets": public_refs(entry.serves_datasets.all(), link),
    }


def _ppp_fields(entry: Entry, link: Linker) -> Json:
    status = entry.project_status
    return {
        "project_status": {"code": status.code, "name": status.name} if status else None,
        "sector": entry.sector or None,
        "contract_type": entry.contract_type or None,
        "total_investment": money(entry.total_investment),
        "currency": entry.currency or None,
        "public_authority": organisation_ref(entry.public_authority, link),
        "government_support": entry.government_support or None,
        "partners": _partners(entry, link),
        "milestones": [
            {"kind": m.kind, "date": iso_date(m.date), "planned": m.planned, "note": m.note or None}
            for m in entry.milestones.all()
        ],
        "risks": [
            {"category": r.category, "allocation": r.allocation, "note": r.note or None}
            for r in entry.risks.all()
        ],
        "related_datasets": public_refs(entry.related_datasets.all(), link),
    }


def _challenge_fields(entry: Entry, link: Linker) -> Json:
    return {
        "problem_statement": entry.problem_statement,
        "challenge_type": entry.challenge_type or None,
        "challenge_status": entry.challenge_status(),
        "eligibility": entry.eligibility or None,
        "how_to_enter": entry.how_to_enter or None,
        "opens_at": iso_datetime(entry.opens_at),
        "closes_at": iso_datetime(entry.closes_at),
        "judging_ends_at": iso_datetime(entry.judging_ends_at),
        "outcomes": entry.outcomes or None,
        "partners": _partners(entry, link),
        "prizes": [
            {
                "title": p.title,
                "amount": money(p.amount),
                "currency": p.currency or None,
                "non_monetary": p.non_monetary or None,
            }
            for p in entry.prizes.all()
        ],
        "criteria": [
            {"name": c.name, "weight": c.weight, "description": c.description or None}
            for c in entry.criteria.all()
        ],
        "phases": [
            {
                "name": p.name,
                "starts_on": iso_date(p.starts_on),
                "ends_on": iso_date(p.ends_on),
                "description": p.description or None,
            }
            for p in entry.phases.all()
        ],
        "winners": [
            {
                "name": w.name,
                "organisation": organisation_ref(w.organisation, link),
                "prize": w.prize or None,
                "description": w.description or None,
            }
            for w in entry.winners.all()
        ],
        "offered_resources": public_refs(entry.offered_resources.all(), link),
    }


TYPE_FIELDS = {
    EntryType.DATASET: _dataset_fields,
    EntryType.API: _api_fields,
    EntryType.PPP: _ppp_fields,
    EntryType.CHALLENGE: _challenge_fields,
}


def entry_detail(entry: Entry, link: Linker) -> Json:
    data = _core(entry, link)
    data.update(TYPE_FIELDS[EntryType(entry.entry_type)](entry, link))
    return data


# --- organisations and themes ------------------------------------------------------------


def _type_links(link: Linker, param: str, value: str) -> Json:
    return {
        path.replace("-", "_"): link(f"/api/v1/{path}?{param}={value}")
        for path in ENTRY_TYPE_PATHS.values()
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
        "counts": {t.value: counts.get(t.value, 0) for t in EntryType},
        "entries": _type_links(link, "organisation", org.slug),
    }


def theme_summary(theme: Theme, link: Linker) -> Json:
    return {
        **theme_ref(theme, link),
        "description": theme.description or None,
        "url": link(theme.get_absolute_url()),
        "entry_count": getattr(theme, "entry_count", 0),
    }


def theme_detail(theme: Theme, counts: dict[str, int], link: Linker) -> Json:
    return {
        **theme_summary(theme, link),
        "counts": {t.value: counts.get(t.value, 0) for t in EntryType},
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
        "facets": {facet.value: facet_json(results.facets.get(facet, [])) for facet in Facet},
        "links": links,
    }
