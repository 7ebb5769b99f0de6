"""Reuses in the CKAN Action API, as ckanext-showcase serves them.

A reuse is a package of type "showcase" named ``showcase--<slug>``: its resource is the
reuse's own address, its extras the kind, author and image. ckanext-showcase's read actions
answer as the extension does: the showcases, one showcase, the datasets a showcase uses and
the showcases that use a dataset (datasets and APIs alike: both are packages here).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from catalogue.models import Entry
from catalogue.registry import entry_types
from interop.ckan_api.errors import NotFoundError, ValidationError
from interop.ckan_api.ids import entry_resource_uuid, parse_object_uuid
from interop.ckan_api.packages import (
    Related,
    package_dict,
    package_dicts,
    package_queryset,
    public_packages,
    resource_dict,
    split_package_name,
)
from interop.ckan_api.params import MAX_ROWS, int_param, text_param
from interop.ckan_api.parts import CkanPackagePart

from .models import Reuse, as_reuse

PACKAGE_TYPE = "showcase"
NAME_PREFIX = "showcase--"


def reuse_resources(entry: Entry, related: Related) -> list[dict[str, Any]]:
    reuse = as_reuse(entry)
    if not reuse.url:
        return []
    return [
        resource_dict(
            entry,
            0,
            rid=entry_resource_uuid(entry.pk, 1),
            name=reuse.get_reuse_kind_display(),
            url=reuse.url,
            fmt="HTML",
            resource_type="showcase",
        )
    ]


def image_url(reuse: Reuse, base_url: str) -> str:
    image = reuse.image
    if image is None or not image.file:
        return ""
    url = image.file.url
    return url if url.startswith(("http://", "https://")) else base_url + url


def reuse_extras(entry: Entry) -> list[tuple[str, Any]]:
    reuse = as_reuse(entry)
    return [
        ("reuse_kind", reuse.reuse_kind),
        ("author", reuse.author_name),
        ("image_url", image_url(reuse, "")),
    ]


def with_reuse(queryset: QuerySet[Entry]) -> QuerySet[Entry]:
    """What the showcase dicts read from the reuse's own row, joined for every page of
    packages (``package_queryset``); other types' rows join nothing."""
    return queryset.select_related("reuse", "reuse__image")


# --- ckanext-showcase's actions ----------------------------------------------------------


def _find(data: dict[str, Any], field: str, entry_types_: tuple[str, ...]) -> Entry:
    identifier = text_param(data, field, max_length=200)
    if not identifier:
        raise ValidationError("Missing value", field=field)
    pk = parse_object_uuid("entry", identifier)
    if pk is not None:
        lookup = Q(pk=pk)
    else:
        entry_type, slug = split_package_name(identifier)
        lookup = Q(entry_type=entry_type, slug=slug)
    found = public_packages().filter(lookup, entry_type__in=entry_types_).first()
    if found is None:
        raise NotFoundError("Showcase not found" if "reuse" in entry_types_ else "Not found")
    return found


def _showcases(queryset: QuerySet[Entry], base_url: str) -> list[dict[str, Any]]:
    return [_with_image(d, base_url) for d in package_dicts(queryset, base_url=base_url)]


def _with_image(data: dict[str, Any], base_url: str) -> dict[str, Any]:
    """ckanext-showcase's showcase dicts carry ``image_url`` and ``image_display_url`` at
    the top level (the extra holds the path; the display URL is absolute)."""
    extras = {pair["key"]: pair["value"] for pair in data["extras"]}
    data["image_url"] = extras.get("image_url", "")
    shown = data["image_url"]
    data["image_display_url"] = base_url + shown if shown.startswith("/") else shown
    return data


def showcase_list(data: dict[str, Any], base_url: str) -> list[dict[str, Any]]:
    """Return the public showcases (reuses), by title, as ckanext-showcase does.

    :param limit: at most this many (default and maximum 1000)
    :param offset: skip this many
    """
    limit = int_param(data, "limit", default=MAX_ROWS, maximum=MAX_ROWS)
    offset = int_param(data, "offset", default=0, maximum=1_000_000)
    queryset = package_queryset(public_packages().filter(entry_type="reuse"))
    return _showcases(queryset.order_by("title", "pk")[offset : offset + limit], base_url)


def showcase_show(data: dict[str, Any], base_url: str) -> dict[str, Any]:
    """Return one showcase by name or id, with ``num_datasets``: the packages it uses.

    :param id: the showcase's name or id
    """
    found = _find(data, "id", ("reuse",))
    entry = package_queryset(Entry.objects.filter(pk=found.pk)).get()
    result = _with_image(package_dict(entry, base_url=base_url), base_url)
    result["num_datasets"] = public_packages().filter(reused_in=entry.pk).count()
    return result


def showcase_package_list(data: dict[str, Any], base_url: str) -> list[dict[str, Any]]:
    """Return the public packages a showcase uses, by title.

    :param showcase_id: the showcase's name or id
    """
    showcase = _find(data, "showcase_id", ("reuse",))
    used = package_queryset(public_packages().filter(reused_in=showcase.pk)).order_by("title")
    return package_dicts(used, base_url=base_url)


def package_showcase_list(data: dict[str, Any], base_url: str) -> list[dict[str, Any]]:
    """Return the showcases that use a package, by title.

    :param package_id: the package's name or id
    """
    package = _find(data, "package_id", ("dataset", "api"))
    showcases = public_packages().filter(entry_type="reuse", reuse__uses=package.pk)
    return _showcases(package_queryset(showcases).order_by("title", "pk"), base_url)


entry_types.add_part(
    "reuse",
    CkanPackagePart,
    CkanPackagePart(
        package_type=PACKAGE_TYPE,
        name_prefix=NAME_PREFIX,
        resources=reuse_resources,
        extras=reuse_extras,
        relations=with_reuse,
        actions={
            "ckanext_showcase_list": showcase_list,
            "ckanext_showcase_show": showcase_show,
            "ckanext_showcase_package_list": showcase_package_list,
            "ckanext_package_showcase_list": package_showcase_list,
        },
    ),
)
