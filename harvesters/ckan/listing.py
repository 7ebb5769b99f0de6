"""What a CKAN ``package_search`` response lists, and the URL of the page after it.

The next page is a keyset page on ``metadata_modified`` (see :mod:`harvesters.ckan.client` for
why not offsets). A raw package also gives a cheap fingerprint, so a package that has not
changed since the last harvest need not be mapped again.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from harvesters.jsonnorm import dates
from harvesters.jsonnorm.values import as_dict, integer, text


def package_fingerprint(package: Any) -> str:
    """A cheap change marker of a raw package: its id and ``metadata_modified``; "" if unsure.

    CKAN bumps ``metadata_modified`` on every change of the package, its resources, tags and
    extras, and also when it is deleted or made private, so an equal marker means the package
    maps as it did last time. Without both values there is no shortcut.
    """
    if not isinstance(package, dict):
        return ""
    remote_id, modified = package.get("id"), package.get("metadata_modified")
    if not (isinstance(remote_id, str) and remote_id and isinstance(modified, str) and modified):
        return ""
    return f"{remote_id}@{modified}"[:150]


_BOUND = re.compile(r"(?:\s+AND\s+)?metadata_modified:\[[^\]]*\s+TO\s+\*\]\s*$")


def next_search_url(page_url: str, packages: list[Any]) -> str | None:
    """The next keyset page after ``packages``, or None when this page was the last."""
    parts = urlsplit(page_url)
    if not parts.path.endswith("/package_search"):
        return None
    params = dict(parse_qsl(parts.query, keep_blank_values=True))
    rows = integer(params.get("rows")) or 10  # CKAN's own default page size
    start = integer(params.get("start")) or 0
    if len(packages) < rows:
        return None
    stamps = [text(p.get("metadata_modified")) if isinstance(p, dict) else "" for p in packages]
    last = dates.parse_datetime(stamps[-1]) if stamps[-1] else None
    if last is None or all(stamp == stamps[-1] for stamp in stamps):
        # No usable timestamp, or one timestamp for the whole page: move on by offset.
        params["start"] = str(start + rows)
    else:
        base_fq = _BOUND.sub("", params.get("fq", "")).strip()
        bound = "metadata_modified:[" + solr_date(last) + " TO *]"
        params["fq"] = f"{base_fq} AND {bound}" if base_fq else bound
        params["start"] = "0"
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(params), ""))


def solr_date(value: dt.datetime) -> str:
    """Solr's date literal, truncated to milliseconds (never later than the real value)."""
    value = value.astimezone(dt.UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def site_url_of(url: str) -> str:
    parts = urlsplit(url)
    path = parts.path
    if "/api/" in path + "/":
        path = path[: (path + "/").index("/api/")]
    return urlunsplit((parts.scheme, parts.netloc, path.rstrip("/"), "", ""))


def packages_of(payload: Any) -> tuple[list[Any] | None, int | None]:
    if isinstance(payload, list):
        return payload, len(payload)
    if not isinstance(payload, dict):
        return None, None
    if payload.get("success") is False:
        return None, None
    result = payload.get("result", payload)
    if isinstance(result, list):
        return result, len(result)
    if not isinstance(result, dict):
        return None, None
    if "results" in result:
        results = result.get("results")
        return (results if isinstance(results, list) else None), integer(result.get("count"))
    if "id" in result or "name" in result:  # package_show
        return [result], 1
    return None, None


def listing_problem(payload: Any, packages: list[Any], count: int | None, page_url: str) -> str:
    """Why a readable response still cannot be this listing's page; "" when it can.

    A list of names or of organisations/groups (``organization_list``, ``package_list``) is
    no list of packages, and a package_search URL must be answered with ``result.results``.
    An empty page where the source counts records past this page's offset is a broken
    listing, not an empty catalogue: it must fail the job rather than withdraw everything.
    """
    if packages and all(isinstance(item, str) for item in packages):
        return "a list of names (package_list, organization_list?), not of CKAN packages"
    for item in packages:
        if isinstance(item, dict) and (
            item.get("is_organization") is not None
            or text(item.get("type")) in {"organization", "group"}
        ):
            return "a list of CKAN organisations or groups, not of packages"
    if urlsplit(page_url).path.endswith("/package_search"):
        result = payload.get("result") if isinstance(payload, dict) else None
        if not (isinstance(result, dict) and isinstance(result.get("results"), list)):
            return "not a CKAN package_search response (no result.results list)"
        start = integer(dict(parse_qsl(urlsplit(page_url).query)).get("start")) or 0
        if not packages and count is not None and count > start:
            return (
                f"package_search counts {count} packages but this page (start={start}) lists none"
            )
    return ""


def bad_payload(payload: Any) -> str:
    if isinstance(payload, dict) and payload.get("success") is False:
        error = as_dict(payload.get("error"))
        detail = text(error.get("message")) or text(error.get("__type")) or "unknown error"
        return f"CKAN answered success=false: {detail[:200]}"
    return "not a CKAN package_search response (no result.results list)"
