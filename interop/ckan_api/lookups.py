"""CKAN's smaller read actions: one resource, one tag, the licences, the autocompletes, the
recently changed packages, ``site_read`` (CKAN 2.10/2.11's shapes)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import connection
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.utils.translation import gettext

from catalogue.models import Distribution, Entry, Licence

from .conditions import has_keyword
from .errors import NotFoundError, ValidationError
from .ids import parse_entry_resource_uuid, parse_object_uuid, tag_uuid
from .packages import (
    package_dict,
    package_dicts,
    package_name,
    package_queryset,
    public_packages,
    tag_dict,
)
from .params import MAX_ROWS, bool_param, int_param, text_param

Params = Mapping[str, Any]
MAX_TAGS = 100_000


def _required(data: Params, name: str) -> str:
    value = text_param(data, name, max_length=200)
    if not value:
        raise ValidationError(gettext("Missing value"), field=name)
    return value


def tag_names(query: str = "") -> list[str]:
    """Every distinct keyword of a public package (containing ``query``), sorted."""
    inner, params = public_packages().order_by().values("id").query.sql_with_params()
    table = Entry._meta.db_table
    each = (
        "jsonb_array_elements_text(e.keywords) AS j(value)"
        if connection.vendor == "postgresql"
        else "json_each(e.keywords) AS j"
    )
    where = ""
    extra: list[Any] = []
    if query:
        escaped = query.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        where = " AND LOWER(j.value) LIKE %s ESCAPE '\\'"
        extra = [f"%{escaped}%"]
    sql = (
        f'SELECT DISTINCT j.value FROM "{table}" e, {each} '  # noqa: S608
        f"WHERE e.id IN ({inner}){where} ORDER BY j.value LIMIT {MAX_TAGS}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *extra])
        return [str(row[0]) for row in cursor.fetchall()]


def resource_show(data: Params, base_url: str) -> dict[str, Any]:
    """Return one resource of a public package by its id.

    :param id: the resource's id
    """
    identifier = _required(data, "id")
    entry_pk: int | None = None
    dist_pk = parse_object_uuid("distribution", identifier)
    if dist_pk is not None:
        entry_pk = (
            Distribution.objects.filter(pk=dist_pk).values_list("entry_id", flat=True).first()
        )
    elif (own := parse_entry_resource_uuid(identifier)) is not None:
        entry_pk = own[0]
    entry = package_queryset(public_packages().filter(pk=entry_pk)).first() if entry_pk else None
    if entry is not None:
        for resource in package_dict(entry, base_url=base_url)["resources"]:
            if resource["id"] == identifier.strip().lower():
                return dict(resource)
    raise NotFoundError(gettext("Resource was not found."))


def tag_show(data: Params, base_url: str) -> dict[str, Any]:
    """Return a tag (a keyword of some public package) by name or id.

    :param id: the tag's name or id
    :param include_datasets: add the packages that have it (at most 1000)
    """
    identifier = _required(data, "id")
    packages = public_packages().filter(has_keyword(identifier))
    name = identifier if packages.exists() else None
    if name is None and parse_object_uuid("entry", identifier) is None:
        name = next((t for t in tag_names() if tag_uuid(t) == identifier.lower()), None)
        packages = public_packages().filter(has_keyword(name or ""))
    if name is None:
        raise NotFoundError(gettext("Could not find tag"))
    result = tag_dict(name)
    del result["state"]
    if bool_param(data, "include_datasets"):
        entries = package_queryset(packages).order_by("-modified", "-id")[:MAX_ROWS]
        result["packages"] = package_dicts(entries, base_url=base_url)
    return result


def license_list(data: Params, base_url: str) -> list[dict[str, Any]]:
    """Return the licences packages may have, as CKAN's licence register lists them."""
    return [
        {
            "id": licence.spdx_id,
            "title": licence.name,
            "url": licence.url,
            "status": "active",
            "maintainer": "",
            "family": "",
            "od_conformance": "approved" if licence.is_open else "not reviewed",
            "osd_conformance": "not reviewed",
            "is_okd_compliant": licence.is_open,
            "is_osi_compliant": False,
            "is_generic": False,
        }
        for licence in Licence.objects.order_by("name", "spdx_id")
    ]


def site_read(data: Params, base_url: str) -> bool:
    """Return True: the site may be read (it is public)."""
    return True


def package_autocomplete(data: Params, base_url: str) -> list[dict[str, str]]:
    """Return packages whose name or title contain ``q``.

    :param q: the text to look for
    :param limit: at most this many (default 10)
    """
    q = text_param(data, "q", max_length=100)
    limit = int_param(data, "limit", default=10, maximum=MAX_ROWS)
    if not q:
        return []
    matching = public_packages().filter(Q(title__icontains=q) | Q(slug__icontains=q))
    found = []
    for entry in matching.order_by("title", "pk").only("entry_type", "slug", "title")[:limit]:
        name = package_name(entry)
        in_title = q.lower() in entry.title.lower()
        found.append(
            {
                "name": name,
                "title": entry.title,
                "match_field": "title" if in_title else "name",
                "match_displayed": entry.title if in_title else f"{name} ({entry.title})",
            }
        )
    return found


def format_autocomplete(data: Params, base_url: str) -> list[str]:
    """Return resource formats containing ``q``, most used first, in lower case.

    :param q: the text to look for
    :param limit: at most this many (default 5)
    """
    q = _required(data, "q").lower()
    limit = int_param(data, "limit", default=5, maximum=MAX_ROWS)
    rows = (
        Distribution.objects.filter(entry__in=public_packages(), format__icontains=q)
        .annotate(lowered=Lower("format"))
        .values("lowered")
        .annotate(total=Count("id"))
        .order_by("-total", "lowered")[:limit]
    )
    return [row["lowered"] for row in rows]


def current_package_list_with_resources(data: Params, base_url: str) -> list[dict[str, Any]]:
    """Return the most recently modified packages with their resources.

    :param limit: packages per page (default 10)
    :param offset: packages to skip
    :param page: a page number (1..), instead of ``offset``
    """
    limit = int_param(data, "limit", default=10, maximum=MAX_ROWS)
    offset = int_param(data, "offset", default=0, maximum=1_000_000)
    page = int_param(data, "page", default=0, maximum=1_000_000)
    if page:
        offset = (page - 1) * limit
    entries = package_queryset().order_by("-modified", "-id")[offset : offset + limit]
    return package_dicts(entries, base_url=base_url)
