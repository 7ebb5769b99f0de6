"""The read-only CKAN actions we answer: each takes the request's parameters, returns the
``result`` of CKAN's envelope, or raises a ``CkanActionError``."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from typing import Any

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext

from catalogue.models import Entry, Organisation, published_condition
from catalogue.sanitise import html_to_text

from . import groups, lookups
from .errors import NotFoundError, ValidationError
from .ids import parse_object_uuid
from .lookups import tag_names
from .packages import (
    organization_dict,
    package_dict,
    package_dicts,
    package_name,
    package_queryset,
    public_packages,
    split_package_name,
    tag_dict,
)
from .params import MAX_ROWS, bool_param, int_param, parse_package_search, text_param
from .parts import ckan_parts, type_action
from .search import package_search

CKAN_VERSION = "2.10.0"
Params = Mapping[str, Any]
Action = Callable[[Params, str], Any]


def _required(data: Params, name: str) -> str:
    value = text_param(data, name, max_length=200)
    if not value:
        raise ValidationError(gettext("Missing value"), field=name)
    return value


def _organisations_with_counts() -> QuerySet[Organisation]:
    published = published_condition("published_entries__") & Q(
        published_entries__entry_type__in=list(ckan_parts())
    )
    return Organisation.objects.annotate(package_count=Count("published_entries", filter=published))


def _find_organisation(identifier: str) -> Organisation:
    pk = parse_object_uuid("organisation", identifier)
    lookup = Q(pk=pk) if pk else Q(slug=identifier)
    organisation = _organisations_with_counts().filter(lookup).first()
    if organisation is None:
        raise NotFoundError(gettext("Organization not found"))
    return organisation


def status_show(data: Params, base_url: str) -> dict[str, Any]:
    """Return the site's title, address and the CKAN version its API answers as."""
    return {
        "site_title": settings.WAGTAIL_SITE_NAME,
        "site_description": "",
        "site_url": base_url,
        "ckan_version": CKAN_VERSION,
        "error_emails_to": None,
        "locale_default": settings.LANGUAGE_CODE,
        "extensions": [],
    }


def package_list(data: Params, base_url: str) -> list[str]:
    """Return the names of the public packages, sorted.

    :param limit: at most this many
    :param offset: names to skip
    """
    limit = int_param(data, "limit", default=0, maximum=1_000_000)
    offset = int_param(data, "offset", default=0, maximum=10_000_000)
    rows = public_packages().order_by("entry_type", "slug").values_list("entry_type", "slug")
    names = (package_name(Entry(entry_type=t, slug=s)) for t, s in rows)
    items = sorted(names)
    return items[offset : offset + limit] if limit else items[offset:]


def package_show(data: Params, base_url: str) -> dict[str, Any]:
    """Return one public package with its resources.

    :param id: the package's name or id
    """
    identifier = _required(data, "id")
    pk = parse_object_uuid("entry", identifier)
    if pk is not None:
        lookup = Q(pk=pk)
    else:
        entry_type, slug = split_package_name(identifier)
        lookup = Q(entry_type=entry_type, slug=slug)
    entry = package_queryset(public_packages().filter(lookup)).first()
    if entry is None:
        raise NotFoundError(gettext("Not found"))
    return package_dict(entry, base_url=base_url)


def package_search_action(data: Params, base_url: str) -> dict[str, Any]:
    """Search the public packages.

    :param q: words, "quoted phrases", ``-excluded`` words, ``OR``, ``field:value``
    :param fq: filters: ``organization``, ``tags``, ``res_format``, ``license_id``, ``groups``,
        ``dataset_type``, ``name``, ``id``, ranges on ``metadata_modified``/``metadata_created``
    :param sort: ``score``, ``metadata_modified``, ``metadata_created``, ``name``, ``title``
    :param rows: results per page (at most 1000)
    :param start: results to skip
    :param facet.field: a JSON list of the fields to count
    """
    return package_search(parse_package_search(data), base_url=base_url)


def organization_list(data: Params, base_url: str) -> list[Any]:
    """Return the publishers' names, or their dicts with ``all_fields``."""
    all_fields = bool_param(data, "all_fields")
    limit = int_param(data, "limit", default=MAX_ROWS if all_fields else 0, maximum=MAX_ROWS)
    offset = int_param(data, "offset", default=0, maximum=1_000_000)
    sort = text_param(data, "sort") or "title asc"
    field, _, direction = sort.partition(" ")
    order_by = {"title": "name", "name": "slug", "package_count": "package_count"}.get(field)
    if order_by is None or direction.strip() not in {"", "asc", "desc"}:
        raise ValidationError(
            gettext("Invalid sort: use title, name or package_count, asc or desc"), field="sort"
        )
    if direction.strip() == "desc":
        order_by = "-" + order_by
    wanted = data.get("organizations") or []
    if isinstance(wanted, str):
        wanted = [wanted]
    if not isinstance(wanted, list) or not all(isinstance(name, str) for name in wanted):
        raise ValidationError(
            gettext("organizations must be a list of names"), field="organizations"
        )
    queryset = _organisations_with_counts().order_by(order_by, "id")
    if wanted:
        queryset = queryset.filter(slug__in=wanted)
    q = text_param(data, "q", max_length=200)
    if q:
        queryset = queryset.filter(Q(name__icontains=q) | Q(slug__icontains=q))
    window = queryset[offset : offset + limit] if limit else queryset[offset:]
    if not all_fields:
        return [org.slug for org in window]
    return [
        organization_dict(org, package_count=org.package_count, base_url=base_url) for org in window
    ]


def organization_show(data: Params, base_url: str) -> dict[str, Any]:
    """Return one publisher by name or id (``include_datasets`` adds its packages)."""
    organisation = _find_organisation(_required(data, "id"))
    result = organization_dict(
        organisation, package_count=organisation.package_count, base_url=base_url
    )
    result["description"] = html_to_text(organisation.description)
    if bool_param(data, "include_datasets"):
        limit = int_param(data, "limit", default=10, maximum=MAX_ROWS)
        entries = package_queryset(public_packages().filter(publisher=organisation)).order_by(
            "-modified", "-id"
        )[:limit]
        result["packages"] = package_dicts(entries, base_url=base_url)
    return result


def tag_list(data: Params, base_url: str) -> list[Any]:
    """Return the tags (keywords) of the public packages, names or dicts (``all_fields``).

    :param query: only tags containing this text (``q`` also works)
    :param all_fields: tag dicts instead of names
    """
    query = text_param(data, "query", max_length=100) or text_param(data, "q", max_length=100)
    tags = tag_names(query)
    if bool_param(data, "all_fields"):
        return [{k: v for k, v in tag_dict(t).items() if k != "state"} for t in tags]
    return tags


def help_show(data: Params, base_url: str) -> str | None:
    """Return the help text of an action.

    :param name: the action's name
    """
    name = _required(data, "name")
    handler = ACTIONS.get(name) or type_action(name)
    if handler is None:
        raise NotFoundError(gettext("Action function not found"))
    return inspect.getdoc(handler)


ACTIONS: dict[str, Action] = {
    "status_show": status_show,
    "package_list": package_list,
    "package_show": package_show,
    "package_search": package_search_action,
    "organization_list": organization_list,
    "organization_show": organization_show,
    "tag_list": tag_list,
    "tag_show": lookups.tag_show,
    "group_list": groups.group_list,
    "group_show": groups.group_show,
    "resource_show": lookups.resource_show,
    "license_list": lookups.license_list,
    "site_read": lookups.site_read,
    "package_autocomplete": lookups.package_autocomplete,
    "format_autocomplete": lookups.format_autocomplete,
    "current_package_list_with_resources": lookups.current_package_list_with_resources,
    "help_show": help_show,
}
