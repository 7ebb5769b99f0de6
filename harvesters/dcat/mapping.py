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

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import unquote, urljoin

from django.utils.translation import gettext as _
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from interop.standards import dcat_vocabulary as vocab

from ..records import DistributionRecord, EntryRecord, OrganisationRecord, Page, RecordError
from .parsing import guess_format, parse_graph
from .vocabulary import (
    DCAT,
    DCATAP,
    DCT,
    FOAF,
    HYDRA,
    LOCN,
    RDF,
    RDFS,
    SCHEMA,
    SCHEMA_HTTPS,
    SKOS,
    SPDX,
    VCARD,
)

DATASET_SERIES = DCAT.DatasetSeries
ECO_PATH = "/ns/eco#"  # path of the eco: namespace IRI of any instance of this catalogue
# the properties the DCAT-AP export writes these fields to, from the shared mapping
_SUMMARY = tuple(URIRef(p) for p in vocab.TEXT_PROPERTIES["summary"])
_VERSION = tuple(URIRef(p) for p in vocab.TEXT_PROPERTIES["version"])
MAX_TEXT = 100_000


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
    reader = _Reader(graph, languages)
    records: list[EntryRecord] = []
    errors: list[RecordError] = []
    page_warnings = tuple(warnings)
    seen: set[Node] = set()
    subjects = [
        *((s, "dataset") for s in graph.subjects(RDF.type, DCAT.Dataset)),
        *((s, "series") for s in graph.subjects(RDF.type, DATASET_SERIES)),
        *((s, "api") for s in graph.subjects(RDF.type, DCAT.DataService)),
    ]
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
    from dataclasses import replace

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


class _Reader:
    """Reads one graph; ``current_field`` names the field being read for error reports."""

    def __init__(self, graph: Graph, languages: tuple[str, ...]) -> None:
        self.g = graph
        self.languages = languages
        self.current_field = ""

    # --- literals -----------------------------------------------------------------------
    def text(self, subject: Node, *predicates: URIRef) -> str:
        """The best literal in the preferred language (then no language, then any)."""
        for predicate in predicates:
            values = [o for o in self.g.objects(subject, predicate)]
            if not values:
                continue
            literals = [v for v in values if isinstance(v, Literal)]
            if not literals:
                return str(values[0]).strip()[:MAX_TEXT]
            for lang in self.languages:
                for lit in literals:
                    if (lit.language or "").lower().split("-")[0] == lang:
                        return str(lit).strip()[:MAX_TEXT]
            for lit in literals:
                if not lit.language:
                    return str(lit).strip()[:MAX_TEXT]
            return str(sorted(literals, key=lambda x: x.language or "")[0]).strip()[:MAX_TEXT]
        return ""

    def texts(self, subject: Node, predicate: URIRef) -> list[str]:
        """All literals, keeping the preferred language when several languages are given."""
        literals = [o for o in self.g.objects(subject, predicate) if isinstance(o, Literal)]
        tagged = {(lit.language or "").lower().split("-")[0] for lit in literals}
        keep = next((lang for lang in self.languages if lang in tagged), None)
        if keep is None and "" not in tagged and tagged:
            keep = sorted(tagged)[0]
        out = [
            str(lit).strip()
            for lit in literals
            if keep is None or (lit.language or "").lower().split("-")[0] in (keep, "")
        ]
        return sorted(dict.fromkeys(v for v in out if v))

    def uri(self, subject: Node, *predicates: URIRef) -> str:
        for predicate in predicates:
            for value in self.g.objects(subject, predicate):
                if isinstance(value, URIRef):
                    return str(value).strip()
                if isinstance(value, Literal) and str(value).startswith(("http://", "https://")):
                    return str(value).strip()
                if isinstance(value, BNode):  # foaf:Document with its own URL inside
                    inner = self.uri(value, SCHEMA.url, FOAF.page, RDFS.seeAlso)
                    if inner:
                        return inner
        return ""

    def eco(self, subject: Node, term: str) -> Node | None:
        """A term of the ``eco:`` namespace another instance of this catalogue writes.

        The namespace IRI is per instance (``<base>/ns/eco#``), so the term is matched by its
        path; the terms are those catalogue/standards/eco_vocabulary.py defines.
        """
        suffix = ECO_PATH + term
        for predicate, value in self.g.predicate_objects(subject):
            if isinstance(predicate, URIRef) and str(predicate).endswith(suffix):
                return value
        return None

    def eco_text(self, subject: Node, term: str, limit: int = 2000) -> str:
        value = self.eco(subject, term)
        return str(value).strip()[:limit] if value is not None else ""

    def uris(self, subject: Node, predicate: URIRef) -> list[str]:
        return [
            str(v).strip()
            for v in self.g.objects(subject, predicate)
            if isinstance(v, URIRef | Literal) and str(v).strip()
        ]

    def date(
        self, subject: Node, warnings: list[str], name: str, *predicates: URIRef
    ) -> dt.datetime | None:
        for predicate in predicates:
            for value in self.g.objects(subject, predicate):
                if not str(value).strip():
                    continue
                parsed = _parse_date(value)
                if parsed is None:
                    warnings.append(
                        _("%(field)s is not a date: %(value)s")
                        % {"field": name, "value": str(value)[:60]}
                    )
                    continue
                return parsed
        return None

    # --- identity -----------------------------------------------------------------------
    def remote_id(self, subject: Node) -> str:
        if isinstance(subject, URIRef):
            return str(subject)[:500]
        identifier = self.text(subject, DCT.identifier)
        if identifier:
            return identifier[:500]
        title = self.text(subject, DCT.title)
        digest = hashlib.sha256(title.encode()).hexdigest()[:16]  # a stable id for a blank node
        return f"bnode:{digest}"

    def ref(self, node: Node | None) -> str:
        """A reference to another record: its remote id, or the literal a profile put there."""
        if node is None:
            return ""
        if isinstance(node, Literal):
            return str(node).strip()[:500]
        return self.remote_id(node)

    def _stable_id(self, node: Node) -> str:
        """An id for a blank node that is the same on every parse (blank ids are not)."""
        facts = sorted(
            (str(p), str(o)) for p, o in self.g.predicate_objects(node) if not isinstance(o, BNode)
        )
        return "bnode:" + hashlib.sha256(repr(facts).encode()).hexdigest()[:24]

    def identifier(self, subject: Node) -> str:
        value = self.text(subject, DCT.identifier)
        if value.startswith(("http://", "https://")):
            return value
        return str(subject) if isinstance(subject, URIRef) else ""

    # --- parts --------------------------------------------------------------------------
    def agent(self, node: Node | None) -> OrganisationRecord | None:
        if node is None:
            return None
        name = self.text(
            node,
            FOAF.name,
            SKOS.prefLabel,
            VCARD.fn,
            VCARD["organization-name"],
            RDFS.label,
            SCHEMA.name,
        )
        if not name:
            if isinstance(node, URIRef | Literal) and not isinstance(node, BNode):
                name = unquote(str(node).rstrip("/").rsplit("/", 1)[-1])
            if not name:
                return None
        kind = ""
        for value in self.g.objects(node, DCT.type):
            kind = vocab.organisation_kind(str(value))
            if kind:
                break
        return OrganisationRecord(
            name=name[:255],
            remote_id=str(node) if isinstance(node, URIRef) else "",
            identifier=str(node) if isinstance(node, URIRef) else "",
            kind=kind or "government",
            website=self.uri(node, FOAF.homepage, FOAF.page, SCHEMA.url),
            email=_mailto(self.uri(node, FOAF.mbox) or self.text(node, FOAF.mbox)),
        )

    def contact(self, subject: Node) -> tuple[str, str, str]:
        node = self.g.value(subject, DCAT.contactPoint)
        if node is None:
            return "", "", ""
        name = self.text(node, VCARD.fn, VCARD["organization-name"], FOAF.name)
        email = self.uri(node, VCARD.hasEmail) or self.text(node, VCARD.hasEmail, VCARD.email)
        url = self.uri(node, VCARD.hasURL, FOAF.homepage)
        if isinstance(node, URIRef) and not url and str(node).startswith("http"):
            url = str(node)
        return name, _mailto(email), url

    def licence(self, subject: Node, warnings: list[str]) -> str:
        for value in self.g.objects(subject, DCT.license):
            raw = str(value)
            if isinstance(value, BNode):
                raw = self.uri(value, DCT.identifier) or self.text(
                    value, DCT.identifier, DCT.title, RDFS.label
                )
            spdx = vocab.licence_spdx(raw)
            if spdx:
                return spdx
            if raw:
                warnings.append(_("Unknown licence %s") % raw[:200])
        return ""

    def temporal(self, subject: Node, warnings: list[str]) -> tuple[dt.date | None, dt.date | None]:
        start = end = None
        for node in self.g.objects(subject, DCT.temporal):
            begin = self.date(
                node,
                warnings,
                "temporal start",
                DCAT.startDate,
                SCHEMA.startDate,
                SCHEMA_HTTPS.startDate,
            )
            finish = self.date(
                node, warnings, "temporal end", DCAT.endDate, SCHEMA.endDate, SCHEMA_HTTPS.endDate
            )
            start = start or (begin.date() if begin else None)
            end = end or (finish.date() if finish else None)
        return start, end

    def spatial(self, subject: Node) -> tuple[tuple[str, ...], str]:
        countries: list[str] = []
        label = ""
        for node in self.g.objects(subject, DCT.spatial):
            code = vocab.country_code(str(node)) if isinstance(node, URIRef) else ""
            if code:
                countries.append(code)
                continue
            label = label or self.text(
                node, SKOS.prefLabel, LOCN.geographicName, RDFS.label, DCT.title
            )
            if not label and isinstance(node, Literal):
                label = str(node)
        return tuple(dict.fromkeys(countries)), label[:200]

    def themes(self, subject: Node) -> tuple[str, ...]:
        codes = [vocab.theme_code(str(v)) for v in self.g.objects(subject, DCAT.theme)]
        return tuple(dict.fromkeys(c for c in codes if c))

    def languages_of(self, subject: Node) -> tuple[str, ...]:
        codes = []
        for value in self.g.objects(subject, DCT.language):
            raw = str(value)
            if isinstance(value, BNode):
                raw = self.text(value, RDF.value, RDFS.label)
            code = vocab.language_code(raw)
            if code:
                codes.append(code)
        return tuple(dict.fromkeys(codes))

    def distribution(self, node: Node, warnings: list[str]) -> DistributionRecord:
        media = self.uri(node, DCAT.mediaType) or self.text(node, DCAT.mediaType)
        media_type = media.removeprefix(vocab.IANA_MEDIA_TYPE_BASE).removeprefix(
            vocab.IANA_MEDIA_TYPE_BASE.replace("http://", "https://")
        )
        fmt_raw = self.uri(node, DCT.format) or self.text(node, DCT.format, RDFS.label)
        if not fmt_raw:
            format_node = self.g.value(node, DCT.format)
            if format_node is not None:
                fmt_raw = self.text(format_node, RDF.value, RDFS.label)
        fmt = vocab.format_code(fmt_raw) or vocab.format_code(media_type)
        byte_size = None
        size_raw = self.text(node, DCAT.byteSize)
        if size_raw:
            try:
                byte_size = int(float(size_raw))
            except (ValueError, OverflowError):
                warnings.append(_("byteSize is not a number: %s") % size_raw[:40])
        checksum = ""
        checksum_node = self.g.value(node, SPDX.checksum)
        if checksum_node is not None:
            checksum = self.text(checksum_node, SPDX.checksumValue)[:128]
        access_service = self.g.value(node, DCAT.accessService)
        return DistributionRecord(
            title=self.text(node, DCT.title)[:300],
            description=self.text(node, DCT.description),
            access_url=self.uri(node, DCAT.accessURL),
            download_url=self.uri(node, DCAT.downloadURL),
            media_type=media_type[:120] if "/" in media_type else "",
            format=fmt[:40],
            byte_size=byte_size,
            licence=self.licence(node, warnings),
            checksum=checksum,
            remote_id=str(node) if isinstance(node, URIRef) else self._stable_id(node),
            access_service_ref=self.ref(access_service),
        )

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
            "keywords": tuple(self.texts(subject, DCAT.keyword)[:100]),
            "themes": self.themes(subject),
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
        distributions = tuple(
            self.distribution(node, warnings)
            for node in sorted(self.g.objects(subject, DCAT.distribution), key=str)
        )
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
            sunset_date=d.date() if sunset is not None and (d := _parse_date(sunset)) else None,
            sandbox_url=str(sandbox).strip() if isinstance(sandbox, URIRef) else "",
            warnings=tuple(warnings),
            **fields,
        )


def _mailto(value: str) -> str:
    return (value or "").strip().removeprefix("mailto:").strip()


def _parse_date(value: Node) -> dt.datetime | None:
    python = value.toPython() if isinstance(value, Literal) else None
    if isinstance(python, dt.datetime):
        return python if python.tzinfo else python.replace(tzinfo=dt.UTC)
    if isinstance(python, dt.date):
        return dt.datetime(python.year, python.month, python.day, tzinfo=dt.UTC)
    text = str(value).strip()
    if not text:
        return None
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        if len(text) == 4 and text.isdigit():
            return dt.datetime(int(text), 1, 1, tzinfo=dt.UTC)
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
