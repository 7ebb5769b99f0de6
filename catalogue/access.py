"""The one rule for the way to an entry's data under its access rights (dct:accessRights).

An entry's metadata stays public whatever its access rights: DCAT catalogues describe
restricted and non-public data so that people find it and ask for it. The addresses of its
files and access points (a distribution's download and access URLs) are published only when
its access rights are public. The entry page, the exports (CSV, JSONL, DCAT-AP, DCAT-US,
data.json, schema.org), the CKAN API and the JSON API all ask :func:`distribution_links`
(or :func:`downloads_public` for a bare access-rights code), so none can leak them.
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
