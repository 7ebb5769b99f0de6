"""Parse CKAN action parameters: a strict subset of CKAN's, every other input refused.

CKAN passes ``q`` and ``fq`` to Solr. We never hand either to a query language: ``fq`` is
parsed with a small grammar into typed filters, and anything outside the grammar is a
Validation Error (409) naming the offending part, never a 500 and never an injection.

Grammar of ``fq`` (clauses joined by whitespace or ``AND``, each optionally prefixed ``+``)::

    clause  := field ":" value
    field   := organization | tags | res_format | license_id | groups | dataset_type | type
               | name | id | metadata_modified | metadata_created
    value   := word | '"' text-without-quotes '"' | "[" datetime|* " TO " datetime|* "]"

Ranges are accepted on ``metadata_modified`` / ``metadata_created`` only: CKAN harvesters ask
``metadata_modified:[<last run> TO *]`` for incremental harvests.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from .conditions import FILTER_FIELDS
from .errors import ValidationError
from .query_syntax import parse_q

MAX_ROWS = 1000
DEFAULT_ROWS = 10
MAX_START = 1_000_000
MAX_Q_LENGTH = 500
MAX_FQ_LENGTH = 2000
# Each clause may sit in parentheses: harvesters send "(a:b) AND (c:d)".
MAX_CLAUSES = 20
DEFAULT_FACET_LIMIT = 50
MAX_FACET_LIMIT = 1000

RANGE_FIELDS = {"metadata_modified", "metadata_created"}
FACET_FIELDS = ("organization", "tags", "res_format", "license_id", "groups", "dataset_type")

_CLAUSE = re.compile(
    r"""\+?(?P<open>\(*)\+?(?P<field>[a-z_]+):(?:
        "(?P<quoted>[^"\\]{1,200})"
      | \[(?P<start>\S{1,40})\ TO\ (?P<end>\S{1,40})\]
      | (?P<word>[\w.\-@]{1,200})
    )(?P<close>\)*)(?=\s|$)""",
    re.VERBOSE,
)
_SEPARATOR = re.compile(r"\s+(?:AND\s+)?")
_SORT_FIELDS = {
    "score": "score",
    "metadata_modified": "metadata_modified",
    "metadata_created": "metadata_created",
    "name": "name",
    "title_string": "title",
    "title": "title",
    "id": "id",
}


@dataclass(frozen=True)
class SortKey:
    field: str
    descending: bool


@dataclass
class PackageSearchParams:
    text: str = ""
    condition: Q | None = None  # Solr syntax only the ORM path answers (OR, NOT, title:...)
    filters: dict[str, list[str]] = field(default_factory=dict)
    modified_range: tuple[dt.datetime | None, dt.datetime | None] | None = None
    created_range: tuple[dt.datetime | None, dt.datetime | None] | None = None
    rows: int = DEFAULT_ROWS
    start: int = 0
    sort: list[SortKey] = field(default_factory=list)
    sort_string: str = "score desc, metadata_modified desc"
    facet_fields: list[str] = field(default_factory=list)
    facet_limit: int = DEFAULT_FACET_LIMIT
    facet_mincount: int = 1


def int_param(
    data: Mapping[str, Any], name: str, *, default: int, maximum: int, minimum: int = 0
) -> int:
    raw = data.get(name)
    if raw is None or raw == "":
        return default
    if isinstance(raw, bool):
        raise ValidationError(gettext("Invalid integer: %(name)s") % {"name": name}, field=name)
    try:
        value = int(str(raw).strip())
    except ValueError:
        raise ValidationError(
            gettext("Invalid integer: %(name)s") % {"name": name}, field=name
        ) from None
    if value < minimum:
        raise ValidationError(
            gettext("Must be a natural number (%(name)s)") % {"name": name}, field=name
        )
    if value > maximum:
        raise ValidationError(
            gettext("Must be less than or equal to %(maximum)s (%(name)s)")
            % {"maximum": maximum, "name": name},
            field=name,
        )
    return value


def text_param(data: Mapping[str, Any], name: str, *, max_length: int = 200) -> str:
    raw = data.get(name)
    if raw is None:
        return ""
    if not isinstance(raw, str | int):
        raise ValidationError(gettext("Invalid value: %(name)s") % {"name": name}, field=name)
    value = "".join(ch for ch in str(raw) if ch.isprintable()).strip()
    if len(value) > max_length:
        raise ValidationError(
            gettext("Too long: %(name)s (at most %(max_length)s characters)")
            % {"name": name, "max_length": max_length},
            field=name,
        )
    return value


def bool_param(data: Mapping[str, Any], name: str, *, default: bool = False) -> bool:
    raw = data.get(name)
    if raw is None or raw == "":
        return default
    if isinstance(raw, bool):
        return raw
    value = str(raw).strip().lower()
    if value in {"true", "1", "yes", "on"}:
        return True
    if value in {"false", "0", "no", "off"}:
        return False
    raise ValidationError(gettext("Invalid boolean: %(name)s") % {"name": name}, field=name)


def _parse_bound(raw: str, *, name: str) -> dt.datetime | None:
    if raw == "*":
        return None
    text = raw.upper().removesuffix("Z")
    for suffix in ("/DAY", "/SECOND"):
        text = text.removesuffix(suffix)
    if text.startswith("NOW"):
        if text == "NOW":
            return timezone.now()
        raise ValidationError(
            gettext("Unsupported date expression in fq: %(raw)s") % {"raw": raw[:40]}, field="fq"
        )
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            gettext("Invalid date in fq range: %(raw)s") % {"raw": raw[:40]}, field=name
        ) from None
    if timezone.is_naive(value):
        value = value.replace(tzinfo=dt.UTC)
    return value


def _refused(message: str, name: str, **values: object) -> ValidationError:
    """A Validation Error on parameter ``name``: ``message`` (translated) filled with
    ``name`` and ``values``."""
    return ValidationError(message % {"name": name, **values}, field=name)


def parse_filter_query(
    raw: str, *, name: str = "fq"
) -> tuple[dict[str, list[str]], dict[str, tuple[dt.datetime | None, dt.datetime | None]]]:
    """Split a filter query into ``{filter key: [values]}`` and date ranges; refuse the rest."""
    text = raw.strip()
    filters: dict[str, list[str]] = {}
    ranges: dict[str, tuple[dt.datetime | None, dt.datetime | None]] = {}
    if not text:
        return filters, ranges
    if len(text) > MAX_FQ_LENGTH:
        raise _refused(
            gettext("%(name)s is too long (at most %(limit)s characters)"),
            name,
            limit=MAX_FQ_LENGTH,
        )
    position, clauses, depth = 0, 0, 0
    while position < len(text):
        match = _CLAUSE.match(text, position)
        if match is None:
            message = gettext(
                "Cannot parse %(name)s at character %(position)s: use field:value or"
                ' field:"quoted value" joined by spaces or AND'
            )
            raise _refused(message, name, position=position + 1)
        clauses += 1
        # Parentheses only group (harvesters wrap each part): all clauses are ANDed anyway.
        depth += len(match["open"]) - len(match["close"])
        if depth < 0:
            raise _refused(gettext("Unbalanced parentheses in %(name)s"), name)
        if clauses > MAX_CLAUSES:
            message = gettext("Too many clauses in %(name)s (at most %(limit)s)")
            raise _refused(message, name, limit=MAX_CLAUSES)
        field_name = match["field"]
        if match["start"] is not None:
            if field_name not in RANGE_FIELDS:
                allowed = ", ".join(sorted(RANGE_FIELDS))
                raise _refused(
                    gettext("Ranges are only accepted on %(allowed)s"), name, allowed=allowed
                )
            ranges[field_name] = (
                _parse_bound(match["start"], name=name),
                _parse_bound(match["end"], name=name),
            )
        else:
            key = FILTER_FIELDS.get(field_name)
            if key is None:
                allowed = ", ".join(sorted({*FILTER_FIELDS, *RANGE_FIELDS}))
                message = gettext("Unknown field in %(name)s: %(field_name)s (use %(allowed)s)")
                raise _refused(message, name, field_name=field_name[:40], allowed=allowed)
            filters.setdefault(key, []).append(match["quoted"] or match["word"])
        position = match.end()
        separator = _SEPARATOR.match(text, position)
        if separator:
            position = separator.end()
    if depth:
        raise _refused(gettext("Unbalanced parentheses in %(name)s"), name)
    return filters, ranges


def _split_query_text(q: str) -> tuple[str, dict[str, list[str]], Q | None]:
    """``q`` as free text, ``field:value`` filters and, for Solr syntax beyond "every word",
    one ORM condition (query_syntax.py); syntax we cannot honour is a Search Error."""
    parsed = parse_q(q)
    filters: dict[str, list[str]] = {}
    for name, value in parsed.filters:
        filters.setdefault(FILTER_FIELDS[name], []).append(value)
    return " ".join(parsed.words), filters, parsed.condition


def parse_sort(raw: str) -> list[SortKey]:
    keys: list[SortKey] = []
    for part in raw.split(","):
        bits = part.split()
        if not bits:
            continue
        if len(bits) > 2 or bits[0] not in _SORT_FIELDS:
            allowed = ", ".join(sorted(_SORT_FIELDS))
            raise ValidationError(
                gettext("Invalid sort: use '<field> asc|desc' with %(allowed)s")
                % {"allowed": allowed},
                field="sort",
            )
        direction = bits[1].lower() if len(bits) == 2 else "asc"
        if direction not in {"asc", "desc"}:
            raise ValidationError(gettext("Invalid sort direction: use asc or desc"), field="sort")
        keys.append(SortKey(_SORT_FIELDS[bits[0]], direction == "desc"))
        if len(keys) > 4:
            raise ValidationError(gettext("Too many sort fields (at most 4)"), field="sort")
    return keys


def parse_facet_fields(raw: Any) -> list[str]:
    if raw in (None, ""):
        return []
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            raise ValidationError(
                gettext("facet.field must be a JSON list of field names"), field="facet.field"
            ) from None
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise ValidationError(
            gettext("facet.field must be a JSON list of field names"), field="facet.field"
        )
    unknown = [item for item in raw if item not in FACET_FIELDS]
    if unknown:
        raise ValidationError(
            gettext("Unknown facet field: %(unknown)s (use %(allowed)s)")
            % {"unknown": unknown[0][:40], "allowed": ", ".join(FACET_FIELDS)},
            field="facet.field",
        )
    return list(dict.fromkeys(raw))


def parse_package_search(data: Mapping[str, Any]) -> PackageSearchParams:
    q = text_param(data, "q", max_length=MAX_Q_LENGTH)
    text, filters, condition = _split_query_text(q)
    fq_raw = data.get("fq") or ""
    if not isinstance(fq_raw, str):
        raise ValidationError(gettext("fq must be a string"), field="fq")
    fq_filters, ranges = parse_filter_query(fq_raw)
    for key, values in fq_filters.items():
        filters.setdefault(key, []).extend(values)
    # CKAN 2.9+ also takes fq_list: a list of filter queries.
    fq_list = data.get("fq_list") or []
    if isinstance(fq_list, str):
        fq_list = [fq_list]
    if not isinstance(fq_list, list) or len(fq_list) > MAX_CLAUSES:
        raise ValidationError(gettext("fq_list must be a list of filter queries"), field="fq_list")
    for item in fq_list:
        if not isinstance(item, str):
            raise ValidationError(
                gettext("fq_list must be a list of filter queries"), field="fq_list"
            )
        more, more_ranges = parse_filter_query(item, name="fq_list")
        ranges.update(more_ranges)
        for key, values in more.items():
            filters.setdefault(key, []).extend(values)
    sort_raw = text_param(data, "sort", max_length=200) or "score desc, metadata_modified desc"
    return PackageSearchParams(
        text=text,
        filters=filters,
        condition=condition,
        modified_range=ranges.get("metadata_modified"),
        created_range=ranges.get("metadata_created"),
        rows=int_param(data, "rows", default=DEFAULT_ROWS, maximum=MAX_ROWS),
        start=int_param(data, "start", default=0, maximum=MAX_START),
        sort=parse_sort(sort_raw),
        sort_string=sort_raw,
        facet_fields=parse_facet_fields(data.get("facet.field")),
        facet_limit=int_param(
            data, "facet.limit", default=DEFAULT_FACET_LIMIT, maximum=MAX_FACET_LIMIT, minimum=-1
        ),
        facet_mincount=int_param(data, "facet.mincount", default=1, maximum=1_000_000),
    )
