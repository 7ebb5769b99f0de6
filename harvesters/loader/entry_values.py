"""Record → entry values: what the loader asks the catalogue's bulk services to write.

Controlled values are looked up in the catalogue's own vocabulary tables (read once per job);
a value that does not fit is left empty with a warning on the record, and only a record
without an identity (type, remote id, title) is refused, with ``SkipRecord`` naming the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db.models import TextChoices
from django.utils import timezone
from django.utils.translation import gettext as _

from catalogue.models.choices import (
    AccessRights,
    ApiType,
    Authentication,
    Frequency,
    Lifecycle,
    Origin,
)
from catalogue.models.organisations import OrganisationKind
from catalogue.models.vocabularies import Country, Language, Licence, Theme
from catalogue.registry import entry_types
from catalogue.services.bulk import EntryWrite

from ..exceptions import SkipRecord
from ..records import DistributionRecord, EntryRecord

URL_FIELDS = (
    "landing_page",
    "remote_url",
    "contact_url",
    "endpoint_url",
    "endpoint_description_url",
    "sandbox_url",
)
_url_validator = URLValidator(schemes=["http", "https"])


def harvestable_types() -> list[str]:
    """The entry types a harvest may create: the registry says, so a new type needs no edit."""
    return [spec.key for spec in entry_types if spec.harvestable]


@dataclass(frozen=True)
class VocabularyIds:
    """code → id of the catalogue's vocabularies, read once per job rather than per record."""

    licences: dict[str, int]
    licences_lower: dict[str, int]
    themes: dict[str, int]
    countries: dict[str, int]
    languages: dict[str, int]

    @classmethod
    def read(cls) -> VocabularyIds:
        licences = dict(Licence.objects.values_list("spdx_id", "id"))
        return cls(
            licences=licences,
            licences_lower={k.lower(): v for k, v in licences.items()},
            themes=dict(Theme.objects.values_list("code", "id")),
            countries=dict(Country.objects.values_list("code", "id")),
            languages=dict(Language.objects.values_list("code", "id")),
        )

    def licence_id(self, spdx: str) -> int | None:
        return self.licences.get(spdx) or self.licences_lower.get(spdx.lower())


class EntryValues:
    """Maps records onto ``EntryWrite``s for one source (its slug, options, vocabularies)."""

    def __init__(self, *, source_slug: str, options: Mapping[str, Any]) -> None:
        self.source_slug = source_slug
        self.options = options
        self.vocabularies = VocabularyIds.read()

    def to_write(self, record: EntryRecord) -> tuple[EntryWrite, list[str]]:
        """Map a record onto entry fields; ``SkipRecord`` names the field that cannot be."""
        _check_identity(record)
        warnings: list[str] = list(record.warnings)
        fields = {
            **_text_fields(record),
            **_link_fields(record, warnings),
            **self._controlled_fields(record, warnings),
            **_date_fields(record, warnings),
        }
        theme_codes = list(record.themes) + list(self.options.get("default_themes") or [])
        vocabularies = self.vocabularies
        m2m = {
            "themes": _ids(theme_codes, vocabularies.themes, "themes", warnings),
            "countries": _ids(record.countries, vocabularies.countries, "countries", warnings),
            "languages": _ids(record.languages, vocabularies.languages, "languages", warnings),
        }
        distributions = [self._distribution(d, warnings) for d in record.distributions[:500]]
        write = EntryWrite(
            entry_type=record.entry_type,
            fields=fields,
            m2m=m2m,
            distributions=distributions
            if entry_types.get(record.entry_type).has_distributions
            else (distributions or None),
            slug_hint=f"{self.source_slug}:{record.remote_id}",
        )
        return write, [str(w) for w in warnings]

    def _controlled_fields(self, record: EntryRecord, warnings: list[str]) -> dict[str, Any]:
        """Licence (the record's, else the source's default) and the choice fields."""
        spdx = record.licence or str(self.options.get("default_licence") or "")
        licence_id = self.vocabularies.licence_id(spdx)
        if spdx and not licence_id:
            warnings.append(_("Unknown licence %s: left empty.") % spdx[:200])
        return {
            "licence_id": licence_id,
            "access_rights": choice(record.access_rights, AccessRights, AccessRights.PUBLIC),
            "frequency": choice(record.frequency, Frequency, "", warnings, "frequency"),
            "api_type": choice(record.api_type, ApiType, "", warnings, "api_type"),
            "authentication": choice(
                record.authentication, Authentication, "", warnings, "authentication"
            ),
            "lifecycle": choice(record.lifecycle, Lifecycle, "", warnings, "lifecycle"),
        }

    def _distribution(self, dist: DistributionRecord, warnings: list[str]) -> dict[str, Any]:
        licence_id = self.vocabularies.licence_id(dist.licence) if dist.licence else None
        byte_size = dist.byte_size if isinstance(dist.byte_size, int) else None
        if byte_size is not None and not 0 <= byte_size < 2**63:
            warnings.append(_("Distribution size %s out of range: ignored.") % byte_size)
            byte_size = None
        return {
            "title": dist.title,
            "description": dist.description,
            "access_url": valid_url(dist.access_url),
            "download_url": valid_url(dist.download_url),
            "media_type": dist.media_type,
            "format": (dist.format or "").upper()[:40],
            "byte_size": byte_size,
            "licence_id": licence_id,
            "checksum": dist.checksum,
            "remote_id": dist.remote_id[:300],
            "deprecated": bool(dist.deprecated),
        }


def _check_identity(record: EntryRecord) -> None:
    """Refuse a record the catalogue cannot hold or find again (type, remote id, title)."""
    if record.entry_type not in harvestable_types():
        raise SkipRecord(
            _("Unknown entry type %r.") % record.entry_type,
            remote_id=record.remote_id,
            field="entry_type",
        )
    if not record.remote_id.strip():
        raise SkipRecord(_("The record has no identifier."), field="remote_id")
    if len(record.remote_id) > 500:
        raise SkipRecord(
            _("The record's identifier is longer than 500 characters."),
            remote_id=record.remote_id[:500],
            field="remote_id",
        )
    if not (record.title or "").strip():
        raise SkipRecord(_("The record has no title."), remote_id=record.remote_id, field="title")


def _text_fields(record: EntryRecord) -> dict[str, Any]:
    """The fields taken as they come (HTML is sanitised by the catalogue when it writes)."""
    return {
        "title": record.title,
        "summary": record.summary,
        "description": record.description,
        "identifier": record.identifier[:500],
        "contact_name": record.contact_name,
        "keywords": list(dict.fromkeys(k for k in record.keywords if k))[:100],
        "spatial_label": record.spatial_label,
        "version": record.version,
        "contains_personal_data": bool(record.contains_personal_data),
        "conforms_to": [c for c in record.conforms_to if c][:50],
        "access_instructions": record.access_instructions,
        "rate_limits": record.rate_limits,
        "availability": record.availability,
        "origin": Origin.HARVESTED,
        "last_harvested_at": timezone.now(),
        "source_extras": source_extras(record),
    }


def source_extras(record: EntryRecord) -> dict[str, str]:
    """What the mapper could not place, by key (the first value of a repeated key wins)."""
    kept: dict[str, str] = {}
    for key, value in record.extras:
        name, text = str(key).strip()[:100], str(value).strip()
        if name and text and name not in kept and len(kept) < 200:
            kept[name] = text[:5000]
    return kept


def _link_fields(record: EntryRecord, warnings: list[str]) -> dict[str, Any]:
    """URLs and the contact email: an unusable value is left empty, with a warning."""
    fields: dict[str, Any] = {}
    for name in URL_FIELDS:
        value = getattr(record, name)
        fields[name] = valid_url(value)
        if value and not fields[name]:
            warnings.append(
                _("%(field)s is not a usable URL: %(value)s")
                % {"field": name, "value": value[:200]}
            )
    fields["contact_email"] = valid_email(record.contact_email)
    if record.contact_email and not fields["contact_email"]:
        warnings.append(_("contact_email is not an email address: %s") % record.contact_email[:200])
    return fields


def _date_fields(record: EntryRecord, warnings: list[str]) -> dict[str, Any]:
    """Dates and datetimes; a temporal coverage given backwards is swapped, with a warning."""
    fields: dict[str, Any] = {}
    for name in ("temporal_start", "temporal_end", "sunset_date"):
        fields[name] = as_date(getattr(record, name), name, warnings)
    for name in ("issued", "modified"):
        fields[name] = as_datetime(getattr(record, name), name, warnings)
    start, end = fields["temporal_start"], fields["temporal_end"]
    if start and end and start > end:
        warnings.append(_("temporal coverage ends before it starts: swapped."))
        fields["temporal_start"], fields["temporal_end"] = end, start
    return fields


def _ids(
    codes: Iterable[str], table: Mapping[str, int], name: str, warnings: list[str]
) -> list[int]:
    ids = []
    for code in codes:
        key = (code or "").strip()
        found = table.get(key) or table.get(key.upper()) or table.get(key.lower())
        if found:
            ids.append(found)
        elif key:
            warnings.append(
                _("Unknown %(field)s code %(code)s: ignored.") % {"field": name, "code": key[:50]}
            )
    return list(dict.fromkeys(ids))


# --- value checks -----------------------------------------------------------------------
def valid_url(value: str) -> str:
    """``value`` if it is an http(s) URL the catalogue can store, else ""."""
    value = (value or "").strip()
    if not value or len(value) > 1000:
        return ""
    try:
        _url_validator(value)
    except ValidationError:
        return ""
    return value


def valid_email(value: str) -> str:
    """``value`` (without a ``mailto:``) if it is an email address, else ""."""
    value = (value or "").strip().removeprefix("mailto:")
    if not value or len(value) > 254:
        return ""
    try:
        validate_email(value)
    except ValidationError:
        return ""
    return value


def organisation_kind(kind: str) -> str:
    """A publisher's kind if the catalogue knows it; a harvested publisher is most often one."""
    return kind if kind in OrganisationKind.values else OrganisationKind.GOVERNMENT.value


def choice(
    value: str,
    choices: type[TextChoices],
    default: str,
    warnings: list[str] | None = None,
    name: str = "",
) -> str:
    if value in choices.values:
        return str(value)
    if value and warnings is not None:
        warnings.append(
            _("Unknown %(field)s %(value)s: left empty.")
            % {"field": name, "value": str(value)[:50]}
        )
    return default


def as_date(value: object, name: str, warnings: list[str]) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date) and 1 <= value.year <= 9999:
        return value
    warnings.append(_("%s is not a date: ignored.") % name)
    return None


def as_datetime(value: object, name: str, warnings: list[str]) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    if not isinstance(value, dt.datetime):
        warnings.append(_("%s is not a date: ignored.") % name)
        return None
    if timezone.is_naive(value):
        value = value.replace(tzinfo=dt.UTC)
    return value
