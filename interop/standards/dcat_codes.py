"""The code tables behind ``dcat_vocabulary``: catalogue codes ↔ EU authority-table codes.

Plain data, kept apart from the lookup functions so the functions read in one screen and a
table grows without touching them. Extend additively: the export and the harvesters both
go through ``dcat_vocabulary``, so a code added here is exported and harvested alike.
"""

from __future__ import annotations

from catalogue.vocabulary_data import EU_THEMES

# --- themes: EU data-theme codes and UN Sustainable Development Goals
# The catalogue's own seed table is the one list of theme codes.
EU_THEME_CODES = tuple(code for code, _slug, _name in EU_THEMES)
SDG_CODES = tuple(f"SDG{n}" for n in range(1, 18))

# INSPIRE spatial data themes (http://inspire.ec.europa.eu/theme/<code>) → the EU data theme
# each is a skos:broadMatch of, per SEMIC's alignment (SEMICeu/iso-19139-to-dcat-ap,
# alignments/inspire-themes-to-mdr-data-themes.rdf), as GeoDCAT-AP harvesters send them.
INSPIRE_THEME_TO_EU = {
    "ad": "GOVE",
    "au": "GOVE",
    "rs": "TECH",
    "gg": "TECH",
    "cp": "ECON",
    "gn": "GOVE",
    "hy": "ENVI",
    "ps": "ENVI",
    "tn": "TRAN",
    "el": "TECH",
    "ge": "TECH",
    "lc": "ENVI",
    "oi": "TECH",
    "af": "AGRI",
    "am": "ENVI",
    "ac": "ENVI",
    "br": "ENVI",
    "bu": "ECON",
    "er": "ENER",
    "ef": "ENVI",
    "hb": "ENVI",
    "hh": "HEAL",
    "lu": "TECH",
    "mr": "ECON",
    "nz": "ENVI",
    "of": "ENVI",
    "pd": "SOCI",
    "pf": "ECON",
    "sr": "ENVI",
    "so": "ENVI",
    "sd": "ENVI",
    "su": "SOCI",
    "us": "GOVE",
    "mf": "ENVI",
}

# --- licences: SPDX id ↔ EU licence authority code
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
SPDX_BY_LOWER = {
    s.lower(): s for s in [*SPDX_TO_EU_LICENCE, "OGL-Canada-2.0", "US-PD", "LicenseRef-unspecified"]
}

# --- file types: catalogue format code ↔ EU file-type code, and IANA media types
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
EU_FILE_TYPE_TO_FORMAT: dict[str, str] = {}
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
MEDIA_TYPE_TO_FORMAT: dict[str, str] = {}
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

# --- frequencies: catalogue Frequency value ↔ EU frequency, DC freq, ISO 8601
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

# --- languages (ISO 639-1 ↔ EU language; the rest comes from languages.csv)
# ISO 639-1 → EU language code where the EU table uses the terminology (T) form, not the
# bibliographic one languages.csv holds.
LANGUAGE_TO_EU_OVERRIDES = {
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
# The ISO 639-2/B forms harvested records may still carry → ISO 639-1.
LANGUAGE_BIBLIOGRAPHIC_CODES = {
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

# --- access rights
ACCESS_RIGHTS_TO_EU = {"public": "PUBLIC", "restricted": "RESTRICTED", "non-public": "NON_PUBLIC"}
EU_TO_ACCESS_RIGHTS = {eu: code for code, eu in ACCESS_RIGHTS_TO_EU.items()}

# --- publisher types (OrganisationKind ↔ EU publisher-type)
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
