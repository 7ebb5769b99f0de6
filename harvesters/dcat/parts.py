"""The parts of a DCAT record: agents, contact points, licences, coverage, distributions.

Controlled values go through ``interop.standards.dcat_vocabulary``, the same table the
DCAT-AP export uses, so a harvested value and an exported one always agree.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import unquote

from django.utils.translation import gettext as _
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from interop.standards import dcat_vocabulary as vocab

from ..records import DistributionRecord, OrganisationRecord
from .reading import mailto
from .values import ValuesReader
from .vocabulary import DCAT, DCT, FOAF, LOCN, RDF, RDFS, SCHEMA, SCHEMA_HTTPS, SKOS, SPDX, VCARD


class PartsReader(ValuesReader):
    """Reads the parts a dataset or a data service is made of."""

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
            email=mailto(self.uri(node, FOAF.mbox) or self.text(node, FOAF.mbox)),
        )

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

    def distributions(self, subject: Node, warnings: list[str]) -> tuple[DistributionRecord, ...]:
        """The distributions in an order and with ids that are the same on every parse (a
        blank node's generated id is neither); two with the same title stay two."""
        nodes = set(self.g.objects(subject, DCAT.distribution))
        keyed = sorted(
            ((str(n) if isinstance(n, URIRef) else self.stable_id(n), n) for n in nodes),
            key=lambda pair: pair[0],
        )
        out: list[DistributionRecord] = []
        seen: dict[str, int] = {}
        for remote_id, node in keyed:
            seen[remote_id] = seen.get(remote_id, 0) + 1
            suffix = f"-{seen[remote_id]}" if seen[remote_id] > 1 else ""
            out.append(self.distribution(node, warnings, remote_id + suffix))
        return tuple(out)

    def distribution(self, node: Node, warnings: list[str], remote_id: str) -> DistributionRecord:
        fmt, media_type = self.format_of(node, warnings)
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
            media_type=media_type[:120],
            format=fmt[:40],
            byte_size=byte_size,
            licence=self.licence(node, warnings),
            checksum=checksum,
            remote_id=remote_id,
            access_service_ref=self.ref(access_service),
        )
