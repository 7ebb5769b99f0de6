"""One ORM condition per CKAN filter (``field:value``) and per text term, shared by ``fq``,
by ``q``'s plain filters and by ``q``'s Solr expressions (query_syntax.py), so that
``q=tags:x``, ``fq=tags:x`` and ``q=tags:x OR y`` all mean the same thing by ``tags:x``."""

from __future__ import annotations

from django.db import connection
from django.db.models import BooleanField, Exists, OuterRef, Q
from django.db.models.expressions import RawSQL

from catalogue.models import Distribution, Entry

from .ids import parse_object_uuid
from .packages import split_package_name
from .parts import package_types

# CKAN field name -> our filter key
FILTER_FIELDS = {
    "organization": "organization",
    "owner_org": "organization",
    "tags": "tags",
    "res_format": "res_format",
    "license_id": "license_id",
    "groups": "groups",
    "dataset_type": "type",
    "type": "type",
    "name": "name",
    "id": "id",
}
# Fields with a text meaning (CKAN's Solr schema names) -> the columns searched.
TEXT_FIELDS = {
    "title": ("title",),
    "notes": ("summary", "description"),
    "text": ("title", "summary", "keywords"),  # what a word of q matches by default
}


def has_keyword(tag: str) -> Q:
    """Entries whose keywords hold exactly ``tag`` (CKAN tags are exact and case-sensitive)."""
    if connection.vendor == "postgresql":
        return Q(keywords__contains=[tag])
    table = Entry._meta.db_table
    # The table name is ours and the tag a bound parameter: nothing from outside is spliced.
    return Q(
        RawSQL(  # noqa: S611
            f'EXISTS (SELECT 1 FROM json_each("{table}"."keywords") WHERE value = %s)',  # noqa: S608
            [tag],
            output_field=BooleanField(),
        )
    )


def text_condition(value: str, field: str = "text") -> Q:
    """``value`` as a case-insensitive substring of one of the field's columns."""
    found = Q()
    for column in TEXT_FIELDS[field]:
        found |= Q(**{f"{column}__icontains": value})
    return found


def filter_condition(key: str, value: str) -> Q:
    """The entries whose filter ``key`` (a FILTER_FIELDS value) is ``value``.

    Unknown values match nothing: a literal, no error, as Solr answers a filter on a value
    no document has.
    """
    if key == "organization":
        pk = parse_object_uuid("organisation", value)
        return Q(publisher__slug=value) | (Q(publisher_id=pk) if pk else Q(pk__in=[]))
    if key == "tags":
        return has_keyword(value)
    if key == "res_format":
        return Q(Exists(Distribution.objects.filter(entry=OuterRef("pk"), format__iexact=value)))
    if key == "license_id":
        return Q(licence__spdx_id__iexact=value)
    if key == "groups":
        themes = Entry.themes.through.objects.filter(entry_id=OuterRef("pk"), theme__slug=value)
        return Q(Exists(themes))
    if key == "type":
        return Q(entry_type=package_types().get(value, "-"))
    if key == "name":
        entry_type, slug = split_package_name(value)
        return Q(entry_type=entry_type, slug=slug)
    if key == "id":
        return Q(pk=parse_object_uuid("entry", value) or 0)
    raise ValueError(key)
