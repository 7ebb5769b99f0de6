"""Licences as catalogues name them → SPDX ids: ids, names, and the IRIs of licence registers.

Recognised: SPDX ids (any case, or as ``spdx.org/licenses/<id>``), Creative Commons deed and
legal-code URLs (every version, the NonCommercial / ShareAlike / NoDerivatives variants, and
the ported licences SPDX lists), EU licence authority codes (``CC_BYNCSA_4_0``), Open
Definition ids and URLs, and titles ("Creative Commons Attribution 3.0 Unported",
"CC BY-NC-SA 4.0"). A name without a version is not given one: it does not map.
Pure data and functions: ``dcat_vocabulary.licence_spdx`` is the entry point.
"""

from __future__ import annotations

import re

from catalogue.vocabulary_data import LICENCES

# Creative Commons licence elements, in SPDX order.
_CC_KINDS = ("by", "by-sa", "by-nd", "by-nc", "by-nc-sa", "by-nc-nd")
_CC_VERSIONS = ("1.0", "2.0", "2.5", "3.0", "4.0")
# Ported (jurisdiction) Creative Commons licences that have an SPDX id of their own.
_CC_PORTED = frozenset(
    {
        "CC-BY-2.5-AU",
        "CC-BY-3.0-AT",
        "CC-BY-3.0-AU",
        "CC-BY-3.0-DE",
        "CC-BY-3.0-IGO",
        "CC-BY-3.0-NL",
        "CC-BY-3.0-US",
        "CC-BY-SA-2.0-UK",
        "CC-BY-SA-2.1-JP",
        "CC-BY-SA-3.0-AT",
        "CC-BY-SA-3.0-DE",
        "CC-BY-SA-3.0-IGO",
        "CC-BY-NC-3.0-DE",
        "CC-BY-ND-3.0-DE",
        "CC-BY-NC-ND-3.0-DE",
        "CC-BY-NC-ND-3.0-IGO",
        "CC-BY-NC-SA-2.0-DE",
        "CC-BY-NC-SA-2.0-FR",
        "CC-BY-NC-SA-2.0-UK",
        "CC-BY-NC-SA-3.0-DE",
        "CC-BY-NC-SA-3.0-IGO",
    }
)
# Other SPDX ids data portals use (beyond the catalogue's seeded licences).
_OTHER_SPDX = (
    "CC0-1.0",
    "CC-PDDC",
    "ODbL-1.0",
    "ODC-By-1.0",
    "PDDL-1.0",
    "OGL-UK-1.0",
    "OGL-UK-2.0",
    "OGL-UK-3.0",
    "OGL-Canada-2.0",
    "etalab-2.0",
    "DL-DE-BY-2.0",
    "DL-DE-ZERO-2.0",
    "NLOD-1.0",
    "NLOD-2.0",
    "EUPL-1.0",
    "EUPL-1.1",
    "EUPL-1.2",
    "GFDL-1.3",
    "MIT",
    "Apache-2.0",
    "IODL-1.0",
    "IODL-2.0",
)
SPDX_IDS: dict[str, str] = {
    s.lower(): s
    for s in (
        *(f"CC-{k.upper()}-{v}" for k in _CC_KINDS for v in _CC_VERSIONS),
        *_CC_PORTED,
        *_OTHER_SPDX,
        *(row[0] for row in LICENCES),
    )
}
# Open Definition ids (opendefinition.org/licenses/<id>, CKAN's licence register) and the
# SPDX-like ids its newer list uses where they differ from SPDX's.
OPEN_DEFINITION = {
    "cc-zero": "CC0-1.0",
    "cc-by": "CC-BY-4.0",
    "cc-by-sa": "CC-BY-SA-4.0",
    "odc-odbl": "ODbL-1.0",
    "odc-by": "ODC-By-1.0",
    "odc-pddl": "PDDL-1.0",
    "odc-odbl-1.0": "ODbL-1.0",
    "odc-by-1.0": "ODC-By-1.0",
    "odc-pddl-1.0": "PDDL-1.0",
    "uk-ogl": "OGL-UK-3.0",
    "gfdl": "GFDL-1.3",
}
# Titles that are not Creative Commons ones (those are parsed), lower case.
NAMES = {
    "open data commons open database license": "ODbL-1.0",
    "open data commons open database license (odbl)": "ODbL-1.0",
    "open data commons attribution license": "ODC-By-1.0",
    "open data commons public domain dedication and license": "PDDL-1.0",
    "open data commons public domain dedication and licence (pddl)": "PDDL-1.0",
    "licence ouverte / open licence version 2.0": "etalab-2.0",
    "licence ouverte / open licence 2.0": "etalab-2.0",
    "licence ouverte 2.0": "etalab-2.0",
    "datenlizenz deutschland – namensnennung – version 2.0": "DL-DE-BY-2.0",
    "datenlizenz deutschland namensnennung 2.0": "DL-DE-BY-2.0",
    "datenlizenz deutschland – zero – version 2.0": "DL-DE-ZERO-2.0",
    "datenlizenz deutschland zero 2.0": "DL-DE-ZERO-2.0",
    "open government licence v3.0": "OGL-UK-3.0",
    "open government licence version 3.0": "OGL-UK-3.0",
    "open government licence - canada 2.0": "OGL-Canada-2.0",
    "european union public licence 1.2": "EUPL-1.2",
    "norwegian licence for open government data (nlod) 2.0": "NLOD-2.0",
    **{name.lower(): spdx for spdx, name, *_rest in LICENCES},
}

_CC_URL = re.compile(
    r"^creativecommons\.org/licenses/([a-z-]+)/(\d\.\d)(?:/([a-z]{2,3}))?(?:/|$)", re.I
)
_CC_ZERO_URL = re.compile(r"^creativecommons\.org/publicdomain/zero/1\.0(?:/|$)", re.I)
_EU_CODE = re.compile(r"^CC_(BY(?:NC)?(?:SA|ND)?)_(\d)_(\d)$")
_WORDS = (
    (r"creative\s*commons", "cc"),
    (r"\b(?:namensnennung|attribution|paternit[ée])\b", "by"),
    (r"\bnon[- ]?commercial\b|\bnicht[- ]?kommerziell\b|\bpas d'utilisation commerciale\b", "nc"),
    (r"\bshare[- ]?alike\b|\bweitergabe unter gleichen bedingungen\b", "sa"),
    (r"\bno[- ]?deriv(?:ative)?s?\b|\bkeine bearbeitungen?\b|\bkeine bearbeitung\b", "nd"),
    (r"\b(?:international|unported|generic|public|license|licence|lizenz|version)\b", " "),
)
_CC_TITLE = re.compile(r"^cc[ -]?((?:by)(?:[ -](?:nc|sa|nd))*)[ -]*v?(\d\.\d)?[ -]*([a-z]{2,3})?$")


def _cc(kind: str, version: str, port: str = "") -> str:
    parts = kind.lower().replace(" ", "-").split("-")
    ordered = ["by", *(p for p in ("nc", "sa", "nd") if p in parts)]
    key = "-".join(ordered)
    if key not in _CC_KINDS or version not in _CC_VERSIONS:
        return ""
    spdx = f"CC-{key.upper()}-{version}"
    if port:
        ported = f"{spdx}-{port.upper()}"
        return ported if ported in _CC_PORTED else ""
    return spdx


def _key(raw: str) -> str:
    key = raw.strip().lower()
    key = re.sub(r"^https?://", "", key)
    key = re.sub(r"^www\.", "", key)
    key = re.sub(r"/(?:legalcode|deed)(?:\.[a-z-]+)?$", "", key.rstrip("/"))
    return re.sub(r"\.(?:html?|json)$", "", key).rstrip("/")


def licence_from_name(value: str) -> str:
    """SPDX id for a licence id, URL or title, or "" when it cannot be told for sure."""
    raw = (value or "").strip()
    if not raw or len(raw) > 300:
        return ""
    key = _key(raw)
    if "/authority/licence/" in key:
        return _eu_code(raw.rstrip("/").rsplit("/", 1)[-1].upper())
    for prefix in ("spdx.org/licenses/", "opendefinition.org/licenses/"):
        if key.startswith(prefix):
            key = key.removeprefix(prefix)
    if key in SPDX_IDS:
        return SPDX_IDS[key]
    if key in OPEN_DEFINITION:
        return OPEN_DEFINITION[key]
    if _CC_ZERO_URL.match(key):
        return "CC0-1.0"
    if match := _CC_URL.match(key):
        return _cc(match.group(1), match.group(2), match.group(3) or "")
    return _from_title(raw)


def _eu_code(code: str) -> str:
    """An EU licence authority code: ``CC_BYNCSA_4_0`` or ``EUPL_1_1``-like ones."""
    if match := _EU_CODE.match(code):
        kind = "-".join(["by", *re.findall(r"NC|SA|ND", match.group(1)[2:])])
        return _cc(kind, f"{match.group(2)}.{match.group(3)}")
    spdx_like = re.sub(r"_(\d)_(\d)$", r"-\1.\2", code).replace("_", "-").lower()
    return SPDX_IDS.get(spdx_like, "")


def _from_title(raw: str) -> str:
    title = re.sub(r"\s+", " ", raw.strip().lower())
    if title in NAMES:
        return NAMES[title]
    if "(" in title:  # "Creative Commons Attribution 4.0 International (CC BY 4.0)"
        outside = re.sub(r"\([^)]*\)", " ", title).strip()
        for part in (outside, *re.findall(r"\(([^)]*)\)", title)):
            found = _from_title(part) if part and part != title else ""
            if found:
                return found
        return ""
    if "creative" not in title and not title.startswith("cc"):
        return ""
    if "zero" in title or "cc0" in title.replace(" ", ""):
        return "CC0-1.0" if re.search(r"\b1\.0\b|cc0|cczero|\bzero\b", title) else ""
    for pattern, replacement in _WORDS:
        title = re.sub(pattern, replacement, title)
    title = re.sub(r"[,()]", " ", title)
    title = re.sub(r"\s*-\s*", "-", title)
    title = re.sub(r"\s+", " ", title).strip(" -")
    match = _CC_TITLE.match(title)
    if not match or not match.group(2):  # no version given: not guessed
        return ""
    return _cc(match.group(1), match.group(2), match.group(3) or "")
