"""DCAT-US / Project Open Data 1.1 ``data.json``, streamed dataset by dataset.

Datasets and APIs are listed (POD describes both as "dataset or API"; an API gets one
distribution with format ``API`` pointing at its endpoint, and ``describedBy`` pointing at
its OpenAPI/AsyncAPI document). PPP projects and challenges are not data and are left out.
The output validates against the non-federal POD 1.1 JSON schema (vendored in
tests/fixtures/pod_schema): the catalogue is not a US federal agency, so ``bureauCode`` and
``programCode`` do not apply. POD requires a publisher: an entry whose source stated none is
left out (ADR 0023); the response's ``X-Publisher-Not-Stated`` header counts them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet

from catalogue.access import distribution_links, endpoint_links
from catalogue.models import Entry
from catalogue.publisher import PUBLISHER_STATED
from catalogue.sanitise import html_to_text

from . import dcat_vocabulary as voc
from .catalog_export import CHUNK_SIZE, id_chunks
from .dcat_ap import base_url, entry_iri
from .dcat_codes import CODE_TO_ISO8601
from .export_loader import ExportLoader, rel
from .parts import dcat_part, dcat_us_types
from .rdf import web_url

POD_SCHEMA = "https://project-open-data.cio.gov/v1.1/schema"
ACCESS_LEVELS = {"public": "public", "restricted": "restricted public", "non-public": "non-public"}
_EMAIL = re.compile(r"^[\w_~!$&'()*+,;=:.-]+@[\w.-]+\.[\w.-]+$")
_MEDIA_TYPE = re.compile(r"^[-\w]+/[-\w]+(\.[-\w]+)*([+][-\w]+)?$")


def _licence_url(licence: Any) -> str | None:
    if licence is None:
        return None
    return web_url(licence.url or licence.eu_uri or voc.licence_uri(licence.spdx_id)) or None


def _distribution(entry: Any, dist: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": "dcat:Distribution"}
    media_type = (dist.media_type or voc.media_type_for(dist.format)).split(";")[0].strip()
    links = distribution_links(entry, dist)
    download, access = web_url(links.download_url), web_url(links.access_url)
    if download and _MEDIA_TYPE.match(media_type):
        out["downloadURL"] = download
        out["mediaType"] = media_type
    elif _MEDIA_TYPE.match(media_type):
        out["mediaType"] = media_type
    access = access or (download if "downloadURL" not in out else "")
    if access:
        out["accessURL"] = access
    if dist.format:
        out["format"] = dist.format
    if dist.title:
        out["title"] = dist.title
    if dist.description:
        out["description"] = dist.description
    return out


def dataset(entry: Any) -> dict[str, Any]:
    """One entry as a POD 1.1 dataset object."""
    publisher = entry.publisher
    email = entry.contact_email or publisher.email
    contact: dict[str, Any] = {"@type": "vcard:Contact", "fn": entry.contact_name or publisher.name}
    if email and _EMAIL.match(email):
        contact["hasEmail"] = "mailto:" + email
    out: dict[str, Any] = {
        "@type": "dcat:Dataset",
        "title": entry.title,
        "identifier": entry.identifier or entry_iri(entry),
        "accessLevel": ACCESS_LEVELS.get(entry.access_rights, "public"),
        "publisher": {"@type": "org:Organization", "name": publisher.name},
        "contactPoint": contact,
        "landingPage": web_url(entry.landing_page) or entry_iri(entry),
    }
    description = html_to_text(entry.description) or entry.summary
    if description:  # never the title again: the quality score reports it missing
        out["description"] = description
    out.update(_optional_fields(entry))
    distributions = [_distribution(entry, d) for d in rel(entry, "distributions")]
    if dcat_part(entry.entry_type).dcat_us_kind == "service":
        endpoint = _service_endpoint(entry)
        if "describedBy" in endpoint:
            out["describedBy"] = endpoint["describedBy"]
        distributions.insert(0, endpoint)
    if distributions:
        out["distribution"] = distributions
    return out


def _optional_fields(entry: Any) -> dict[str, Any]:
    """The POD fields an entry may lack: each is left out when it has no value."""
    places = (
        [entry.spatial_label] if entry.spatial_label else [c.name for c in rel(entry, "countries")]
    )
    temporal = ""
    if entry.temporal_start and entry.temporal_end:
        temporal = f"{entry.temporal_start.isoformat()}/{entry.temporal_end.isoformat()}"
    conforms = [web_url(u) for u in entry.conforms_to or [] if isinstance(u, str) and web_url(u)]
    part_of = ""
    if entry.in_series_id and entry.in_series is not None:
        part_of = entry.in_series.identifier or entry_iri(entry.in_series)
    fields = {
        "modified": entry.modified.replace(microsecond=0).isoformat() if entry.modified else "",
        "issued": entry.issued.replace(microsecond=0).isoformat() if entry.issued else "",
        "keyword": list(dict.fromkeys(k for k in entry.keywords or [] if k)),
        "license": _licence_url(entry.licence),
        "spatial": ", ".join(places),
        "temporal": temporal,
        "accrualPeriodicity": CODE_TO_ISO8601.get(entry.frequency or ""),
        "language": [lang.code for lang in rel(entry, "languages")],
        "theme": list(dict.fromkeys(t.name for t in rel(entry, "themes"))),
        "conformsTo": conforms[0] if conforms else "",
        "isPartOf": part_of,
    }
    return {name: value for name, value in fields.items() if value}


def _service_endpoint(entry: Any) -> dict[str, Any]:
    """A data service's endpoint as the first distribution (POD has no data-service class)."""
    endpoint = {"@type": "dcat:Distribution", "format": "API", "title": entry.title}
    links = endpoint_links(entry)  # empty when the access rights withhold them
    access = web_url(links.endpoint_url) or web_url(entry.landing_page)
    if access:  # never our own page: an API without an address has none
        endpoint["accessURL"] = access
    if web_url(links.endpoint_description_url):
        endpoint["describedBy"] = web_url(links.endpoint_description_url)
    return endpoint


def catalog_head() -> dict[str, Any]:
    return {
        "@context": f"{POD_SCHEMA}/catalog.jsonld",
        "@id": base_url() + "/data.json",
        "@type": "dcat:Catalog",
        "conformsTo": POD_SCHEMA,
        "describedBy": f"{POD_SCHEMA}/catalog.json",
    }


def exported_entries() -> QuerySet[Entry]:
    """The entries data.json describes, before the publisher rule (ADR 0023) leaves out those
    whose source stated no publisher: POD 1.1 requires one and we do not invent it."""
    return Entry.objects.published().filter(
        entry_type__in=dcat_us_types("dataset") + dcat_us_types("service")
    )


def stream_data_json(*, chunk_size: int = CHUNK_SIZE) -> Iterator[str]:
    """``{"…": …, "dataset": [`` then the datasets chunk by chunk, then ``]}``."""
    head = json.dumps(catalog_head(), ensure_ascii=False)
    yield head[:-1] + ',"dataset":[\n'
    qs = exported_entries().filter(PUBLISHER_STATED)
    loader, first = ExportLoader(), True
    for chunk_ids in id_chunks(qs, chunk_size=chunk_size):
        parts = []
        for entry in loader.load(chunk_ids):
            parts.append(("" if first else ",\n") + json.dumps(dataset(entry), ensure_ascii=False))
            first = False
        yield "".join(parts)
    yield "\n]}\n"
