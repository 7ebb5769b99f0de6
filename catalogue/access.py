"""The one rule for the way to an entry's data under its access rights (dct:accessRights).

An entry's metadata stays public whatever its access rights: DCAT catalogues describe
restricted and non-public data so that people find it and ask for it. The addresses of its
files and access points (a distribution's download and access URLs) are published only when
its access rights are public; so are an API's endpoint, description document and sandbox
(:func:`endpoint_links`). The entry page, the exports (CSV, JSONL, DCAT-AP, DCAT-US,
data.json, schema.org), the CKAN API and the JSON API all ask :func:`distribution_links`
(:func:`endpoint_links` for an API, :func:`downloads_public` for a bare access-rights code),
so none can leak them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .models.choices import AccessRights


def downloads_public(entry: Any) -> bool:
    """Whether the entry's download and access URLs may be published.

    ``entry`` is an entry or its access-rights code (the exports read rows, not models).
    """
    rights = entry if isinstance(entry, str) else getattr(entry, "access_rights", "")
    return rights == AccessRights.PUBLIC


@dataclass(frozen=True)
class DistributionLinks:
    """A distribution's URLs as they may be published: empty, and ``withheld``, when the
    access rights keep them back (the page then says how to request access)."""

    access_url: str = ""
    download_url: str = ""
    withheld: bool = False

    @property
    def url(self) -> str:
        return self.download_url or self.access_url


def distribution_links(entry: Any, dist: Any) -> DistributionLinks:
    """The URLs of ``dist`` (a distribution of ``entry``) that may be published."""
    if not downloads_public(entry):
        return DistributionLinks(withheld=True)
    return DistributionLinks(dist.access_url or "", dist.download_url or "")


@dataclass(frozen=True)
class EndpointLinks:
    """An API's addresses as they may be published: empty, and ``withheld``, when its access
    rights keep them back. The endpoint, its description document and its sandbox are the
    API's access points, as a download URL is a dataset's (issue 10)."""

    endpoint_url: str = ""
    endpoint_description_url: str = ""
    sandbox_url: str = ""
    withheld: bool = False


def endpoint_links(entry: Any) -> EndpointLinks:
    """The endpoint, description and sandbox URLs of the API ``entry`` that may be published."""
    if not downloads_public(entry):
        return EndpointLinks(withheld=True)
    return EndpointLinks(
        getattr(entry, "endpoint_url", "") or "",
        getattr(entry, "endpoint_description_url", "") or "",
        getattr(entry, "sandbox_url", "") or "",
    )
