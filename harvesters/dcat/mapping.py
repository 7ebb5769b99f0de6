"""DCAT / DCAT-AP graph → records: the pure mapper of the DCAT protocol.

Reads the core of DCAT-AP 2 and 3 (and what GeoDCAT-AP and the DE, ES and CH profiles share
with it): ``dcat:Dataset`` and ``dcat:DatasetSeries`` become datasets with their
``dcat:Distribution``s, ``dcat:DataService`` becomes an API with the datasets it serves (in
whichever order they come; the loader links them at the end of the job). Controlled values go
through ``interop.standards.dcat_vocabulary``, the same table the DCAT-AP export uses.
Every record is mapped on its own: a value that cannot be read becomes a warning, a record
that cannot be read at all a ``RecordError`` naming the field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any
from urllib.parse import urljoin

from django.utils.translation import gettext as _
from rdflib import Graph, URIRef
from rdflib.term import Node

from interop.standards import dcat_vocabulary as vocab

from ..records import EntryRecord, Page, RecordError
from .parsing import guess_format, parse_graph
from .parts import PartsReader
from .reading import parse_date
from .vocabulary import DCAT, DCATAP, DCT, FOAF, HYDRA, RDF, RDFS, SKOS

DATASET_SERIES = DCAT.DatasetSeries
# the properties the DCAT-AP export writes these fields to, from the shared mapping
_SUMMARY = tuple(URIRef(p) for p in vocab.TEXT_PROPERTIES["summary"])
_VERSION = tuple(URIRef(p) for p in vocab.TEXT_PROPERTIES["version"])


class _FieldError(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def map_payload(
    payload: Mapping[str, Any], *, source_options: Mapping[str, Any], page_url: str = ""
) -> Page:
    """``{"content": bytes, "content_type": str, "url": str}`` → one Page of records."""
    content = payload.get("content") or b""
    if isinstance(content, str):
        content = content.encode("utf-8")
    url = str(payload.get("url") or page_url or "")
    fmt = str(source_options.get("format") or "") or guess_format(
        content, str(payload.get("content_type") or ""), url
    )
    graph, warnings = parse_graph(content, fmt=fmt, base=url)
    return map_graph(graph, source_options=source_options, page_url=url, warnings=warnings)


def map_graph(
    graph: Graph,
    *,
    source_options: Mapping[str, Any],
    page_url: str = "",
    warnings: Iterable[str] = (),
) -> Page:
    languages = _preferred_languages(source_options)
    reader = _RecordReader(graph, languages)
    records: list[EntryRecord] = []
    errors: list[RecordError] = []
    page_warnings = tuple(warnings)
    seen: set[Node] = set()
    subjects: list[tuple[Node, str]] = [
        *((s, "dataset") for s in graph.subjects(RDF.type, DCAT.Dataset)),
        *((s, "series") for s in graph.subjects(RDF.type, DATASET_SERIES)),
        *((s, "api") for s in graph.subjects(RDF.type, DCAT.DataService)),
    ]
    reader.assign_ids([s for s, _kind in subjects])
    for subject, kind in subjects:
        if subject in seen:
            continue
        seen.add(subject)
        remote_id = reader.remote_id(subject)
        try:
            if kind == "api":
                record = reader.service(subject, remote_id)
            else:
                record = reader.dataset(subject, remote_id, is_series=kind == "series")
        except _FieldError as exc:
            errors.append(RecordError(remote_id=remote_id, message=exc.message, field=exc.field))
            continue
        except Exception as exc:  # noqa: BLE001 - one odd record never stops the page
            errors.append(
                RecordError(
                    remote_id=remote_id,
                    field=reader.current_field,
                    message=_("Could not read this record: %s") % str(exc)[:300],
                )
            )
            continue
        if page_warnings:
            record = _with_warnings(record, page_warnings)
        records.append(record)
    records.sort(key=lambda r: r.remote_id)
    return Page(records=tuple(records), errors=tuple(errors), next_url=_next_page(graph, page_url))


def _with_warnings(record: EntryRecord, extra: tuple[str, ...]) -> EntryRecord:
    return replace(record, warnings=record.warnings + extra)


def _preferred_languages(options: Mapping[str, Any]) -> tuple[str, ...]:
    wanted = options.get("languages") or options.get("language") or ["en"]
    if isinstance(wanted, str):
        wanted = [wanted]
    return tuple(str(w).lower() for w in wanted)


def _next_page(graph: Graph, page_url: str) -> str | None:
    """hydra:next (Hydra core), or hydra:nextPage of the older PagedCollection."""
    for predicate in (HYDRA.next, HYDRA.nextPage):
        for value in graph.objects(None, predicate):
            text = str(value).strip()
            if text:
                absolute = urljoin(page_url, text) if page_url else text
                if absolute.startswith(("http://", "https://")):
                    return absolute
    return None


class _RecordReader(PartsReader):
    """Reads whole records: the fields datasets and services share, then each one's own."""

    # --- records -----------------------------------------------------------------------
    def common(self, subject: Node, warnings: list[str]) -> dict[str, Any]:
        self.current_field = "title"
        title = self.text(subject, DCT.title, RDFS.label, SKOS.prefLabel)
        if not title:
            raise _FieldError("title", _("The record has no dct:title."))
        self.current_field = "description"
        description = self.text(subject, DCT.description)
        self.current_field = "summary"
        summary = self.text(subject, *_SUMMARY)
        self.current_field = "publisher"
        publisher = self.agent(self.g.value(subject, DCT.publisher)) or self.agent(
            self.g.value(subject, DCT.creator)
        )
        self.current_field = "contact_point"
        contact_name, contact_email, contact_url = self.contact(subject)
        self.current_field = "license"
        licence = self.licence(subject, warnings)
        self.current_field = "theme"
        themes, theme_words, extras = self.themes(subject, warnings)
        self.current_field = "spatial"
        countries, spatial_label = self.spatial(subject)
        self.current_field = "issued"
        issued = self.date(subject, warnings, "issued", DCT.issued, DCT.created)
        self.current_field = "modified"
        modified = self.date(subject, warnings, "modified", DCT.modified)
        self.current_field = "temporal"
        start, end = self.temporal(subject, warnings)
        self.current_field = "access_rights"
        access = self.uri(subject, DCT.accessRights) or self.text(subject, DCT.accessRights)
        self.current_field = "landing_page"
        return {
            "title": title[:300],
            "summary": summary[:500],
            "description": description,
            "identifier": self.identifier(subject)[:500],
            "landing_page": self.uri(subject, DCAT.landingPage, FOAF.page),
            "remote_url": self.uri(subject, DCAT.landingPage, FOAF.page)
            or (str(subject) if isinstance(subject, URIRef) else ""),
            "publisher": publisher,
            "contact_name": contact_name,
            "contact_email": contact_email,
            "contact_url": contact_url,
            "keywords": tuple(dict.fromkeys([*self.texts(subject, DCAT.keyword), *theme_words]))[
                :100
            ],
            "themes": themes,
            "extras": extras,
            "licence": licence,
            "access_rights": vocab.access_rights_code(access) or "public",
            "countries": countries,
            "spatial_label": spatial_label,
            "temporal_start": start,
            "temporal_end": end,
            "languages": self.languages_of(subject),
            "issued": issued,
            "modified": modified,
            "conforms_to": tuple(self.uris(subject, DCT.conformsTo)[:50]),
            # dcat:version is on dcat:Resource (DCAT 3): datasets and data services alike
            "version": self.text(subject, *_VERSION)[:50],
        }

    def dataset(self, subject: Node, remote_id: str, *, is_series: bool) -> EntryRecord:
        warnings: list[str] = []
        fields = self.common(subject, warnings)
        self.current_field = "distribution"
        distributions = self.distributions(subject, warnings)
        if not fields["licence"]:
            licences = {d.licence for d in distributions if d.licence}
            if len(licences) == 1:
                fields["licence"] = licences.pop()
        self.current_field = "accrual_periodicity"
        freq_raw = self.uri(subject, DCT.accrualPeriodicity) or self.text(
            subject, DCT.accrualPeriodicity
        )
        frequency = vocab.frequency_code(freq_raw)
        if freq_raw and not frequency:
            warnings.append(_("Unknown frequency %s") % freq_raw[:100])
        self.current_field = "in_series"
        series = self.g.value(subject, DCAT.inSeries) or self.eco(subject, "inSeries")
        return EntryRecord(
            remote_id=remote_id,
            entry_type="dataset",
            frequency=frequency,
            series_ref=self.ref(series),
            is_series=is_series,
            contains_personal_data=self.eco_text(subject, "containsPersonalData") in ("true", "1"),
            distributions=distributions,
            warnings=tuple(warnings),
            **fields,
        )

    def service(self, subject: Node, remote_id: str) -> EntryRecord:
        warnings: list[str] = []
        fields = self.common(subject, warnings)
        self.current_field = "endpoint_url"
        endpoint = self.uri(subject, DCAT.endpointURL)
        description_doc = self.uri(subject, DCAT.endpointDescription)
        conforms = " ".join(fields["conforms_to"]).lower() + " " + description_doc.lower()
        api_type = ""
        if "openapi" in conforms or "swagger" in conforms:
            api_type = "rest"
        elif "sparql" in conforms or "sparql" in endpoint.lower():
            api_type = "sparql"
        elif "wms" in conforms or "wfs" in conforms or "ogc" in conforms:
            api_type = "ogc"
        elif "graphql" in conforms:
            api_type = "graphql"
        elif "wsdl" in conforms:
            api_type = "soap"
        self.current_field = "serves_dataset"
        serves = tuple(sorted(self.ref(n) for n in self.g.objects(subject, DCAT.servesDataset)))
        availability = self.uri(subject, DCATAP.availability) or ""
        # the API facts DCAT has no term for, as another instance of this catalogue writes them
        self.current_field = "eco"
        sunset = self.eco(subject, "sunsetDate")
        sandbox = self.eco(subject, "sandboxURL")
        return EntryRecord(
            remote_id=remote_id,
            entry_type="api",
            endpoint_url=endpoint,
            endpoint_description_url=description_doc,
            api_type=self.eco_text(subject, "apiType", 40) or api_type,
            serves_refs=serves,
            availability=self.eco_text(subject, "availability", 300)
            or (availability.rsplit("/", 1)[-1][:300] if availability else ""),
            authentication=self.eco_text(subject, "authentication", 40),
            access_instructions=self.eco_text(subject, "accessInstructions"),
            rate_limits=self.eco_text(subject, "rateLimits", 300),
            lifecycle=self.eco_text(subject, "lifecycle", 40),
            sunset_date=d.date() if sunset is not None and (d := parse_date(sunset)) else None,
            sandbox_url=str(sandbox).strip() if isinstance(sandbox, URIRef) else "",
            warnings=tuple(warnings),
            **fields,
        )
