"""DCAT-US 3.0 ``data.json``, streamed: datasets with distributions, APIs as data services.

``/data.json`` stays Project Open Data 1.1 (DCAT-US 1.1), which data.gov's harvester and most
US tooling still read; this module serves the same catalogue in the DCAT-US 3.0 shape at
``/dcat-us-3.json`` (see docs/adr/0014-dcat-us-3.md). Where the two differ:

* APIs are ``DataService`` objects in the catalogue's ``service`` list (POD 1.1 squeezes them
  into ``dataset`` with an ``API`` distribution). Linked both ways, as in DCAT-AP:
  ``servesDataset`` names the datasets' identifiers, and a dataset's distribution that goes
  through an API carries that API inline in ``accessService``.
* Values are typed objects: publisher ``Organization``, contact ``Kind``, themes ``Concept``
  with their EU / UN SDG IRIs, ``Location`` (EU country IRIs, or a named place) and
  ``PeriodOfTime``; access rights are the EU access-right IRI; the licence sits on each
  distribution (the DCAT-US 3 Dataset has no ``license``), and on a data service.
* A contact point without a usable email (DCAT-US 3's ``Kind`` requires one) is given as a
  link: the entry's contact page, else the publisher's website, else its page here.

PPP projects and challenges are not data and are left out, as in the POD 1.1 data.json.
DCAT-US 3 requires a publisher: an entry whose source stated none is left out, as in
data.json (ADR 0023), and counted in the response's ``X-Publisher-Not-Stated`` header.
The output validates against the official DCAT-US 3 JSON schema (GSA/dcat-us, vendored in
tests/fixtures/dcat_us3_schema).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet

from catalogue.access import distribution_links, endpoint_links
from catalogue.models import Entry, Organisation
from catalogue.publisher import PUBLISHER_STATED
from catalogue.sanitise import html_to_text

from . import dcat_vocabulary as voc
from .catalog_export import CHUNK_SIZE, id_chunks
from .dcat_ap import base_url, endpoint_of, entry_iri, organisation_iri
from .dcat_codes import CODE_TO_ISO8601
from .export_loader import ExportLoader, rel
from .parts import dcat_us_types
from .rdf import web_url

DCAT_US3 = "https://resources.data.gov/dcat-us/3.0.0/"
#: the ``$id`` of the official Catalog schema, named by ``describedBy``
SCHEMA_URL = DCAT_US3 + "catalog"
PATH = "/dcat-us-3.json"
SPDX_SHA256 = "http://spdx.org/rdf/terms#checksumAlgorithm_sha256"
_EMAIL = re.compile(r"^[\w_~!$&'()*+,;=:.-]+@[\w.-]+\.[\w.-]+$")
_MEDIA_TYPE = re.compile(r"^[-\w]+/[-\w]+(\.[-\w]+)*([+][-\w]+)?$")
_HEX = re.compile(r"^[0-9a-fA-F]{32,128}$")
_IRI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$")


def conforms_to() -> dict[str, Any]:
    """The standard object both data.json documents name (POD 1.1 links to this one too)."""
    return {"@id": DCAT_US3, "@type": "Standard", "title": "DCAT-US 3.0"}


def remote_id(entry: Any) -> str:
    """What harvesters key the entry by, as a link: its identifier, else its IRI here.

    A link must be an IRI; an identifier that is not one (a bare code) is linked by the
    entry's IRI instead, which a harvester can still resolve through ``@id``.
    """
    return entry.identifier if _is_iri(entry.identifier) else entry_iri(entry)


def _is_iri(value: str) -> bool:
    return (
        bool(value)
        and bool(_IRI.match(value))
        and value.lower().startswith(("http://", "https://", "urn:"))
    )


def _identifier(entry: Any) -> str | dict[str, Any]:
    if not entry.identifier or _is_iri(entry.identifier):
        return remote_id(entry)
    return {"@type": "Identifier", "notation": entry.identifier}


def _organisation(org: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"@id": organisation_iri(org), "@type": "Organization", "name": org.name}
    if org.parent_id and getattr(org, "parent", None) is not None:
        out["subOrganizationOf"] = [organisation_iri(org.parent)]
    return out


def _contact(entry: Any) -> dict[str, Any] | str:
    """A ``Kind`` with an email, else a link to where the publisher can be reached."""
    publisher = entry.publisher
    email = entry.contact_email or publisher.email
    if email and _EMAIL.match(email):
        return {
            "@type": "Kind",
            "fn": entry.contact_name or publisher.name,
            "hasEmail": "mailto:" + email,
        }
    return web_url(entry.contact_url) or web_url(publisher.website) or organisation_iri(publisher)


def _theme(theme: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": "Concept", "prefLabel": theme.name}
    uri = theme.uri or voc.theme_uri(theme.code)
    if uri:
        out["@id"] = uri
    out["notation"] = [theme.code]
    return out


def _spatial(entry: Any) -> list[dict[str, Any]]:
    places = []
    for country in rel(entry, "countries"):
        place: dict[str, Any] = {"@type": "Location", "prefLabel": country.name}
        uri = voc.country_uri(country.code)
        if uri:
            place["@id"] = uri
        places.append(place)
    if entry.spatial_label:
        places.append({"@type": "Location", "prefLabel": entry.spatial_label})
    return places


def _licence_url(licence: Any) -> str:
    if licence is None:
        return ""
    return web_url(licence.url or licence.eu_uri or voc.licence_uri(licence.spdx_id))


def _when(value: dt.datetime) -> str:
    return value.replace(microsecond=0).isoformat()


def _core(entry: Any, kind: str) -> dict[str, Any]:
    """What datasets and data services share."""
    out: dict[str, Any] = {
        "@id": entry_iri(entry),
        "@type": kind,
        "title": entry.title,
        "identifier": _identifier(entry),
    }
    description = html_to_text(entry.description) or entry.summary
    if description:  # never the title again: the quality score reports it missing
        out["description"] = description
    if entry.issued:
        out["issued"] = _when(entry.issued)
    if entry.modified:
        out["modified"] = _when(entry.modified)
    keywords = list(dict.fromkeys(k for k in entry.keywords or [] if k))
    if keywords:
        out["keyword"] = keywords
    themes = [_theme(t) for t in rel(entry, "themes")]
    if themes:
        out["theme"] = themes
    access = voc.access_rights_uri(entry.access_rights)
    if access:
        out["accessRights"] = access
    places = _spatial(entry)
    if places:
        out["spatial"] = places
    if entry.temporal_start or entry.temporal_end:
        period: dict[str, Any] = {"@type": "PeriodOfTime"}
        if entry.temporal_start:
            period["startDate"] = entry.temporal_start.isoformat()
        if entry.temporal_end:
            period["endDate"] = entry.temporal_end.isoformat()
        out["temporal"] = [period]
    languages = [lang.code for lang in rel(entry, "languages") if len(lang.code) <= 2]
    if languages:
        out["language"] = languages
    conforms = [web_url(u) for u in entry.conforms_to or [] if isinstance(u, str) and web_url(u)]
    if conforms:
        out["conformsTo"] = conforms
    if entry.version:
        out["version"] = entry.version
    return out


class Serialiser:
    """Entries → DCAT-US 3 objects; ``services`` holds what inline API references need."""

    def __init__(self, services: dict[int, dict[str, Any]] | None = None) -> None:
        self.services = services or {}

    def service_ref(self, api: Any) -> dict[str, Any] | None:
        """An API inline in ``accessService``: the schema wants a whole ``DataService``, with
        its publisher; None for an API whose source stated none (it is not in the document)."""
        publisher = self.services.get(api.pk)
        if publisher is None:
            return None
        return {
            "@id": entry_iri(api),
            "@type": "DataService",
            "identifier": _identifier(api),
            "title": api.title,
            "endpointURL": [u for u in (endpoint_of(api),) if u],
            "publisher": publisher,
            "contactPoint": [publisher.get("@id") or entry_iri(api)],
        }

    def distribution(self, entry: Any, dist: Any) -> dict[str, Any]:
        out: dict[str, Any] = {
            "@id": f"{entry_iri(entry)}#distribution-{dist.pk}",
            "@type": "Distribution",
        }
        if dist.title:
            out["title"] = dist.title
        if dist.description:
            out["description"] = dist.description
        links = distribution_links(entry, dist)
        download, access = web_url(links.download_url), web_url(links.access_url)
        access = access or download or web_url(entry.landing_page)
        if access:  # never our own page
            out["accessURL"] = access
        if download:
            out["downloadURL"] = download
        media_type = (dist.media_type or voc.media_type_for(dist.format)).split(";")[0].strip()
        if _MEDIA_TYPE.match(media_type):
            out["mediaType"] = media_type
        fmt = dist.format or voc.format_code(media_type)
        if fmt:
            out["format"] = fmt
        if dist.byte_size is not None:
            out["byteSize"] = str(dist.byte_size)
        licence = _licence_url(dist.licence or entry.licence)
        if licence:
            out["license"] = licence
        checksum = (dist.checksum or "").removeprefix("sha256:")
        if _HEX.match(checksum):
            out["checksum"] = {
                "@type": "Checksum",
                "algorithm": SPDX_SHA256,
                "checksumValue": checksum.lower(),
            }
        service = self.service_ref(dist.access_service) if dist.access_service_id else None
        if service is not None:
            out["accessService"] = [service]
        return out

    def dataset(self, entry: Any) -> dict[str, Any]:
        out = _core(entry, "Dataset")
        out["publisher"] = _organisation(entry.publisher)
        out["contactPoint"] = _contact(entry)
        out["landingPage"] = web_url(entry.landing_page) or entry_iri(entry)
        periodicity = CODE_TO_ISO8601.get(entry.frequency or "")
        if periodicity:
            out["accrualPeriodicity"] = periodicity
        if entry.in_series_id and entry.in_series is not None:
            out["inSeries"] = [remote_id(entry.in_series)]
        distributions = [self.distribution(entry, d) for d in rel(entry, "distributions")]
        linked = {d.access_service_id for d in rel(entry, "distributions") if d.access_service_id}
        for api in rel(entry, "served_by"):
            service = self.service_ref(api)
            if api.pk in linked or service is None:
                continue
            # the API serves this dataset, so a distribution gives access through it
            distributions.append(
                {
                    "@id": f"{entry_iri(entry)}#api-{api.pk}",
                    "@type": "Distribution",
                    "title": api.title,
                    **({"accessURL": endpoint_of(api)} if endpoint_of(api) else {}),
                    "accessService": [service],
                }
            )
            licence = _licence_url(entry.licence)
            if licence:
                distributions[-1]["license"] = licence
        if distributions:
            out["distribution"] = distributions
        return out

    def service(self, entry: Any) -> dict[str, Any]:
        out = _core(entry, "DataService")
        out["publisher"] = _organisation(entry.publisher)
        out["contactPoint"] = [_contact(entry)]
        if endpoint_of(entry):
            out["endpointURL"] = [endpoint_of(entry)]
        described = web_url(endpoint_links(entry).endpoint_description_url)
        if described:  # withheld with the endpoint when the access rights are not public
            out["endpointDescription"] = [described]
        licence = _licence_url(entry.licence)
        if licence:
            out["license"] = licence
        served: dict[int, Any] = {d.pk: d for d in rel(entry, "serves_datasets")}
        for dist in rel(entry, "distributions_accessed"):
            if dist.entry is not None:
                served.setdefault(dist.entry.pk, dist.entry)
        if served:
            out["servesDataset"] = [remote_id(d) for d in served.values()]
        return out


def catalog_head() -> dict[str, Any]:
    return {
        "@id": base_url() + PATH,
        "@type": "Catalog",
        "conformsTo": conforms_to(),
        "describedBy": SCHEMA_URL,
        "title": _site_name(),
        "homepage": {"@id": base_url() + "/", "@type": "Document", "title": _site_name()},
    }


def _site_name() -> str:
    from django.conf import settings

    return str(getattr(settings, "WAGTAIL_SITE_NAME", "") or "Catalogue")


def _publishers_of_services(ids: set[int]) -> dict[int, dict[str, Any]]:
    """The publishers of the APIs a chunk links to (stubs carry no publisher): one query."""
    if not ids:
        return {}
    rows = Entry.objects.filter(PUBLISHER_STATED, pk__in=ids).values_list(
        "pk", "publisher__name", "publisher__slug"
    )
    return {
        pk: {
            "@id": organisation_iri(Organisation(slug=slug)),
            "@type": "Organization",
            "name": name,
        }
        for pk, name, slug in rows
    }


def _chunk_objects(kind: str, chunk_ids: list[int], loader: ExportLoader) -> list[str]:
    entries = loader.load(chunk_ids)
    serialiser = Serialiser()
    if kind == "dataset":
        api_ids = {
            d.access_service_id
            for e in entries
            for d in rel(e, "distributions")
            if d.access_service_id
        }
        api_ids |= {a.pk for e in entries for a in rel(e, "served_by")}
        serialiser.services = _publishers_of_services(api_ids)
        return [json.dumps(serialiser.dataset(e), ensure_ascii=False) for e in entries]
    return [json.dumps(serialiser.service(e), ensure_ascii=False) for e in entries]


def exported_entries(kind: str | None = None) -> QuerySet[Entry]:
    """The entries of ``kind`` (``dataset``, ``service``; None: both) DCAT-US 3 describes,
    before the publisher rule leaves out those whose source stated none (ADR 0023)."""
    kinds = [kind] if kind else ["dataset", "service"]
    types = [t for k in kinds for t in dcat_us_types(k)]
    return Entry.objects.published().filter(entry_type__in=types)


def stream_dcat_us3(*, chunk_size: int = CHUNK_SIZE) -> Iterator[str]:
    """``{"…": …, "dataset": [`` datasets ``], "service": [`` APIs ``]}``, chunk by chunk."""
    head = json.dumps(catalog_head(), ensure_ascii=False)
    loader = ExportLoader()
    for index, kind in enumerate(("dataset", "service")):
        yield (head[:-1] if index == 0 else "\n]") + f',"{kind}":[\n'
        first = True
        qs = exported_entries(kind).filter(PUBLISHER_STATED)
        for chunk_ids in id_chunks(qs, chunk_size=chunk_size):
            parts = _chunk_objects(kind, chunk_ids, loader)
            if parts:
                yield ("" if first else ",\n") + ",\n".join(parts)
                first = False
    yield "\n]}\n"
