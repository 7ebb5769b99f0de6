"""The ONE mapping between catalogue codes and the EU authority tables used by DCAT-AP.

Both directions live here so the DCAT harvester (URI → code) and the DCAT-AP export
(code → URI) cannot drift apart: a round trip export → harvest gives back the same codes.
Everything is plain dicts and pure functions (no database, no network) so mappers can use
them in their pure ``map_payload``. Extend additively: other modules import these names.

Authority tables: http://publications.europa.eu/resource/authority/<table>/<CODE>
(data-theme, licence, file-type, frequency, language, country, access-right, publisher-type).
"""

from __future__ import annotations

import csv
import functools
import re

from catalogue.vocabulary_data import DATA_DIR, EU_LICENCE_BASE, EU_THEME_BASE

from .dcat_codes import (
    ACCESS_RIGHTS_TO_EU,
    DC_FREQ_TO_CODE,
    EU_FILE_TYPE_TO_FORMAT,
    EU_FREQUENCY_ALIASES,
    EU_LICENCE_TO_SPDX,
    EU_THEME_CODES,
    EU_TO_ACCESS_RIGHTS,
    FORMAT_TO_EU_FILE_TYPE,
    FORMAT_TO_MEDIA_TYPE,
    FREQUENCY_CODES,
    INSPIRE_THEME_TO_EU,
    ISO8601_TO_CODE,
    LANGUAGE_BIBLIOGRAPHIC_CODES,
    LANGUAGE_TO_EU_OVERRIDES,
    LICENCE_URL_TO_SPDX,
    MEDIA_TYPE_TO_FORMAT,
    ORG_KIND_TO_PUBLISHER_TYPE,
    PUBLISHER_TYPE_TO_ORG_KIND,
    SDG_CODES,
    SPDX_BY_LOWER,
    SPDX_TO_EU_LICENCE,
)
from .licence_names import licence_from_name
from .namespaces import ADMS, DCAT, DCT, OWL

EU_AUTHORITY = "http://publications.europa.eu/resource/authority/"
# The theme and licence tables' bases are the catalogue's own (its vocabulary data).
EU_FILE_TYPE_BASE = EU_AUTHORITY + "file-type/"
EU_FREQUENCY_BASE = EU_AUTHORITY + "frequency/"
EU_LANGUAGE_BASE = EU_AUTHORITY + "language/"
EU_COUNTRY_BASE = EU_AUTHORITY + "country/"
EU_ACCESS_RIGHT_BASE = EU_AUTHORITY + "access-right/"
EU_PUBLISHER_TYPE_BASE = EU_AUTHORITY + "publisher-type/"
UN_SDG_BASE = "http://metadata.un.org/sdg/"
IANA_MEDIA_TYPE_BASE = "http://www.iana.org/assignments/media-types/"
DC_FREQ_BASE = "http://purl.org/cld/freq/"


# --- themes ---------------------------------------------------------------------------
def theme_uri(code: str) -> str:
    """``ENVI`` → EU data-theme URI; ``SDG13`` → UN SDG KOS URI; unknown → ""."""
    code = (code or "").strip().upper()
    if code in EU_THEME_CODES:
        return EU_THEME_BASE + code
    if code in SDG_CODES:
        return UN_SDG_BASE + code[3:]
    return ""


_SDG_URI = re.compile(r"^https?://metadata\.un\.org/sdg/(\d{1,2})/?$")


def theme_code(uri: str) -> str:
    """An EU data-theme or UN SDG URI (or a bare code) → catalogue theme code, or ""."""
    value = (uri or "").strip()
    tail = _tail(value, EU_THEME_BASE).upper()
    if tail in EU_THEME_CODES:
        return tail
    match = _SDG_URI.match(value)
    if match and f"SDG{int(match.group(1))}" in SDG_CODES:
        return f"SDG{int(match.group(1))}"
    if value.upper() in EU_THEME_CODES or value.upper() in SDG_CODES:
        return value.upper()
    match = _INSPIRE_THEME.match(value)
    return INSPIRE_THEME_TO_EU.get(match.group(1).lower(), "") if match else ""


# An INSPIRE theme maps to the EU data theme it is a broadMatch of (dcat_codes).
_INSPIRE_THEME = re.compile(r"^https?://inspire\.ec\.europa\.eu/theme/([a-z]{2})/?$", re.I)


# --- licences: SPDX id ↔ EU licence authority code ------------------------------------
def licence_uri(spdx_id: str) -> str:
    """SPDX id → EU licence authority URI, or "" when the EU table has no such licence."""
    code = SPDX_TO_EU_LICENCE.get(spdx_id or "")
    return EU_LICENCE_BASE + code if code else ""


def licence_spdx(value: str) -> str:
    """An EU licence URI, a licence URL (Creative Commons, Open Definition...), an SPDX id
    or URI, or a licence's title → SPDX id, or "" (see ``licence_names``)."""
    raw = (value or "").strip()
    if not raw:
        return ""
    tail = _tail(raw, EU_LICENCE_BASE)
    if tail != raw and tail in EU_LICENCE_TO_SPDX:
        return EU_LICENCE_TO_SPDX[tail]
    key = re.sub(r"^https?://", "", raw.lower()).rstrip("/")
    key = re.sub(r"\.(html|json)$", "", key)
    if key in LICENCE_URL_TO_SPDX:
        return LICENCE_URL_TO_SPDX[key]
    if key.startswith("spdx.org/licenses/"):
        key = key.removeprefix("spdx.org/licenses/")
    # then any other way of naming one: titles, every CC version and variant, SPDX ids
    return SPDX_BY_LOWER.get(key, "") or licence_from_name(raw)


# --- file types: catalogue format code ↔ EU file-type code, and IANA media types --------
def file_type_uri(fmt: str) -> str:
    """Catalogue format code (``CSV``) → EU file-type URI, or "" when it has none."""
    code = FORMAT_TO_EU_FILE_TYPE.get((fmt or "").strip().upper())
    return EU_FILE_TYPE_BASE + code if code else ""


def format_code(value: str) -> str:
    """An EU file-type URI, an IANA media type (or its URI) or a short name → format code."""
    raw = (value or "").strip()
    if not raw:
        return ""
    tail = _tail(raw, EU_FILE_TYPE_BASE)
    if tail != raw:
        return EU_FILE_TYPE_TO_FORMAT.get(tail.upper(), tail.upper())
    media = _tail(raw, IANA_MEDIA_TYPE_BASE).split(";")[0].strip().lower()
    if media in MEDIA_TYPE_TO_FORMAT:
        return MEDIA_TYPE_TO_FORMAT[media]
    upper = raw.upper().lstrip(".")
    if upper in FORMAT_TO_EU_FILE_TYPE or upper in FORMAT_TO_MEDIA_TYPE:
        return upper
    return upper if re.fullmatch(r"[A-Z0-9][A-Z0-9_/+.-]{0,39}", upper) else ""


def media_type_for(fmt: str) -> str:
    return FORMAT_TO_MEDIA_TYPE.get((fmt or "").strip().upper(), "")


def media_type_uri(media_type: str) -> str:
    """``text/csv`` → the IANA media-types URI DCAT-AP 3 expects for dcat:mediaType."""
    media_type = (media_type or "").split(";")[0].strip().lower()
    if not re.fullmatch(r"[a-z0-9.+-]+/[a-z0-9.+-]+", media_type):
        return ""
    return IANA_MEDIA_TYPE_BASE + media_type


# --- frequencies: catalogue Frequency value ↔ EU frequency, DC freq, ISO 8601 ----------
def frequency_uri(code: str) -> str:
    code = (code or "").strip().upper()
    return EU_FREQUENCY_BASE + code if code in FREQUENCY_CODES else ""


def frequency_code(value: str) -> str:
    """EU frequency URI, Dublin Core freq URI, ISO 8601 duration or bare code → code, or ""."""
    raw = (value or "").strip()
    if not raw:
        return ""
    if raw.startswith(DC_FREQ_BASE):
        return DC_FREQ_TO_CODE.get(raw.removeprefix(DC_FREQ_BASE), "")
    if raw in ISO8601_TO_CODE:
        return ISO8601_TO_CODE[raw]
    code = _tail(raw, EU_FREQUENCY_BASE).upper()
    if code in FREQUENCY_CODES:
        return code
    return EU_FREQUENCY_ALIASES.get(code, DC_FREQ_TO_CODE.get(raw.lower(), ""))


# --- languages (ISO 639-1 ↔ EU language, which uses ISO 639-2/T upper case) -------------
@functools.cache
def _languages() -> tuple[dict[str, str], dict[str, str]]:
    to_eu: dict[str, str] = {}
    with (DATA_DIR / "languages.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            to_eu[row["code"].lower()] = row["alpha3"].upper()
    to_eu.update(LANGUAGE_TO_EU_OVERRIDES)
    from_eu = {eu: two for two, eu in to_eu.items()}
    from_eu.update(LANGUAGE_BIBLIOGRAPHIC_CODES)
    return to_eu, from_eu


def language_uri(code: str) -> str:
    eu = _languages()[0].get((code or "").strip().lower())
    return EU_LANGUAGE_BASE + eu if eu else ""


def language_code(value: str) -> str:
    """EU language URI, ISO 639-2 code, ISO 639-1 code or a BCP 47 tag → ISO 639-1, or ""."""
    raw = (value or "").strip()
    to_eu, from_eu = _languages()
    tail = _tail(raw, EU_LANGUAGE_BASE)
    if tail.upper() in from_eu and (tail != raw or len(raw) == 3):
        return from_eu[tail.upper()]
    primary = re.split(r"[-_]", raw.lower())[0] if raw else ""
    return primary if primary in to_eu else ""


# --- countries (ISO 3166-1 alpha-2 ↔ EU country, which uses alpha-3) --------------------
@functools.cache
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    to_eu: dict[str, str] = {}
    with (DATA_DIR / "countries.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            to_eu[row["code"].upper()] = row["alpha3"].upper()
    return to_eu, {eu: two for two, eu in to_eu.items()}


def country_uri(code: str) -> str:
    eu = _countries()[0].get((code or "").strip().upper())
    return EU_COUNTRY_BASE + eu if eu else ""


def country_code(value: str) -> str:
    """EU country URI, alpha-3 or alpha-2 code → ISO 3166-1 alpha-2, or ""."""
    raw = (value or "").strip()
    to_eu, from_eu = _countries()
    tail = _tail(raw, EU_COUNTRY_BASE).upper()
    if tail in from_eu:
        return from_eu[tail]
    return tail if tail in to_eu else ""


# --- access rights ----------------------------------------------------------------------
def access_rights_uri(code: str) -> str:
    eu = ACCESS_RIGHTS_TO_EU.get(code or "")
    return EU_ACCESS_RIGHT_BASE + eu if eu else ""


def access_rights_code(value: str) -> str:
    """EU access-right URI or a POD accessLevel (public / restricted public / non-public)."""
    raw = (value or "").strip()
    tail = _tail(raw, EU_ACCESS_RIGHT_BASE).upper().replace(" ", "_").replace("-", "_")
    if tail in EU_TO_ACCESS_RIGHTS:
        return EU_TO_ACCESS_RIGHTS[tail]
    return {"RESTRICTED_PUBLIC": "restricted", "SENSITIVE": "restricted"}.get(tail, "")


# --- publisher types (OrganisationKind ↔ EU publisher-type) -----------------------------
def publisher_type_uri(kind: str) -> str:
    eu = ORG_KIND_TO_PUBLISHER_TYPE.get(kind or "")
    return EU_PUBLISHER_TYPE_BASE + eu if eu else ""


def organisation_kind(value: str) -> str:
    """EU (or ADMS) publisher-type URI → OrganisationKind value, or "" when unknown."""
    tail = (value or "").strip().rstrip("/").rsplit("/", 1)[-1]
    return PUBLISHER_TYPE_TO_ORG_KIND.get(tail, "")


def _tail(value: str, base: str) -> str:
    """The code after an authority base (http or https), else the value itself."""
    for prefix in (base, base.replace("http://", "https://", 1)):
        if value.startswith(prefix):
            return value[len(prefix) :].strip("/")
    return value


# --- properties: which RDF property carries which text field, both ways -----------------
# The export writes the first property of each tuple; the DCAT harvester reads them in order
# (the later ones are what other profiles use for the same field). Keeping the pairs here
# means a field the export starts writing is a field the harvester reads back.
TEXT_PROPERTIES: dict[str, tuple[str, ...]] = {
    # dct:abstract: a short summary beside the (mandatory) dct:description
    "summary": (DCT + "abstract",),
    # dcat:version is DCAT 3's, on dcat:Resource, so on datasets and data services alike
    "version": (DCAT + "version", OWL + "versionInfo", ADMS + "version"),
}
