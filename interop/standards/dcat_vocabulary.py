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
EU_THEME_CODES = (
    "AGRI",
    "ECON",
    "EDUC",
    "ENER",
    "ENVI",
    "GOVE",
    "HEAL",
    "INTR",
    "JUST",
    "REGI",
    "SOCI",
    "TECH",
    "TRAN",
)
SDG_CODES = tuple(f"SDG{n}" for n in range(1, 18))


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
    return ""


# --- licences: SPDX id ↔ EU licence authority code ------------------------------------
SPDX_TO_EU_LICENCE = {
    "CC0-1.0": "CC0",
    "CC-BY-4.0": "CC_BY_4_0",
    "CC-BY-SA-4.0": "CC_BYSA_4_0",
    "CC-BY-3.0": "CC_BY_3_0",
    "CC-BY-NC-4.0": "CC_BYNC_4_0",
    "CC-BY-ND-4.0": "CC_BYND_4_0",
    "ODbL-1.0": "ODBL",
    "ODC-By-1.0": "ODC_BY",
    "PDDL-1.0": "PDDL",
    "OGL-UK-3.0": "OGL_3_0",
    "etalab-2.0": "ETALAB_2_0",
    "DL-DE-BY-2.0": "DL_DE_BY_2_0",
    "DL-DE-ZERO-2.0": "DL_DE_ZERO_2_0",
    "EUPL-1.2": "EUPL_1_2",
    "MIT": "MIT",
    "Apache-2.0": "APACHE_2_0",
    "LicenseRef-proprietary": "COM_REUSE",
}
EU_LICENCE_TO_SPDX = {eu: spdx for spdx, eu in SPDX_TO_EU_LICENCE.items()}

# Well-known licence URLs portals use instead of authority URIs (lower-cased, no scheme,
# no trailing slash) → SPDX id.
LICENCE_URL_TO_SPDX = {
    "creativecommons.org/publicdomain/zero/1.0": "CC0-1.0",
    "creativecommons.org/licenses/by/4.0": "CC-BY-4.0",
    "creativecommons.org/licenses/by-sa/4.0": "CC-BY-SA-4.0",
    "creativecommons.org/licenses/by/3.0": "CC-BY-3.0",
    "creativecommons.org/licenses/by-nc/4.0": "CC-BY-NC-4.0",
    "creativecommons.org/licenses/by-nd/4.0": "CC-BY-ND-4.0",
    "opendatacommons.org/licenses/odbl/1-0": "ODbL-1.0",
    "opendatacommons.org/licenses/odbl": "ODbL-1.0",
    "opendatacommons.org/licenses/by/1-0": "ODC-By-1.0",
    "opendatacommons.org/licenses/pddl/1-0": "PDDL-1.0",
    "www.nationalarchives.gov.uk/doc/open-government-licence/version/3": "OGL-UK-3.0",
    "open.canada.ca/en/open-government-licence-canada": "OGL-Canada-2.0",
    "www.etalab.gouv.fr/licence-ouverte-open-licence": "etalab-2.0",
    "www.govdata.de/dl-de/by-2-0": "DL-DE-BY-2.0",
    "www.govdata.de/dl-de/zero-2-0": "DL-DE-ZERO-2.0",
    "opensource.org/license/mit": "MIT",
    "opensource.org/licenses/mit": "MIT",
    "www.apache.org/licenses/license-2.0": "Apache-2.0",
    "www.usa.gov/government-works": "US-PD",
    "spdx.org/licenses/cc-by-4.0": "CC-BY-4.0",
    # Open Definition ids (ckanext-dcat, older CKAN) and DCAT-AP.de licence URIs
    "www.opendefinition.org/licenses/cc-zero": "CC0-1.0",
    "www.opendefinition.org/licenses/cc-by": "CC-BY-4.0",
    "www.opendefinition.org/licenses/cc-by-sa": "CC-BY-SA-4.0",
    "www.opendefinition.org/licenses/odc-odbl": "ODbL-1.0",
    "www.opendefinition.org/licenses/odc-by": "ODC-By-1.0",
    "www.opendefinition.org/licenses/odc-pddl": "PDDL-1.0",
    "opendefinition.org/licenses/cc-zero": "CC0-1.0",
    "opendefinition.org/licenses/odc-odbl": "ODbL-1.0",
    "dcat-ap.de/def/licenses/cc-zero": "CC0-1.0",
    "dcat-ap.de/def/licenses/cc-by/4.0": "CC-BY-4.0",
    "dcat-ap.de/def/licenses/cc-by-sa/4.0": "CC-BY-SA-4.0",
    "dcat-ap.de/def/licenses/dl-by-de/2.0": "DL-DE-BY-2.0",
    "dcat-ap.de/def/licenses/dl-zero-de/2.0": "DL-DE-ZERO-2.0",
    "dcat-ap.de/def/licenses/odbl": "ODbL-1.0",
}
_SPDX_BY_LOWER = {
    s.lower(): s for s in [*SPDX_TO_EU_LICENCE, "OGL-Canada-2.0", "US-PD", "LicenseRef-unspecified"]
}


def licence_uri(spdx_id: str) -> str:
    """SPDX id → EU licence authority URI, or "" when the EU table has no such licence."""
    code = SPDX_TO_EU_LICENCE.get(spdx_id or "")
    return EU_LICENCE_BASE + code if code else ""


def licence_spdx(value: str) -> str:
    """An EU licence URI, a known licence URL, an SPDX URI or a bare SPDX id → SPDX id, or ""."""
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
    return _SPDX_BY_LOWER.get(key, "")


# --- file types: catalogue format code ↔ EU file-type code, and IANA media types --------
# Catalogue format codes are upper-case short names (Distribution.format).
FORMAT_TO_EU_FILE_TYPE = {
    "CSV": "CSV",
    "TSV": "TSV",
    "JSON": "JSON",
    "JSON-LD": "JSON_LD",
    "GEOJSON": "GEOJSON",
    "XML": "XML",
    "XLS": "XLS",
    "XLSX": "XLSX",
    "ODS": "ODS",
    "PDF": "PDF",
    "HTML": "HTML",
    "TXT": "TXT",
    "ZIP": "ZIP",
    "GZIP": "GZIP",
    "RDF": "RDF",
    "RDF/XML": "RDF_XML",
    "TTL": "RDF_TURTLE",
    "TURTLE": "RDF_TURTLE",
    "N-TRIPLES": "RDF_N_TRIPLES",
    "SHP": "SHP",
    "KML": "KML",
    "KMZ": "KMZ",
    "GML": "GML",
    "GPKG": "GPKG",
    "WMS": "WMS_SRVC",
    "WFS": "WFS_SRVC",
    "PARQUET": "PARQUET",
    "NETCDF": "NETCDF",
    "DOCX": "DOCX",
    "DOC": "DOC",
    "ODT": "ODT",
    "PNG": "PNG",
    "JPEG": "JPEG",
    "TIFF": "TIFF",
    "GTFS": "GTFS",
    "API": "REST",
    "REST": "REST",
    "SPARQL": "SPARQLQ",
    "ATOM": "ATOM",
    "RSS": "RSS",
    "YAML": "YAML",
    "SQL": "SQL",
    "MDB": "MDB",
    "DBF": "DBF",
    "GRIB": "GRIB",
    "HDF": "HDF",
}
EU_FILE_TYPE_TO_FORMAT = {}
for _fmt, _eu in FORMAT_TO_EU_FILE_TYPE.items():
    EU_FILE_TYPE_TO_FORMAT.setdefault(_eu, _fmt)
EU_FILE_TYPE_TO_FORMAT["RDF_TURTLE"] = "TURTLE"
EU_FILE_TYPE_TO_FORMAT["REST"] = "API"

FORMAT_TO_MEDIA_TYPE = {
    "CSV": "text/csv",
    "TSV": "text/tab-separated-values",
    "JSON": "application/json",
    "JSON-LD": "application/ld+json",
    "GEOJSON": "application/geo+json",
    "XML": "application/xml",
    "XLS": "application/vnd.ms-excel",
    "XLSX": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ODS": "application/vnd.oasis.opendocument.spreadsheet",
    "PDF": "application/pdf",
    "HTML": "text/html",
    "TXT": "text/plain",
    "ZIP": "application/zip",
    "GZIP": "application/gzip",
    "RDF/XML": "application/rdf+xml",
    "RDF": "application/rdf+xml",
    "TURTLE": "text/turtle",
    "TTL": "text/turtle",
    "N-TRIPLES": "application/n-triples",
    "KML": "application/vnd.google-earth.kml+xml",
    "KMZ": "application/vnd.google-earth.kmz",
    "GML": "application/gml+xml",
    "GPKG": "application/geopackage+sqlite3",
    "PARQUET": "application/vnd.apache.parquet",
    "NETCDF": "application/x-netcdf",
    "DOCX": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "PNG": "image/png",
    "JPEG": "image/jpeg",
    "TIFF": "image/tiff",
    "ATOM": "application/atom+xml",
    "RSS": "application/rss+xml",
    "YAML": "application/yaml",
    "SQL": "application/sql",
}
MEDIA_TYPE_TO_FORMAT = {}
for _fmt, _mt in FORMAT_TO_MEDIA_TYPE.items():
    MEDIA_TYPE_TO_FORMAT.setdefault(_mt, _fmt)
MEDIA_TYPE_TO_FORMAT.update(
    {
        "text/xml": "XML",
        "application/vnd.geo+json": "GEOJSON",
        "application/x-zip-compressed": "ZIP",
        "text/json": "JSON",
    }
)


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
FREQUENCY_CODES = (
    "CONT",
    "DAILY",
    "WEEKLY",
    "MONTHLY",
    "QUARTERLY",
    "ANNUAL",
    "IRREG",
    "NEVER",
    "UNKNOWN",
)
# EU frequency codes the catalogue folds into its coarser list.
EU_FREQUENCY_ALIASES = {
    "UPDATE_CONT": "CONT",
    "HOURLY": "CONT",
    "1MIN": "CONT",
    "5MIN": "CONT",
    "10MIN": "CONT",
    "15MIN": "CONT",
    "30MIN": "CONT",
    "12HRS": "DAILY",
    "BIHOURLY": "CONT",
    "TRIHOURLY": "CONT",
    "DAILY_2": "DAILY",
    "WEEKLY_2": "WEEKLY",
    "WEEKLY_3": "WEEKLY",
    "BIWEEKLY": "WEEKLY",
    "MONTHLY_2": "MONTHLY",
    "MONTHLY_3": "MONTHLY",
    "BIMONTHLY": "MONTHLY",
    "ANNUAL_2": "QUARTERLY",
    "ANNUAL_3": "QUARTERLY",
    "BIENNIAL": "ANNUAL",
    "TRIENNIAL": "ANNUAL",
    "QUADRENNIAL": "ANNUAL",
    "QUINQUENNIAL": "ANNUAL",
    "DECENNIAL": "ANNUAL",
    "OTHER": "IRREG",
    "AS_NEEDED": "IRREG",
    "NOT_PLANNED": "NEVER",
    "OP_DATPRO": "UNKNOWN",
}
DC_FREQ_TO_CODE = {
    "continuous": "CONT",
    "daily": "DAILY",
    "weekly": "WEEKLY",
    "monthly": "MONTHLY",
    "quarterly": "QUARTERLY",
    "annual": "ANNUAL",
    "irregular": "IRREG",
    "biweekly": "WEEKLY",
    "bimonthly": "MONTHLY",
    "semiweekly": "WEEKLY",
    "threeTimesAWeek": "WEEKLY",
    "semimonthly": "MONTHLY",
    "threeTimesAMonth": "MONTHLY",
    "semiannual": "QUARTERLY",
    "threeTimesAYear": "QUARTERLY",
    "biennial": "ANNUAL",
    "triennial": "ANNUAL",
}
# Project Open Data / DCAT-US accrualPeriodicity (ISO 8601 repeating durations).
CODE_TO_ISO8601 = {
    "CONT": "R/PT1S",
    "DAILY": "R/P1D",
    "WEEKLY": "R/P1W",
    "MONTHLY": "R/P1M",
    "QUARTERLY": "R/P3M",
    "ANNUAL": "R/P1Y",
    "IRREG": "irregular",
}
ISO8601_TO_CODE = {iso: code for code, iso in CODE_TO_ISO8601.items()}
ISO8601_TO_CODE.update(
    {
        "R/PT1H": "CONT",
        "R/P2W": "WEEKLY",
        "R/P0.5M": "MONTHLY",
        "R/P2M": "MONTHLY",
        "R/P4M": "QUARTERLY",
        "R/P6M": "QUARTERLY",
        "R/P2Y": "ANNUAL",
        "R/P3Y": "ANNUAL",
        "R/P4Y": "ANNUAL",
        "R/P10Y": "ANNUAL",
        "R/P3.5D": "WEEKLY",
        "R/P0.33W": "WEEKLY",
        "R/P0.5W": "WEEKLY",
        "R/P0.33M": "MONTHLY",
    }
)


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


# --- languages (ISO 639-1 ↔ EU language, which uses ISO 639-2/B upper case) -------------
@functools.cache
def _languages() -> tuple[dict[str, str], dict[str, str]]:
    to_eu: dict[str, str] = {}
    with (DATA_DIR / "languages.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            to_eu[row["code"].lower()] = row["alpha3"].upper()
    to_eu.update(
        {
            "fr": "FRA",
            "de": "DEU",
            "nl": "NLD",
            "cs": "CES",
            "el": "ELL",
            "zh": "ZHO",
            "sk": "SLK",
            "ro": "RON",
            "is": "ISL",
            "mk": "MKD",
            "sq": "SQI",
            "hy": "HYE",
            "ka": "KAT",
            "eu": "EUS",
            "cy": "CYM",
            "fa": "FAS",
            "ms": "MSA",
            "my": "MYA",
            "bo": "BOD",
        }
    )
    from_eu = {eu: two for two, eu in to_eu.items()}
    # the ISO 639-2/B forms harvested records may still carry
    from_eu.update(
        {
            "FRE": "fr",
            "GER": "de",
            "DUT": "nl",
            "CZE": "cs",
            "GRE": "el",
            "CHI": "zh",
            "SLO": "sk",
            "RUM": "ro",
            "ICE": "is",
            "MAC": "mk",
            "ALB": "sq",
            "ARM": "hy",
            "GEO": "ka",
            "BAQ": "eu",
            "WEL": "cy",
            "PER": "fa",
            "MAY": "ms",
            "BUR": "my",
            "TIB": "bo",
        }
    )
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
ACCESS_RIGHTS_TO_EU = {"public": "PUBLIC", "restricted": "RESTRICTED", "non-public": "NON_PUBLIC"}
EU_TO_ACCESS_RIGHTS = {eu: code for code, eu in ACCESS_RIGHTS_TO_EU.items()}


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
ORG_KIND_TO_PUBLISHER_TYPE = {
    "government": "NationalAuthority",
    "business": "Company",
    "academia": "Academia-ScientificOrganisation",
    "civil-society": "NonGovernmentalOrganisation",
    "international": "InternationalOrganisation",
}
PUBLISHER_TYPE_TO_ORG_KIND = {eu: kind for kind, eu in ORG_KIND_TO_PUBLISHER_TYPE.items()}
PUBLISHER_TYPE_TO_ORG_KIND.update(
    {
        "LocalAuthority": "government",
        "RegionalAuthority": "government",
        "SupraNationalAuthority": "international",
        "IndustryConsortium": "business",
        "NonProfitOrganisation": "civil-society",
        "PrivateIndividual(s)": "civil-society",
        "StandardisationBody": "international",
    }
)


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
