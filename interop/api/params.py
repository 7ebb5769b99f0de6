"""Query parameters of the list endpoints: paging and filters, hostile input as clear 400s.

The search endpoint parses with ``search.params`` (the same parameters as the HTML search);
these are for the plain listings of entries, organisations and themes.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext as _

from catalogue.public_url import absolute_url

from .http import ApiError

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_PAGE = 10_000
MAX_VALUES_PER_FILTER = 20
MAX_VALUE_LENGTH = 200
# What an entry type's list reads besides the type's own facets (search.listing).
LIST_PARAMETERS = (
    "page",
    "page_size",
    "organisation",
    "theme",
    "licence",
    "country",
    "modified_since",
)


@dataclass(frozen=True)
class Paging:
    page: int
    page_size: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size


def _whole_number(params: QueryDict, name: str, *, default: int, maximum: int) -> int:
    raw = params.get(name)
    if raw is None:
        return default
    raw = raw.strip()
    if not raw.isascii() or not raw.isdigit() or len(raw) > 9:
        raise ApiError(
            400, _("'%(name)s' must be a whole number.") % {"name": name}, parameter=name
        )
    value = int(raw)
    if value < 1:
        raise ApiError(400, _("'%(name)s' must be 1 or more.") % {"name": name}, parameter=name)
    if value > maximum:
        raise ApiError(
            400,
            _("'%(name)s' must be at most %(max)d.") % {"name": name, "max": maximum},
            parameter=name,
        )
    return value


def parse_paging(params: QueryDict) -> Paging:
    page_size = _whole_number(params, "page_size", default=DEFAULT_PAGE_SIZE, maximum=MAX_PAGE_SIZE)
    page = _whole_number(params, "page", default=1, maximum=MAX_PAGE)
    return Paging(page=page, page_size=page_size)


def _clean(value: str) -> str:
    """Drop control characters (NUL and friends) and surrounding blanks."""
    return "".join(ch for ch in value if unicodedata.category(ch)[0] != "C").strip()


def filter_values(params: QueryDict, name: str) -> tuple[str, ...]:
    """Every non-blank value of a repeatable filter, deduplicated, bounded in number and size."""
    raw_values = params.getlist(name)
    if len(raw_values) > MAX_VALUES_PER_FILTER:
        raise ApiError(
            400,
            _("Too many values for '%(name)s': at most %(max)d.")
            % {"name": name, "max": MAX_VALUES_PER_FILTER},
            parameter=name,
        )
    if any(len(raw) > MAX_VALUE_LENGTH for raw in raw_values):
        raise ApiError(400, _("A '%(name)s' value is too long.") % {"name": name}, parameter=name)
    values = [v for v in (_clean(raw) for raw in raw_values) if v]
    return tuple(dict.fromkeys(values))


_MOMENT = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$"
)
EARLIEST = dt.datetime(1000, 1, 1, tzinfo=dt.UTC)


def parse_modified_since(params: QueryDict) -> dt.datetime | None:
    """An ISO 8601 / RFC 3339 date or date-time; a date means its midnight UTC, a naive time
    is UTC. A leap second counts as the second before it; years before 1000 mean "always"."""
    if "modified_since" not in params:
        return None
    raw = (params.get("modified_since") or "").strip().upper()
    message = _(
        "'modified_since' must be an ISO 8601 date or date-time, e.g. 2024-05-01 or "
        "2024-05-01T12:00:00Z."
    )
    match = _MOMENT.match(raw) if len(raw) <= 40 else None
    if match is None:
        raise ApiError(400, message, parameter="modified_since")
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    try:
        tz = dt.UTC
        if offset and offset != "Z":
            sign = -1 if offset[0] == "-" else 1
            digits = offset[1:].replace(":", "")
            tz = dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
        moment = dt.datetime(
            int(year),
            int(month),
            int(day),
            int(hour or 0),
            int(minute or 0),
            min(int(second or 0), 59),
            int((fraction or "0").ljust(6, "0")[:6]),
            tzinfo=tz,
        )
        if int(year) < 1000:
            return EARLIEST
        return moment.astimezone(dt.UTC)
    except (ValueError, OverflowError):
        raise ApiError(400, message, parameter="modified_since") from None


def page_links(request: HttpRequest, *, page: int, has_next: bool) -> dict[str, str | None]:
    """Absolute ``next``/``previous`` URLs that keep every other parameter as sent."""

    def url_for(number: int) -> str:
        params = request.GET.copy()
        params["page"] = str(number)
        query = urlencode(sorted(params.lists()), doseq=True)
        return absolute_url(f"{request.path}?{query}", request)

    return {
        "next": url_for(page + 1) if has_next else None,
        "previous": url_for(page - 1) if page > 1 else None,
    }
