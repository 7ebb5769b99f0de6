"""Bulk export of any search result as CSV or JSON Lines, streamed in constant memory.

The export takes exactly the search page's parameters (``search.params``) and writes ALL the
matching entries, not one page. Rows are produced chunk by chunk: each chunk of ids costs a
fixed number of queries (``values()`` for the entry and its single links, one query per
many-valued column), so memory stays flat whether 10 or 100,000 entries match.

Spreadsheet programs execute cells that start with ``= + - @`` (and tab or carriage return) as
formulas ("CSV injection"); every text cell that starts so is prefixed with a single quote, as
OWASP recommends. JSON Lines keeps values as they are: JSON has no formulas.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from catalogue.access import downloads_public
from catalogue.models import (
    Distribution,
    Entry,
    challenge_status_at,
    challenge_status_condition,
)
from catalogue.registry import entry_types, entry_url
from search.facets import column_condition, facet_definition
from search.query import Facet, FacetName, SearchQuery, Sort
from search.service import search_entry_ids

from .exports.reads import sequential_reads

CHUNK_SIZE = 1000
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = "; "

# Column name -> how it is read. Order is the CSV's column order.
COLUMNS: tuple[str, ...] = (
    "id",
    "type",
    "title",
    "url",
    "summary",
    "publisher",
    "publisher_kind",
    "licence",
    "access_rights",
    "themes",
    "keywords",
    "countries",
    "languages",
    "issued",
    "modified",
    "landing_page",
    "identifier",
    "formats",
    "download_urls",
    "frequency",
    "version",
    "endpoint_url",
    "endpoint_description_url",
    "api_type",
    "authentication",
    "lifecycle",
    "project_status",
    "sector",
    "contract_type",
    "total_investment",
    "currency",
    "challenge_type",
    "challenge_status",
    "opens_at",
    "closes_at",
    "quality_score",
)
NUMERIC_COLUMNS = {"id", "total_investment", "quality_score"}

_VALUE_FIELDS = (
    "id",
    "entry_type",
    "slug",
    "title",
    "summary",
    "publisher__name",
    "publisher__kind",
    "publisher_stated",
    "licence__spdx_id",
    "access_rights",
    "keywords",
    "issued",
    "modified",
    "landing_page",
    "identifier",
    "frequency",
    "version",
    "endpoint_url",
    "endpoint_description_url",
    "api_type",
    "authentication",
    "lifecycle",
    "project_status__code",
    "sector",
    "contract_type",
    "total_investment",
    "currency",
    "challenge_type",
    "opens_at",
    "closes_at",
    "judging_ends_at",
    "quality_score",
)


# --- which entries -------------------------------------------------------------------------


def _text_filter(text: str) -> Q:
    condition = Q()
    for word in text.split()[:16]:
        word = word.strip('"')
        if word:
            condition &= (
                Q(title__icontains=word) | Q(summary__icontains=word) | Q(keywords__icontains=word)
            )
    return condition


def _facet_filter(facet: FacetName, values: Sequence[str], now: dt.datetime) -> Q:
    """The same facet values the search backend indexes (search/documents_db.py)."""
    simple: dict[FacetName, str] = {
        Facet.TYPE: "entry_type__in",
        Facet.ORGANISATION: "publisher__slug__in",
        Facet.ORGANISATION_KIND: "publisher__kind__in",
        Facet.LICENCE: "licence__spdx_id__in",
    }
    if facet in simple:
        return Q(**{simple[facet]: list(values)})
    if facet == Facet.THEME:
        return Q(
            pk__in=Entry.themes.through.objects.filter(theme__slug__in=values).values("entry_id")
        )
    if facet == Facet.COUNTRY:
        return Q(
            pk__in=Entry.countries.through.objects.filter(country__code__in=values).values(
                "entry_id"
            )
        )
    if facet == Facet.LANGUAGE:
        return Q(
            pk__in=Entry.languages.through.objects.filter(language__code__in=values).values(
                "entry_id"
            )
        )
    if facet == Facet.FORMAT:
        condition = Q()
        for value in values:
            condition |= Q(format__iexact=value)
        return Q(pk__in=Distribution.objects.filter(condition).values("entry_id"))
    definition = facet_definition(facet)
    if definition.timeline:
        # Statuses move with the clock: computed from the dates, as the backend does.
        condition = Q()
        for value in values:
            condition |= challenge_status_condition(value, now)
        return Q(entry_type__in=definition.entry_types) & condition
    return column_condition(definition, values)


def export_queryset(query: SearchQuery) -> QuerySet[Entry]:
    """Every published entry matching the query (all pages), in the search's order.

    Reproduces the search backend's filters with the ORM: values within a facet are ORed,
    facets are ANDed. Free text must match every word in the title, summary or keywords;
    relevance has no meaning without the full-text ranking, so text results come newest first.
    """
    now = timezone.now()
    queryset = Entry.objects.published().filter(_text_filter(query.text))
    for facet, values in query.filters.items():
        queryset = queryset.filter(_facet_filter(facet, values, now))
    if query.effective_sort is Sort.TITLE:
        return queryset.order_by("title", "id")
    return queryset.order_by("-modified", "-id")


def export_entry_ids(query: SearchQuery) -> list[int]:
    """Ids of every match, in order: with free text from the search backend (every match,
    on every backend, past Elasticsearch's 10,000-hit window too).

    Read without SQLite's memory map, as the rows are (catalogue/exports/reads.py). Without
    free text the order is the database's own (newest or title first), so the ids come from
    one indexed query: asking the search backend would load its in-process facet snapshot
    (a bitmap per facet value) only to filter and sort what the database can.
    """
    with sequential_reads():
        if not query.text.strip():
            return list(export_queryset(query).values_list("id", flat=True))
        return search_entry_ids(query)


# --- rows ------------------------------------------------------------------------------------


def _iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _many(model_through: Any, ids: Sequence[int], field: str) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    for entry_id, value in (
        model_through.objects.filter(entry_id__in=ids)
        .order_by(field)
        .values_list("entry_id", field)
    ):
        found[entry_id].append(value)
    return found


def iter_records(
    ids: Sequence[int], *, base_url: str = "", chunk_size: int = CHUNK_SIZE
) -> Iterator[dict[str, Any]]:
    """One dict per entry, in the order of ``ids``, a chunk of queries at a time.

    Read without SQLite's memory map (catalogue/exports/reads.py): one pass over the whole
    file would otherwise add every page it touches to the process's resident memory.
    """
    with sequential_reads():
        yield from _records(ids, base_url=base_url, chunk_size=chunk_size)


@dataclass
class _ChunkLinks:
    """The many-valued columns of a chunk of entries, read in one query each."""

    themes: dict[int, list[str]]
    countries: dict[int, list[str]]
    languages: dict[int, list[str]]
    formats: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    urls: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))


def _chunk_links(chunk: Sequence[int]) -> _ChunkLinks:
    links = _ChunkLinks(
        themes=_many(Entry.themes.through, chunk, "theme__code"),
        countries=_many(Entry.countries.through, chunk, "country__code"),
        languages=_many(Entry.languages.through, chunk, "language__code"),
    )
    for entry_id, fmt, download, access in (
        Distribution.objects.filter(entry_id__in=chunk)
        .order_by("entry_id", "sort_order", "id")
        .values_list("entry_id", "format", "download_url", "access_url")
    ):
        if fmt and fmt.upper() not in links.formats[entry_id]:
            links.formats[entry_id].append(fmt.upper())
        if download or access:
            links.urls[entry_id].append(download or access)
    return links


def _records(ids: Sequence[int], *, base_url: str, chunk_size: int) -> Iterator[dict[str, Any]]:
    now = timezone.now()
    for start in range(0, len(ids), chunk_size):
        chunk = ids[start : start + chunk_size]
        rows = {row["id"]: row for row in Entry.objects.filter(pk__in=chunk).values(*_VALUE_FIELDS)}
        links = _chunk_links(chunk)
        for pk in chunk:
            row = rows.get(pk)
            if row is not None:  # else deleted since the ids were read
                yield _record(pk, row, links, base_url=base_url, now=now)


def _record(
    pk: int, row: dict[str, Any], links: _ChunkLinks, *, base_url: str, now: dt.datetime
) -> dict[str, Any]:
    spec = entry_types.get(row["entry_type"])
    # The path without building a model instance (costly for a ClusterableModel).
    path = entry_url(spec.key, row["slug"])
    status = None
    if spec.has_timeline:
        status = challenge_status_at(now, row["opens_at"], row["closes_at"], row["judging_ends_at"])
    if not (public := downloads_public(row["access_rights"])):  # addresses withheld
        row = {**row, "endpoint_url": "", "endpoint_description_url": ""}
    stated = row["publisher_stated"]  # else the owner is no publisher (ADR 0023)
    return {
        "id": pk,
        "type": row["entry_type"],
        "title": row["title"],
        "url": base_url + path,
        "summary": row["summary"],
        "publisher": row["publisher__name"] if stated else "",
        "publisher_kind": row["publisher__kind"] if stated else "",
        "licence": row["licence__spdx_id"],
        "access_rights": row["access_rights"],
        "themes": links.themes.get(pk, []),
        "keywords": [str(k) for k in row["keywords"] or []],
        "countries": links.countries.get(pk, []),
        "languages": links.languages.get(pk, []),
        "issued": _iso(row["issued"]),
        "modified": _iso(row["modified"]),
        "landing_page": row["landing_page"],
        "identifier": row["identifier"],
        "formats": links.formats.get(pk, []),
        "download_urls": links.urls.get(pk, []) if public else [],
        **{name: row[name] for name in _PLAIN_COLUMNS[:7]},
        "project_status": row["project_status__code"],
        **{name: row[name] for name in _PLAIN_COLUMNS[7:]},
        "challenge_status": status,
        "opens_at": _iso(row["opens_at"]),
        "closes_at": _iso(row["closes_at"]),
        "quality_score": row["quality_score"],
    }


# Columns copied as they are stored (the per-type facts of the shared table), in the order of
# COLUMNS; the project status (a code through a join) goes between the first seven and the rest.
_PLAIN_COLUMNS = (
    "frequency",
    "version",
    "endpoint_url",
    "endpoint_description_url",
    "api_type",
    "authentication",
    "lifecycle",
    "sector",
    "contract_type",
    "total_investment",
    "currency",
    "challenge_type",
)


# --- formats ---------------------------------------------------------------------------------


def defuse_formula(value: str) -> str:
    """Make a spreadsheet read the cell as text, never as a formula."""
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def _csv_cell(column: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(str(v) for v in value)
    if column in NUMERIC_COLUMNS:
        return str(value)
    return defuse_formula(str(value))


class _Echo:
    """A file-like object whose ``write`` returns the line, for csv.writer in a generator."""

    def write(self, value: str) -> str:
        return value


def iter_csv(records: Iterable[dict[str, Any]], *, bom: bool = False) -> Iterator[str]:
    """RFC 4180 CSV. No byte-order mark unless asked for: CSV readers, ``csv.DictReader``
    and pandas would take it as part of the first column's name; ``bom=True`` is for
    spreadsheet programs that guess a legacy encoding without one."""
    writer = csv.writer(_Echo())
    if bom:
        yield "\ufeff"
    yield writer.writerow(COLUMNS)
    for record in records:
        yield writer.writerow([_csv_cell(c, record.get(c)) for c in COLUMNS])


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def iter_jsonl(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    for record in records:
        yield json.dumps(record, ensure_ascii=False, default=_json_default) + "\n"


def in_blocks(parts: Iterable[str], *, size: int = 64 * 1024) -> Iterator[bytes]:
    """Join small strings into blocks: one socket write per block, not per row."""
    buffer: list[str] = []
    length = 0
    for part in parts:
        buffer.append(part)
        length += len(part)
        if length >= size:
            yield "".join(buffer).encode()
            buffer, length = [], 0
    if buffer:
        yield "".join(buffer).encode()
