"""Licence ids, URLs and titles as portals write them → SPDX ids (catalogue.models.Licence).

CKAN's licence ids (``cc-by``, ``odc-odbl``, ``uk-ogl``...), Creative Commons and Open Data
Commons URLs, EU authority URIs, and the titles portals print all map to one SPDX id. What does
not map returns "" with a warning; the raw value is kept in the record's extras by the caller.
"""

from __future__ import annotations

import re
from typing import Any

from harvesters.jsonnorm.values import text

# Keys are compared after _key(): lower case, no scheme, no "www.", no trailing slash.
_KNOWN: dict[str, str] = {
    # CKAN's default licence register (ckan/model/license.py) and common local ids
    "cc-by": "CC-BY-4.0",
    "cc-by-4.0": "CC-BY-4.0",
    "cc-by-4": "CC-BY-4.0",
    "cc-by-3.0": "CC-BY-3.0",
    "cc-by-3.0-au": "CC-BY-3.0",
    "cc-by-sa": "CC-BY-SA-4.0",
    "cc-by-sa-4.0": "CC-BY-SA-4.0",
    "cc-by-nc": "CC-BY-NC-4.0",
    "cc-nc": "CC-BY-NC-4.0",
    "cc-by-nc-4.0": "CC-BY-NC-4.0",
    "cc-by-nd": "CC-BY-ND-4.0",
    "cc-by-nd-4.0": "CC-BY-ND-4.0",
    "cc-zero": "CC0-1.0",
    "cc0": "CC0-1.0",
    "cc0-1.0": "CC0-1.0",
    "odc-odbl": "ODbL-1.0",
    "odbl": "ODbL-1.0",
    "odbl-1.0": "ODbL-1.0",
    "odc-by": "ODC-By-1.0",
    "odc-by-1.0": "ODC-By-1.0",
    "odc-pddl": "PDDL-1.0",
    "pddl": "PDDL-1.0",
    "uk-ogl": "OGL-UK-3.0",
    "ogl-uk-3.0": "OGL-UK-3.0",
    "ogl3": "OGL-UK-3.0",
    "ca-ogl-lgo": "OGL-Canada-2.0",
    "ogl-canada-2.0": "OGL-Canada-2.0",
    "lov2": "etalab-2.0",
    "fr-lo": "etalab-2.0",
    "etalab-2.0": "etalab-2.0",
    "dl-de-by-2.0": "DL-DE-BY-2.0",
    "dl-by-de/2.0": "DL-DE-BY-2.0",
    "dl-de-zero-2.0": "DL-DE-ZERO-2.0",
    "dl-zero-de/2.0": "DL-DE-ZERO-2.0",
    "eupl-1.2": "EUPL-1.2",
    "mit": "MIT",
    "apache-2.0": "Apache-2.0",
    "us-pd": "US-PD",
    "notspecified": "LicenseRef-unspecified",
    "not-specified": "LicenseRef-unspecified",
    "other-closed": "LicenseRef-proprietary",
    "other-nc": "LicenseRef-proprietary",
    "proprietary": "LicenseRef-proprietary",
    # URLs
    "creativecommons.org/publicdomain/zero/1.0": "CC0-1.0",
    "creativecommons.org/publicdomain/zero/1.0/legalcode": "CC0-1.0",
    "opendatacommons.org/licenses/odbl": "ODbL-1.0",
    "opendatacommons.org/licenses/odbl/1.0": "ODbL-1.0",
    "opendatacommons.org/licenses/odbl/1-0": "ODbL-1.0",
    "opendatacommons.org/licenses/by": "ODC-By-1.0",
    "opendatacommons.org/licenses/by/1.0": "ODC-By-1.0",
    "opendatacommons.org/licenses/by/1-0": "ODC-By-1.0",
    "opendatacommons.org/licenses/pddl": "PDDL-1.0",
    "opendatacommons.org/licenses/pddl/1.0": "PDDL-1.0",
    "opendatacommons.org/licenses/pddl/1-0": "PDDL-1.0",
    "usa.gov/publicdomain/label/1.0": "US-PD",
    "usa.gov/government-works": "US-PD",
    "nationalarchives.gov.uk/doc/open-government-licence/version/3": "OGL-UK-3.0",
    "open.canada.ca/en/open-government-licence-canada": "OGL-Canada-2.0",
    "etalab.gouv.fr/licence-ouverte-open-licence": "etalab-2.0",
    "etalab.gouv.fr/wp-content/uploads/2017/04/etalab-licence-ouverte-v2.0.pdf": "etalab-2.0",
    "govdata.de/dl-de/by-2-0": "DL-DE-BY-2.0",
    "govdata.de/dl-de/zero-2-0": "DL-DE-ZERO-2.0",
    "opensource.org/licenses/mit": "MIT",
    "opensource.org/license/mit": "MIT",
    "opensource.org/licenses/mit-0": "MIT-0",
    "apache.org/licenses/license-2.0": "Apache-2.0",
    "apache.org/licenses/license-2.0.html": "Apache-2.0",
    # Titles as portals print them
    "creative commons attribution": "CC-BY-4.0",
    "creative commons attribution 4.0": "CC-BY-4.0",
    "creative commons attribution 4.0 international": "CC-BY-4.0",
    "creative commons attribution share-alike": "CC-BY-SA-4.0",
    "creative commons cczero": "CC0-1.0",
    "creative commons zero": "CC0-1.0",
    "cc by 4.0": "CC-BY-4.0",
    "cc by-sa 4.0": "CC-BY-SA-4.0",
    "cc by": "CC-BY-4.0",
    "cc-by 4.0": "CC-BY-4.0",
    "public domain": "US-PD",
    "open data commons open database license (odbl)": "ODbL-1.0",
    "open database license (odbl)": "ODbL-1.0",
    "open database license": "ODbL-1.0",
    "uk open government licence (ogl)": "OGL-UK-3.0",
    "open government licence": "OGL-UK-3.0",
    "open government licence v3.0": "OGL-UK-3.0",
    "open government licence - canada": "OGL-Canada-2.0",
    "licence ouverte 2.0": "etalab-2.0",
    "licence ouverte / open licence version 2.0": "etalab-2.0",
    "licence ouverte (etalab)": "etalab-2.0",
    "licence ouverte v2.0 (etalab)": "etalab-2.0",
    "licence ouverte": "etalab-2.0",
    "license not specified": "LicenseRef-unspecified",
    "licence not specified": "LicenseRef-unspecified",
}
# EU licence authority codes (…/authority/licence/CC_BY_4_0).
_EU_CODES = {
    "CC0": "CC0-1.0",
    "CC_BY_4_0": "CC-BY-4.0",
    "CC_BY_3_0": "CC-BY-3.0",
    "CC_BYSA_4_0": "CC-BY-SA-4.0",
    "CC_BYNC_4_0": "CC-BY-NC-4.0",
    "CC_BYND_4_0": "CC-BY-ND-4.0",
    "ODBL": "ODbL-1.0",
    "ODC_BY": "ODC-By-1.0",
    "PDDL": "PDDL-1.0",
    "OGL_3_0": "OGL-UK-3.0",
    "ETALAB_2_0": "etalab-2.0",
    "DL_DE_BY_2_0": "DL-DE-BY-2.0",
    "DL_DE_ZERO_2_0": "DL-DE-ZERO-2.0",
    "EUPL_1_2": "EUPL-1.2",
    "MIT": "MIT",
    "APACHE_2_0": "Apache-2.0",
    "COM_REUSE": "LicenseRef-proprietary",
}
_CC_URL = re.compile(r"^creativecommons\.org/licenses/(by(?:-sa|-nc|-nd|-nc-sa|-nc-nd)?)/(\d\.\d)")
_CC_ID = re.compile(r"^cc[- ](by(?:[- ](?:sa|nc|nd|nc[- ]sa|nc[- ]nd))?)[- ]?(\d\.\d)?$")
_EU_URI = re.compile(r"publications\.europa\.eu/resource/authority/licence/([A-Z0-9_]+)$", re.I)
_URL_IN_TEXT = re.compile(r"https?://[^\s<>\"']+")
# CKAN ids for licences that have no SPDX id: said so in a warning, kept raw by the caller.
_NO_SPDX = {"other-pd", "other-open", "other-at", "other"}


def _key(raw: str) -> str:
    key = raw.strip().lower()
    key = re.sub(r"^https?://", "", key)
    key = re.sub(r"^www\.", "", key)
    return key.rstrip("/").strip()


def licence_spdx(*candidates: Any) -> tuple[str, str]:
    """The SPDX id of the first candidate that maps, and a warning ("" when one mapped).

    Candidates are tried in order (e.g. CKAN ``license_id``, then ``license_url``, then
    ``license_title``), so a precise id wins over a free-text title.
    """
    raws = [text(candidate) for candidate in candidates]
    raws = [raw for raw in raws if raw]
    if not raws:
        return "", ""
    for raw in raws:
        spdx = _map_one(raw)
        if spdx:
            return spdx, ""
    # Free text that names a licence by its URL ("Soumis à la licence Etalab : https://...").
    for raw in raws:
        for found in _URL_IN_TEXT.findall(raw[:5000]):
            spdx = _map_one(found.rstrip(".,;)"))
            if spdx:
                return spdx, ""
    first = re.sub(r"<[^>]*>", "", raws[0]).strip()[:120]
    if _key(first) in _NO_SPDX:
        return "", f"licence: {first!r} has no SPDX id; kept as given"
    return "", f"licence: unknown licence {first!r}; kept as given"


def _map_one(raw: str) -> str:
    if len(raw) > 500:
        return ""
    if match := _EU_URI.search(raw.strip().rstrip("/")):
        return _EU_CODES.get(match.group(1).upper(), "")
    key = _key(raw)
    if key in _KNOWN:
        return _KNOWN[key]
    if match := _CC_URL.match(key):
        return _cc(match.group(1), match.group(2))
    if match := _CC_ID.match(key):
        return _cc(match.group(1).replace(" ", "-"), match.group(2) or "4.0")
    for spdx in _SPDX_IDS:
        if key == spdx.lower():
            return spdx
    return ""


def _cc(kind: str, version: str) -> str:
    return f"CC-{kind.upper()}-{version}"


_SPDX_IDS = sorted(set(_KNOWN.values()) | set(_EU_CODES.values()))
