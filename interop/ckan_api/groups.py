"""Themes as CKAN groups: ``group_list`` and ``group_show`` (CKAN 2.10's shapes).

CKAN groups are the thematic grouping of packages, which our themes (EU data themes, UN SDGs)
are; a package's ``groups`` already lists its themes, so a group's name is the theme's slug.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext

from catalogue.models import Theme, published_condition

from .errors import NotFoundError, ValidationError
from .ids import parse_object_uuid
from .packages import group_dict, package_dicts, package_queryset, public_packages
from .params import MAX_ROWS, bool_param, int_param, text_param
from .parts import ckan_parts

Params = Mapping[str, Any]
# CKAN's ckan.group_and_organization_list_all_fields_max and ..._list_max.
ALL_FIELDS_MAX = 25
NAMES_MAX = 1000
SORTS = {"title": "name", "name": "slug", "package_count": "package_count"}


def _themes_with_counts() -> QuerySet[Theme]:
    published = published_condition("entries__") & Q(entries__entry_type__in=list(ckan_parts()))
    return Theme.objects.annotate(package_count=Count("entries", filter=published, distinct=True))


def full_group_dict(theme: Theme, *, base_url: str) -> dict[str, Any]:
    """The group as group_list's ``all_fields`` and group_show give it."""
    data = group_dict(theme)
    data.update(
        {
            "type": "group",
            "is_organization": False,
            "state": "active",
            "approval_status": "approved",
            "image_url": "",
            "created": None,  # a seeded vocabulary: no creation date recorded
            "package_count": getattr(theme, "package_count", 0),
            "num_followers": 0,
            "extras": [
                {"key": "scheme", "value": theme.scheme},
                {"key": "code", "value": theme.code},
            ],
        }
    )
    if base_url:
        data["catalogue_url"] = base_url + theme.get_absolute_url()
    return data


def _order(data: Params) -> list[str]:
    sort = text_param(data, "sort") or "title asc"
    field, _, direction = sort.partition(" ")
    order_by = SORTS.get(field)
    if order_by is None or direction.strip() not in {"", "asc", "desc"}:
        raise ValidationError(
            gettext("Invalid sort: use title, name or package_count, asc or desc"), field="sort"
        )
    return [("-" if direction.strip() == "desc" else "") + order_by, "slug"]


def group_list(data: Params, base_url: str) -> list[Any]:
    """Return the names of the groups (themes), or their dicts with ``all_fields``.

    :param sort: ``title``, ``name`` or ``package_count``, then ``asc`` or ``desc``
    :param limit: at most 25 with ``all_fields``, 1000 without
    :param offset: groups to skip
    :param groups: only these group names
    :param q: groups whose name or title contain this text
    :param all_fields: full group dicts instead of names
    """
    all_fields = bool_param(data, "all_fields")
    maximum = ALL_FIELDS_MAX if all_fields else NAMES_MAX
    limit = int_param(data, "limit", default=maximum, maximum=maximum)
    offset = int_param(data, "offset", default=0, maximum=1_000_000)
    queryset = _themes_with_counts().order_by(*_order(data))
    wanted = data.get("groups") or []
    if isinstance(wanted, str):
        wanted = [wanted]
    if not isinstance(wanted, list) or not all(isinstance(name, str) for name in wanted):
        raise ValidationError(gettext("groups must be a list of names"), field="groups")
    if wanted:
        queryset = queryset.filter(slug__in=wanted)
    q = text_param(data, "q", max_length=200)
    if q:
        queryset = queryset.filter(Q(name__icontains=q) | Q(slug__icontains=q))
    window = queryset[offset : offset + limit]
    if not all_fields:
        return [theme.slug for theme in window]
    return [full_group_dict(theme, base_url=base_url) for theme in window]


def group_show(data: Params, base_url: str) -> dict[str, Any]:
    """Return one group (theme) by name or id.

    :param id: the group's name or id
    :param include_datasets: add its packages (at most ``limit``, default 10)
    """
    identifier = text_param(data, "id", max_length=200)
    if not identifier:
        raise ValidationError(gettext("Missing value"), field="id")
    pk = parse_object_uuid("theme", identifier)
    theme = _themes_with_counts().filter(Q(pk=pk) if pk else Q(slug=identifier)).first()
    if theme is None:
        raise NotFoundError(gettext("Group not found"))
    result = full_group_dict(theme, base_url=base_url)
    result.update({"groups": [], "users": [], "tags": []})
    if bool_param(data, "include_datasets"):
        limit = int_param(data, "limit", default=10, maximum=MAX_ROWS)
        entries = package_queryset(public_packages().filter(themes=theme)).order_by(
            "-modified", "-id"
        )[:limit]
        result["packages"] = package_dicts(entries, base_url=base_url)
    return result
