"""schema.org JSON-LD for the head of every detail page (dataset search engines read it).

* dataset → ``Dataset`` with ``DataDownload`` distributions, carrying what Google's Dataset
  guidance requires or recommends: name, description (50–5,000 characters), url,
  identifier, license, creator and publisher, keywords, spatialCoverage, temporalCoverage,
  distribution with encodingFormat and contentUrl, includedInDataCatalog;
* API → ``WebAPI`` (provider, documentation, the endpoint as a ``ServiceChannel``);
* PPP project → ``Project`` (partners as ``OrganizationRole`` members, investment);
* challenge → ``Event`` + ``CreativeWork`` (dates, organiser, a virtual location, free entry
  as ``offers``, prizes as ``award``).

:func:`script_tag` serialises it so no ``</script>`` or ``<!--`` in the data can end the
element: ``<``, ``>`` and ``&`` are written as JSON ``\\u`` escapes.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe

from catalogue.sanitise import html_to_text

from .dcat_ap import base_url, entry_iri
from .export_loader import rel
from .rdf import web_url

MIN_DESCRIPTION, MAX_DESCRIPTION = 50, 5000
TYPE_LABELS = {"dataset": "Dataset", "api": "API", "ppp": "PPP project", "challenge": "Challenge"}


def _description(entry: Any) -> str:
    """The description Google wants: 50 to 5,000 characters, plain text."""
    parts = [html_to_text(entry.description), html_to_text(getattr(entry, "problem_statement", ""))]
    text = " ".join(p for p in parts if p) or entry.summary or entry.title
    if entry.summary and entry.summary not in text:
        text = f"{entry.summary} {text}"
    if len(text) < MIN_DESCRIPTION:
        text = (
            f"{text} — {TYPE_LABELS.get(entry.entry_type, 'Entry')} published by "
            f"{entry.publisher.name} in the {settings.WAGTAIL_SITE_NAME}."
        )
    if len(text) > MAX_DESCRIPTION:
        text = text[: MAX_DESCRIPTION - 1].rsplit(" ", 1)[0] + "…"
    return text


def _organisation(org: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "@type": "Organization",
        "name": org.name,
        "url": base_url() + org.get_absolute_url(),
    }
    if web_url(org.website):
        out["sameAs"] = web_url(org.website)
    return out


def _licence(entry: Any) -> str | None:
    licence = entry.licence
    if licence is None:
        return None
    return web_url(licence.url) or web_url(licence.eu_uri) or None


def _place(entry: Any) -> dict[str, Any] | None:
    names = [entry.spatial_label] if entry.spatial_label else []
    names += [c.name for c in rel(entry, "countries")]
    if not names:
        return None
    return {"@type": "Place", "name": ", ".join(names)}


def _common(entry: Any, schema_type: str | list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": schema_type,
        "@id": entry_iri(entry),
        "name": entry.title,
        "description": _description(entry),
        "url": entry_iri(entry),
        "identifier": entry.identifier or entry_iri(entry),
    }
    keywords = [k for k in entry.keywords or [] if k] + [t.name for t in rel(entry, "themes")]
    if keywords:
        out["keywords"] = list(dict.fromkeys(keywords))
    if web_url(entry.landing_page):
        out["sameAs"] = web_url(entry.landing_page)
    if entry.modified:
        out["dateModified"] = entry.modified.replace(microsecond=0).isoformat()
    if entry.issued:
        out["datePublished"] = entry.issued.replace(microsecond=0).isoformat()
    languages = [lang.code for lang in rel(entry, "languages")]
    if languages:
        out["inLanguage"] = languages if len(languages) > 1 else languages[0]
    return out


def _dataset(entry: Any) -> dict[str, Any]:
    out = _common(entry, "Dataset")
    publisher = _organisation(entry.publisher)
    out["creator"] = publisher
    out["publisher"] = publisher
    licence = _licence(entry)
    if licence:
        out["license"] = licence
    out["isAccessibleForFree"] = entry.access_rights == "public"
    place = _place(entry)
    if place:
        out["spatialCoverage"] = place
    if entry.temporal_start or entry.temporal_end:
        start = entry.temporal_start.isoformat() if entry.temporal_start else ".."
        end = entry.temporal_end.isoformat() if entry.temporal_end else ".."
        out["temporalCoverage"] = f"{start}/{end}"
    if entry.version:
        out["version"] = entry.version
    downloads = []
    for dist in rel(entry, "distributions"):
        url = web_url(dist.download_url) or web_url(dist.access_url)
        if not url:
            continue
        item: dict[str, Any] = {"@type": "DataDownload", "contentUrl": url}
        if dist.media_type or dist.format:
            item["encodingFormat"] = dist.media_type or dist.format
        if dist.title:
            item["name"] = dist.title
        if dist.byte_size:
            item["contentSize"] = f"{dist.byte_size} B"
        downloads.append(item)
    if downloads:
        out["distribution"] = downloads
    out["includedInDataCatalog"] = {
        "@type": "DataCatalog",
        "name": settings.WAGTAIL_SITE_NAME,
        "url": base_url() + "/",
    }
    return out


def _api(entry: Any) -> dict[str, Any]:
    out = _common(entry, "WebAPI")
    out["provider"] = _organisation(entry.publisher)
    if web_url(entry.endpoint_description_url):
        out["documentation"] = web_url(entry.endpoint_description_url)
    if web_url(entry.endpoint_url):
        out["availableChannel"] = {
            "@type": "ServiceChannel",
            "serviceUrl": web_url(entry.endpoint_url),
        }
    licence = _licence(entry)
    if licence:
        out["termsOfService"] = licence
    place = _place(entry)
    if place:
        out["areaServed"] = place
    return out


def _ppp(entry: Any) -> dict[str, Any]:
    out = _common(entry, "Project")
    out["parentOrganization"] = _organisation(entry.public_authority or entry.publisher)
    members = [
        {
            "@type": "OrganizationRole",
            "roleName": p.get_role_display(),
            "member": _organisation(p.organisation),
        }
        for p in rel(entry, "partnerships")
    ]
    if members:
        out["member"] = members
    place = _place(entry)
    if place:
        out["location"] = place
    if entry.total_investment is not None and entry.currency:
        out["funding"] = {
            "@type": "MonetaryGrant",
            "name": "Total investment",
            "amount": {
                "@type": "MonetaryAmount",
                "value": str(entry.total_investment),
                "currency": entry.currency,
            },
        }
    return out


def _challenge(entry: Any) -> dict[str, Any]:
    out = _common(entry, ["Event", "CreativeWork"])
    out["organizer"] = _organisation(entry.publisher)
    if entry.opens_at:
        out["startDate"] = entry.opens_at.replace(microsecond=0).isoformat()
    if entry.closes_at:
        out["endDate"] = entry.closes_at.replace(microsecond=0).isoformat()
    out["eventStatus"] = "https://schema.org/EventScheduled"
    out["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
    page = web_url(entry.landing_page) or entry_iri(entry)
    out["location"] = {"@type": "VirtualLocation", "url": page}
    # free to enter: Google reads an Event's ticket offer; the prizes go to ``award``
    offer: dict[str, Any] = {
        "@type": "Offer",
        "price": "0",
        "url": page,
        "availability": "https://schema.org/InStock",
    }
    prizes = list(rel(entry, "prizes"))
    currency = next((p.currency for p in prizes if p.currency), "")
    if currency:
        offer["priceCurrency"] = currency
    if entry.opens_at:
        offer["validFrom"] = entry.opens_at.replace(microsecond=0).isoformat()
    out["offers"] = offer
    awards = []
    for prize in prizes:
        if prize.amount is not None:
            awards.append(f"{prize.title}: {prize.amount:,.0f} {prize.currency}".strip())
        else:
            awards.append(f"{prize.title}: {prize.non_monetary}".strip(": "))
    if awards:
        out["award"] = awards
    sponsors = [_organisation(p.organisation) for p in rel(entry, "partnerships")]
    if sponsors:
        out["sponsor"] = sponsors
    return out


def schema_org(entry: Any) -> dict[str, Any]:
    build = {"dataset": _dataset, "api": _api, "ppp": _ppp, "challenge": _challenge}
    return build[entry.entry_type](entry)


def script_tag(data: dict[str, Any]) -> SafeString:
    """``<script type="application/ld+json">`` that no value can break out of."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308
