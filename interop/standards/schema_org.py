"""schema.org JSON-LD for the head of every detail page (dataset search engines read it).

Each entry type builds its own node (``parts.SchemaOrgPart``, ``entrytypes/<type>/schema_org.py``)
from the properties every type shares (:func:`common`): a dataset is a ``Dataset`` as Google's
Dataset guidance asks, an API a ``WebAPI``, a PPP project a ``Project``, a challenge an
``Event`` and ``CreativeWork``.

:func:`script_tag` serialises it so no ``</script>`` or ``<!--`` in the data can end the
element: ``<``, ``>`` and ``&`` are written as JSON ``\\u`` escapes.
"""

from __future__ import annotations

import json
from typing import Any

from django.utils.safestring import SafeString, mark_safe

from catalogue.publisher import stated_publisher
from catalogue.registry import entry_types
from catalogue.sanitise import html_to_text

from .dcat_ap import base_url, entry_iri
from .export_loader import rel
from .parts import SchemaOrgPart
from .rdf import web_url

MAX_DESCRIPTION = 5000


def _description(entry: Any) -> str:
    """The description as plain text, at most 5,000 characters; "" (left out) when there is
    none: never padded with the title or words of ours (the quality score says it is short)."""
    parts = [html_to_text(entry.description), html_to_text(getattr(entry, "problem_statement", ""))]
    text = " ".join(p for p in parts if p) or entry.summary
    if entry.summary and entry.summary not in text:
        text = f"{entry.summary} {text}"
    if len(text) > MAX_DESCRIPTION:
        text = text[: MAX_DESCRIPTION - 1].rsplit(" ", 1)[0] + "…"
    return text


def stated_organisation(entry: Any) -> dict[str, Any] | None:
    """The entry's publisher as an ``Organization``, None when its source stated none: the
    organisation that catalogued it is not its publisher, creator or provider (ADR 0023)."""
    publisher = stated_publisher(entry)
    return organisation(publisher) if publisher is not None else None


def organisation(org: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "@type": "Organization",
        "name": org.name,
        "url": base_url() + org.get_absolute_url(),
    }
    if web_url(org.website):
        out["sameAs"] = web_url(org.website)
    return out


def licence_url(entry: Any) -> str | None:
    licence = entry.licence
    if licence is None:
        return None
    return web_url(licence.url) or web_url(licence.eu_uri) or None


def place(entry: Any) -> dict[str, Any] | None:
    names = [entry.spatial_label] if entry.spatial_label else []
    names += [c.name for c in rel(entry, "countries")]
    if not names:
        return None
    return {"@type": "Place", "name": ", ".join(names)}


def common(
    entry: Any, schema_type: str | list[str], *, creative_work: bool = True, keywords: bool = True
) -> dict[str, Any]:
    """The properties every entry shares. Search engines drop a property its type does not
    define, so a type that is no CreativeWork (a WebAPI is a Service, a Project an
    Organization) passes ``creative_work=False`` (no dateModified, datePublished, inLanguage),
    and one that takes no ``keywords`` (a Service) ``keywords=False``."""
    out: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": schema_type,
        "@id": entry_iri(entry),
        "name": entry.title,
        "description": _description(entry),
        "url": entry_iri(entry),
        "identifier": entry.identifier or entry_iri(entry),
    }
    if not out["description"]:
        del out["description"]
    words = [k for k in entry.keywords or [] if k] + [t.name for t in rel(entry, "themes")]
    if words and keywords:
        out["keywords"] = list(dict.fromkeys(words))
    if web_url(entry.landing_page):
        out["sameAs"] = web_url(entry.landing_page)
    if not creative_work:
        return out
    if entry.modified:
        out["dateModified"] = entry.modified.replace(microsecond=0).isoformat()
    if entry.issued:
        out["datePublished"] = entry.issued.replace(microsecond=0).isoformat()
    languages = [lang.code for lang in rel(entry, "languages")]
    if languages:
        out["inLanguage"] = languages if len(languages) > 1 else languages[0]
    return out


def schema_org(entry: Any) -> dict[str, Any]:
    part = entry_types.part(entry.entry_type, SchemaOrgPart)
    if part is None:
        return common(entry, "Thing")
    return part.build(entry)


def script_tag(data: dict[str, Any]) -> SafeString:
    """``<script type="application/ld+json">`` that no value can break out of."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308
