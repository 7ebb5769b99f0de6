"""Dates, periods and update frequencies as portals write them, to typed values.

Invalid values give None and a warning for the record; they never raise.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from harvesters.jsonnorm.values import text

_MIN_YEAR, _MAX_YEAR = 1000, 9999
_YEAR = re.compile(r"^\d{4}$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def parse_datetime(
    value: Any, warnings: list[str] | None = None, *, field: str = ""
) -> dt.datetime | None:
    """An aware UTC datetime from ISO 8601 text, a date, or epoch seconds (Socrata)."""
    if value is None or value == "":
        return None
    result: dt.datetime | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            result = dt.datetime.fromtimestamp(float(value), tz=dt.UTC)
        except (OverflowError, OSError, ValueError):
            result = None
    else:
        raw = text(value)
        result = _parse_text(raw) if raw else None
    if result is not None and _MIN_YEAR <= result.year <= _MAX_YEAR:
        return result
    if warnings is not None:
        warnings.append(f"{field or 'date'}: invalid date {text(value)[:60]!r} ignored")
    return None


def parse_date(value: Any, warnings: list[str] | None = None, *, field: str = "") -> dt.date | None:
    parsed = parse_datetime(value, warnings, field=field)
    return parsed.date() if parsed else None


def _parse_text(raw: str) -> dt.datetime | None:
    raw = raw.strip()
    if len(raw) > 64:
        return None
    if _YEAR.match(raw):
        raw = f"{raw}-01-01"
    elif match := _YEAR_MONTH.match(raw):
        raw = f"{match.group(1)}-{match.group(2)}-01"
    try:
        parsed = dt.datetime.fromisoformat(raw.replace(" ", "T", 1) if "T" not in raw else raw)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    try:
        return parsed.astimezone(dt.UTC)
    except (OverflowError, ValueError):
        return None


def parse_period(
    value: Any, warnings: list[str] | None = None, *, field: str = "temporal"
) -> tuple[dt.date | None, dt.date | None]:
    """Start and end of "2010-01-01/2015-12-31", "1993/2005" or a {startDate, endDate} object."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        start = value.get("startDate") or value.get("start_date") or value.get("start")
        end = value.get("endDate") or value.get("end_date") or value.get("end")
        return (
            parse_date(start, warnings, field=field),
            parse_date(end, warnings, field=field),
        )
    raw = text(value)
    if not raw:
        return None, None
    if "/" not in raw:
        return parse_date(raw, warnings, field=field), None
    left, _, right = raw.partition("/")
    start = parse_date(left, warnings, field=field) if left and left[0] != "R" else None
    # An ISO duration on the right ("2010-01-01/P1Y") says nothing about an end date here.
    end = parse_date(right, warnings, field=field) if right and right[0] != "P" else None
    return start, end


# ISO 8601 repeating durations (Project Open Data accrualPeriodicity) → EU frequency codes.
_ISO_FREQUENCIES = {
    "R/PT1S": "CONT",
    "R/PT1H": "CONT",
    "R/P1D": "DAILY",
    "R/P3.5D": "WEEKLY",
    "R/P1W": "WEEKLY",
    "R/P0.5M": "MONTHLY",
    "R/P2W": "WEEKLY",
    "R/P1M": "MONTHLY",
    "R/P2M": "MONTHLY",
    "R/P3M": "QUARTERLY",
    "R/P4M": "QUARTERLY",
    "R/P6M": "ANNUAL",
    "R/P1Y": "ANNUAL",
    "R/P2Y": "ANNUAL",
    "R/P3Y": "ANNUAL",
    "R/P4Y": "ANNUAL",
    "R/P10Y": "ANNUAL",
}
_WORD_FREQUENCIES = {
    "continuous": "CONT",
    "cont": "CONT",
    "realtime": "CONT",
    "real-time": "CONT",
    "hourly": "CONT",
    "daily": "DAILY",
    "day": "DAILY",
    "weekly": "WEEKLY",
    "biweekly": "WEEKLY",
    "week": "WEEKLY",
    "monthly": "MONTHLY",
    "month": "MONTHLY",
    "bimonthly": "MONTHLY",
    "quarterly": "QUARTERLY",
    "annual": "ANNUAL",
    "annually": "ANNUAL",
    "yearly": "ANNUAL",
    "biennial": "ANNUAL",
    "semiannual": "ANNUAL",
    "irregular": "IRREG",
    "irreg": "IRREG",
    "asneeded": "IRREG",
    "onoccurence": "IRREG",
    "onoccurrence": "IRREG",
    "never": "NEVER",
    "static": "NEVER",
    "notplanned": "NEVER",
    "unknown": "UNKNOWN",
}


_FREQUENCY_WORD = re.compile(
    r"\b(hourly|daily|weekly|monthly|quarterly|annually|annual|yearly|irregular|never)\b"
)


def frequency(value: Any, warnings: list[str] | None = None) -> str:
    """An EU frequency code (catalogue.models.Frequency) from ISO, EU URIs or words."""
    raw = text(value)
    if not raw:
        return ""
    if raw.upper() in _ISO_FREQUENCIES:
        return _ISO_FREQUENCIES[raw.upper()]
    word = raw.rstrip("/").rsplit("/", 1)[-1].lower()
    word = re.sub(r"[\s_\-]+", "", word)
    if word.upper() in {"CONT", "DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "ANNUAL", "IRREG"}:
        return word.upper()
    if word in _WORD_FREQUENCIES:
        return _WORD_FREQUENCIES[word]
    if word.startswith("annual"):
        return "ANNUAL"
    # Free text such as "Data is updated weekly": the first frequency word in it.
    if match := _FREQUENCY_WORD.search(raw.lower()):
        return _WORD_FREQUENCIES[match.group(1)]
    if warnings is not None:
        warnings.append(f"frequency: unknown update frequency {raw[:60]!r} ignored")
    return ""
