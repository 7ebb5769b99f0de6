"""``package_search``: through the search backend when it can answer (fast_search.py), else
typed filters on the ORM, counts by GROUP BY, one page of packages. The ORM path below:

Filters of the same field are ANDed, as Solr does with CKAN's default ``q.op``. Free text
(``q``) must match every word in the title, summary or keywords (case-insensitive); the
ranking ``score`` is then the newest-first order, as CKAN's default ``score desc,
metadata_modified desc`` gives for equal scores.
"""

from __future__ import annotations

import re
from typing import Any

from django.db import connection
from django.db.models import Count, QuerySet
from django.db.models.functions import Upper

from catalogue.models import Entry

from . import fast_search
from .conditions import filter_condition, text_condition
from .packages import (
    name_expression,
    package_dicts,
    package_queryset,
    public_packages,
)
from .params import MAX_FACET_LIMIT, PackageSearchParams
from .parts import ckan_parts

ORDER_FIELDS = {
    "score": "modified",
    "metadata_modified": "modified",
    "metadata_created": "created_at",
    "name": "ckan_name",  # the name returned (prefix + slug), packages.name_expression
    "title": "title",
    "id": "id",
}
MAX_TEXT_WORDS = 10


def _words(text: str) -> list[str]:
    """Words and "quoted phrases" (a phrase matched as one substring)."""
    return [m[0] or m[1] for m in re.findall(r'"([^"]+)"|(\S+)', text)]


def filter_packages(queryset: QuerySet[Entry], params: PackageSearchParams) -> QuerySet[Entry]:
    """Apply ``q``, ``fq`` and ranges. Unknown values match nothing: a literal, no error."""
    if params.condition is not None:
        queryset = queryset.filter(params.condition)
    for word in _words(params.text)[:MAX_TEXT_WORDS]:
        queryset = queryset.filter(text_condition(word))
    for key, values in params.filters.items():
        for value in values:  # one filter() per value: ANDed, even on a multi-valued field
            queryset = queryset.filter(filter_condition(key, value))
    for field_name, bounds in (
        ("modified", params.modified_range),
        ("created_at", params.created_range),
    ):
        if bounds:
            start, end = bounds
            if start is not None:
                queryset = queryset.filter(**{f"{field_name}__gte": start})
            if end is not None:
                queryset = queryset.filter(**{f"{field_name}__lte": end})
    return queryset


def _order(params: PackageSearchParams) -> list[str]:
    order = [("-" if key.descending else "") + ORDER_FIELDS[key.field] for key in params.sort]
    return [*dict.fromkeys(order or ["-modified"]), "-id"]


def _facet_items(rows: list[tuple[str, str, int]]) -> list[dict[str, Any]]:
    return [
        {"name": name, "display_name": label or name, "count": count}
        for name, label, count in rows
        if name
    ]


def _tag_counts(queryset: QuerySet[Entry], limit: int) -> list[tuple[str, str, int]]:
    inner, inner_params = queryset.order_by().values("id").query.sql_with_params()
    table = Entry._meta.db_table
    each = (
        "jsonb_array_elements_text(e.keywords) AS j(value)"
        if connection.vendor == "postgresql"
        else "json_each(e.keywords) AS j"
    )
    sql = (
        f'SELECT j.value, COUNT(*) AS n FROM "{table}" e, {each} '  # noqa: S608
        f"WHERE e.id IN ({inner}) GROUP BY j.value ORDER BY n DESC, j.value LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*inner_params, limit])
        return [(str(value), str(value), count) for value, count in cursor.fetchall()]


def facet_counts(
    queryset: QuerySet[Entry], fields: list[str], *, limit: int, mincount: int
) -> dict[str, list[dict[str, Any]]]:
    limit = MAX_FACET_LIMIT if limit < 0 else limit
    base = queryset.order_by()
    grouped = {
        "organization": ("publisher__slug", "publisher__name"),
        "license_id": ("licence__spdx_id", "licence__name"),
        "res_format": ("distributions__format", "distributions__format"),
        "groups": ("themes__slug", "themes__name"),
        "dataset_type": ("entry_type", "entry_type"),
    }
    facets: dict[str, list[dict[str, Any]]] = {}
    for name in fields:
        if name == "tags":
            rows = _tag_counts(base, limit)
        else:
            value_field, label_field = grouped[name]
            distinct = name in {"res_format", "groups"}  # one entry, many formats or themes
            grouped_rows = base
            if name == "res_format":
                # Formats are counted case-insensitively, as the fq filter matches them.
                grouped_rows = base.annotate(_format=Upper("distributions__format"))
                value_field = label_field = "_format"
            rows = [
                (row[value_field], row[label_field], row["n"])
                for row in grouped_rows.values(value_field, label_field)
                .annotate(n=Count("id", distinct=distinct))
                .order_by("-n", value_field)[:limit]
            ]
            if name == "dataset_type":
                parts = ckan_parts()
                rows = [(parts[v].package_type if v in parts else v, "", n) for v, _, n in rows]
        facets[name] = _facet_items([row for row in rows if row[2] >= mincount])
    return facets


def _facets(
    matching: QuerySet[Entry], params: PackageSearchParams, fields: list[str], *, count: int
) -> dict[str, list[dict[str, Any]]]:
    if not fields or not count:
        return {name: [] for name in fields}
    return facet_counts(matching, fields, limit=params.facet_limit, mincount=params.facet_mincount)


def package_search(params: PackageSearchParams, *, base_url: str) -> dict[str, Any]:
    matching = filter_packages(public_packages(), params)
    the_plan = fast_search.plan(params)
    facets: dict[str, list[dict[str, Any]]] = {}
    if the_plan is not None:
        count, page_ids = fast_search.page_ids(the_plan, start=params.start, rows=params.rows)
        rows, rest = fast_search.facet_rows(the_plan, params, count=count) if count else ({}, [])
        facets.update(
            {
                name: _facet_items([row for row in found if row[2] >= params.facet_mincount])
                for name, found in rows.items()
            }
        )
        facets.update(
            _facets(matching, params, rest if count else params.facet_fields, count=count)
        )
        facets = {name: facets.get(name, []) for name in params.facet_fields}
    else:
        count = matching.count()
        if any(key.field == "name" for key in params.sort):
            matching = matching.annotate(ckan_name=name_expression())
        page_ids = list(
            matching.order_by(*_order(params)).values_list("id", flat=True)[
                params.start : params.start + params.rows
            ]
        )
        facets = _facets(matching, params, params.facet_fields, count=count)
    entries = {e.pk: e for e in package_queryset(Entry.objects.filter(pk__in=page_ids))}
    results = package_dicts([entries[pk] for pk in page_ids if pk in entries], base_url=base_url)
    return {
        "count": count,
        "sort": params.sort_string,
        "results": results,
        "facets": {
            name: {item["name"]: item["count"] for item in items} for name, items in facets.items()
        },
        "search_facets": {name: {"title": name, "items": items} for name, items in facets.items()},
    }
