"""The whole catalogue as one streamed DCAT-AP 3 document (Turtle, RDF/XML or JSON-LD).

Entries are read in keyset chunks (``pk > last``) with every relation prefetched, turned
into nodes and written chunk by chunk, so memory stays flat at any catalogue size and the
first bytes leave at once. ``page``/``page_size`` select one page instead, described with
Hydra (``hydra:PartialCollectionView`` with first/previous/next/last, plus the legacy
``hydra:PagedCollection`` terms ckanext-dcat and udata read); ``modified_since`` keeps the
entries modified at or after an ISO 8601 date or date-time.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from catalogue.models import Distribution, Entry, Partnership, Winner, published_condition

from ..exports.reads import sequential_reads
from . import catalog_filters
from .catalog_filters import ExportInputError as ExportInputError
from .catalog_filters import Selection, filter_pairs, search_query
from .dcat_ap import DcatBuilder, base_url, catalog_iri
from .export_loader import ExportLoader
from .namespaces import HYDRA, XSD
from .rdf import IRI, Lit, Node, flatten
from .rdf_writers import JsonLdWriter, RdfXmlWriter, TurtleWriter, jsonld_context

CHUNK_SIZE = 500
DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000

FORMATS = {
    "ttl": "text/turtle; charset=utf-8",
    "rdf": "application/rdf+xml; charset=utf-8",
    "jsonld": "application/ld+json; charset=utf-8",
}

_STUB_FIELDS = (
    "id",
    "entry_type",
    "slug",
    "title",
    "summary",
    "description",
    "endpoint_url",
    "access_rights",  # an endpoint is published only when access is public
    "landing_page",
)


class PageOutOfRange(LookupError):
    """A page past the last one: the view answers 404 with the message."""


def _published_stubs() -> Any:
    return Entry.objects.published().only(*_STUB_FIELDS).order_by("pk")


def export_queryset() -> Any:
    """Published entries with everything the DCAT-AP description reads, in few queries."""
    return (
        Entry.objects.published()
        .select_related(
            "publisher",
            "publisher__country",
            "publisher__parent",
            "licence",
            "project_status",
            "public_authority",
            "in_series",
        )
        .prefetch_related(
            "themes",
            "countries",
            "languages",
            Prefetch(
                "distributions",
                queryset=Distribution.objects.select_related("licence").prefetch_related(
                    Prefetch("access_service", queryset=_published_stubs())
                ),
            ),
            Prefetch("served_by", queryset=_published_stubs()),
            Prefetch("serves_datasets", queryset=_published_stubs()),
            Prefetch(
                "distributions_accessed",
                queryset=Distribution.objects.filter(
                    published_condition("entry__")
                ).prefetch_related(Prefetch("entry", queryset=_published_stubs())),
            ),
            Prefetch("partnerships", queryset=Partnership.objects.select_related("organisation")),
            "milestones",
            "risks",
            "documents",
            "phases",
            "prizes",
            "criteria",
            Prefetch("winners", queryset=Winner.objects.select_related("organisation")),
            Prefetch("related_datasets", queryset=_published_stubs()),
            Prefetch("offered_resources", queryset=_published_stubs()),
        )
    )


def parse_modified_since(value: str | None) -> dt.datetime | None:
    """ISO 8601 date or date-time (naive means UTC); anything else raises ExportInputError."""
    if value is None or value == "":
        return None
    text = value.strip().replace(" ", "+")  # a "+hh:mm" offset arrives as a space if unquoted
    try:
        parsed = parse_datetime(text)
        if parsed is None:
            day = parse_date(text)
            parsed = dt.datetime.combine(day, dt.time.min) if day else None
    except ValueError:
        parsed = None
    if parsed is None:
        raise ExportInputError(
            _(
                "modified_since must be an ISO 8601 date or date-time, e.g. 2024-05-01 or "
                "2024-05-01T12:00:00Z; got %(value)r."
            )
            % {"value": value[:100]}
        )
    if timezone.is_naive(parsed):
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed


def _positive_int(value: str | None, name: str, default: int, maximum: int) -> int:
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise ExportInputError(_("%(name)s must be a whole number.") % {"name": name}) from None
    if number < 1 or number > maximum:
        raise ExportInputError(
            _("%(name)s must be between 1 and %(max)d.") % {"name": name, "max": maximum}
        )
    return number


@dataclass(frozen=True)
class ExportRequest:
    """What to export, parsed from a query string by :func:`parse_export_params`."""

    fmt: str
    modified_since: dt.datetime | None = None
    page: int | None = None  # None: the whole catalogue in one document
    page_size: int = DEFAULT_PAGE_SIZE
    path: str = "/catalog.ttl"
    filters: tuple[tuple[str, str], ...] = ()  # q, fq and facets (catalog_filters), as sent
    _selection: list[Selection] = field(default_factory=list, compare=False, repr=False)

    def selection(self) -> Selection:
        """The matching entries, worked out once per request (one search at most)."""
        if not self._selection:
            self._selection.append(Selection(search_query(self.filters), self.modified_since))
        return self._selection[0]


def parse_export_params(params: Any, *, fmt: str, path: str) -> ExportRequest:
    if fmt not in FORMATS:
        raise LookupError(fmt)
    paged = "page" in params or "page_size" in params
    filters = filter_pairs(params)
    search_query(filters)  # refuses a bad filter now, before any response is started
    return ExportRequest(
        fmt=fmt,
        modified_since=parse_modified_since(params.get("modified_since")),
        page=_positive_int(params.get("page"), "page", 1, 10**9) if paged else None,
        page_size=_positive_int(
            params.get("page_size"), "page_size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
        ),
        path=path,
        filters=filters,
    )


def id_chunks(qs: Any, *, chunk_size: int = CHUNK_SIZE) -> Iterator[list[int]]:
    """The primary keys of ``qs`` in ascending keyset chunks (no OFFSET scans)."""
    return catalog_filters.id_chunks(qs, chunk_size=chunk_size)


def _chunks(request: ExportRequest, *, chunk_size: int = CHUNK_SIZE) -> Iterator[list[Entry]]:
    loader = ExportLoader()
    selection = request.selection()
    if request.page is not None:
        page_ids = selection.page_ids((request.page - 1) * request.page_size, request.page_size)
        if page_ids:
            yield loader.load(page_ids)
        return
    for chunk_ids in selection.id_chunks(chunk_size):
        yield loader.load(chunk_ids)


def _page_url(request: ExportRequest, page: int) -> str:
    params: list[tuple[str, Any]] = [("page", page), ("page_size", request.page_size)]
    if request.modified_since is not None:
        params.append(("modified_since", request.modified_since.isoformat()))
    return f"{base_url()}{request.path}?{urlencode([*params, *request.filters])}"


def hydra_nodes(request: ExportRequest, total: int) -> list[Node]:
    """The paging description of one page (both Hydra vocabularies harvesters read)."""
    assert request.page is not None
    last = max(1, -(-total // request.page_size))
    here = _page_url(request, request.page)
    view = Node(here, [HYDRA + "PartialCollectionView", HYDRA + "PagedCollection"])
    links = {"first": 1, "last": last}
    if request.page > 1:
        links["previous"] = request.page - 1
    if request.page < last:
        links["next"] = request.page + 1
    for name, number in links.items():
        view.add(HYDRA + name, IRI(_page_url(request, number)))
        view.add(HYDRA + name + "Page", Lit(_page_url(request, number)))
    view.add(HYDRA + "itemsPerPage", Lit(str(request.page_size), datatype=XSD + "integer"))
    view.add(HYDRA + "totalItems", Lit(str(total), datatype=XSD + "integer"))
    catalogue = Node(catalog_iri())
    catalogue.add(HYDRA + "view", IRI(here))
    return [view, catalogue]


def check_page(request: ExportRequest) -> int:
    """The number of matching entries; raises PageOutOfRange for a page past the last."""
    with sequential_reads():  # a count scans the table: no mapped pages left behind
        total: int = request.selection().count()
    page = request.page
    if page is not None and page > 1 and (page - 1) * request.page_size >= total:
        raise PageOutOfRange(
            _("Page %(page)d is past the last page of this export.") % {"page": page}
        )
    return total


def _node_groups(request: ExportRequest, total: int) -> Iterator[Iterable[Node]]:
    """The head, then one lazy group per chunk of entries.

    A group is a generator: the writer turns each entry's nodes into text as they are
    built, so they die young (a chunk's worth of nodes alive at once would be promoted to
    the garbage collector's oldest generation and make its full passes frequent).
    """
    builder = DcatBuilder()
    modified = request.selection().last_modified()
    head = builder.catalog_node(modified=modified)
    if request.page is not None:
        head.extend(hydra_nodes(request, total))
    head.extend(builder.flush_terms())
    yield head
    for chunk in _chunks(request):
        yield _chunk_nodes(builder, chunk)


def _chunk_nodes(builder: DcatBuilder, chunk: list[Entry]) -> Iterator[Node]:
    yield from builder.chunk_nodes(chunk)
    yield from builder.flush_terms()


def stream_catalog(request: ExportRequest, *, total: int) -> Iterator[str]:
    """The document as text pieces, one per chunk of entries.

    Read without SQLite's memory map (catalogue/exports/reads.py): one pass over the whole
    file would otherwise add every page it touches to the process's resident memory.
    """
    with sequential_reads():
        yield from _stream_catalog(request, total=total)


def _stream_catalog(request: ExportRequest, *, total: int) -> Iterator[str]:
    if request.fmt == "ttl":
        turtle = TurtleWriter()
        yield "# DCAT-AP 3 export of " + catalog_iri() + "\n" + turtle.header()
        for nodes in _node_groups(request, total):
            yield turtle.nodes(nodes)
    elif request.fmt == "rdf":
        xml = RdfXmlWriter()
        yield xml.header()
        for nodes in _node_groups(request, total):
            yield xml.nodes(nodes)
        yield xml.footer()
    else:
        writer = JsonLdWriter()
        yield '{"@context":' + json.dumps(jsonld_context()) + ',\n"@graph":[\n'
        first = True
        for nodes in _node_groups(request, total):
            text = writer.nodes(nodes, first=first)
            if text:
                first = False
                yield text
        yield "\n]}\n"


def entry_document(entry: Entry, fmt: str) -> str:
    """One entry as a complete DCAT-AP document (its links, agents and terms included)."""
    if fmt not in FORMATS:
        raise LookupError(fmt)
    loaded = next(iter(ExportLoader().load([entry.pk])), entry)
    builder = DcatBuilder()
    nodes = builder.entry_nodes(loaded)
    if fmt == "ttl":
        turtle = TurtleWriter()
        return turtle.header() + turtle.nodes(nodes)
    if fmt == "rdf":
        xml = RdfXmlWriter()
        return xml.header() + xml.nodes(nodes) + xml.footer()
    writer = JsonLdWriter()
    graph = [writer.obj(n) for n in flatten(nodes) if n.types or n.props]
    return json.dumps({"@context": jsonld_context(), "@graph": graph}, ensure_ascii=False, indent=1)
