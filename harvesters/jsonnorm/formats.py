"""Distribution formats and IANA media types: one short upper-case name, one media type."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from harvesters.jsonnorm.values import text

# format name → its IANA media type ("" when it has none)
MEDIA_TYPES: dict[str, str] = {
    "CSV": "text/csv",
    "TSV": "text/tab-separated-values",
    "JSON": "application/json",
    "GEOJSON": "application/geo+json",
    "JSONLD": "application/ld+json",
    "XML": "application/xml",
    "RDF": "application/rdf+xml",
    "TTL": "text/turtle",
    "XLS": "application/vnd.ms-excel",
    "XLSX": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ODS": "application/vnd.oasis.opendocument.spreadsheet",
    "DOC": "application/msword",
    "DOCX": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "ODT": "application/vnd.oasis.opendocument.text",
    "PDF": "application/pdf",
    "TXT": "text/plain",
    "HTML": "text/html",
    "ZIP": "application/zip",
    "GZIP": "application/gzip",
    "SHP": "application/zip",
    "KML": "application/vnd.google-earth.kml+xml",
    "KMZ": "application/vnd.google-earth.kmz",
    "GPX": "application/gpx+xml",
    "GML": "application/gml+xml",
    "GPKG": "application/geopackage+sqlite3",
    "PNG": "image/png",
    "JPEG": "image/jpeg",
    "TIFF": "image/tiff",
    "GEOTIFF": "image/tiff",
    "PARQUET": "application/vnd.apache.parquet",
    "NETCDF": "application/x-netcdf",
    "SQL": "application/sql",
    "GTFS": "application/zip",
    "WMS": "",
    "WFS": "",
    "WMTS": "",
    "ESRI REST": "",
    "API": "",
    "FGDB": "",
    "SPARQL": "application/sparql-results+json",
    "RSS": "application/rss+xml",
    "ATOM": "application/atom+xml",
}
_ALIASES: dict[str, str] = {
    "WEB PAGE": "HTML",
    "WEBPAGE": "HTML",
    "HTM": "HTML",
    "TEXT": "TXT",
    "PLAIN": "TXT",
    "EXCEL": "XLS",
    "MS EXCEL": "XLS",
    "GEO JSON": "GEOJSON",
    "JSON-LD": "JSONLD",
    "RDF/XML": "RDF",
    "RDF-XML": "RDF",
    "TURTLE": "TTL",
    "SHAPEFILE": "SHP",
    "SHAPEFILE (ZIP)": "SHP",
    "ESRI SHAPEFILE": "SHP",
    "ZIPPED SHAPEFILE": "SHP",
    "SHP.ZIP": "SHP",
    "JPG": "JPEG",
    "TIF": "TIFF",
    "GZ": "GZIP",
    "NC": "NETCDF",
    "ARCGIS GEOSERVICES REST API": "ESRI REST",
    "ESRI REST API": "ESRI REST",
    "ARCGIS REST": "ESRI REST",
    "ARCGIS MAPSERVER": "ESRI REST",
    "OGC WMS": "WMS",
    "OGC:WMS": "WMS",
    "OGC:WFS": "WFS",
    "OGC:WMTS": "WMTS",
    "GEOPACKAGE": "GPKG",
    "FILE GEODATABASE": "FGDB",
    "ESRI FILE GEODATABASE": "FGDB",
    "ARCGIS SERVER MAP SERVICE": "ESRI REST",
    "ARCGIS MAP SERVICE": "ESRI REST",
    "API ARCGIS SERVER MAP SERVICE": "ESRI REST",
    "ESRI REST": "ESRI REST",
    "OGC WFS": "WFS",
    "REST": "API",
    "OPENAPI": "API",
}
_BY_MEDIA_TYPE: dict[str, str] = {}
for _name, _media in MEDIA_TYPES.items():
    if _media and _media not in _BY_MEDIA_TYPE:
        _BY_MEDIA_TYPE[_media] = _name
_BY_MEDIA_TYPE.update(
    {
        "application/xls": "XLS",
        "application/x-excel": "XLS",
        "application/excel": "XLS",
        "text/xml": "XML",
        "application/vnd.geo+json": "GEOJSON",
        "application/x-zip-compressed": "ZIP",
        "application/zip": "ZIP",
        "application/csv": "CSV",
        "text/comma-separated-values": "CSV",
        "application/x-shapefile": "SHP",
        "application/vnd.ms-excel.sheet.macroenabled.12": "XLSX",
    }
)
_MEDIA_TYPE = re.compile(r"^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$")


def normalise_format(
    fmt: Any, media_type: Any = "", url: Any = "", warnings: list[str] | None = None
) -> tuple[str, str]:
    """(FORMAT, media/type) from whatever a distribution gave; each may be ""."""
    raw_format = text(fmt)
    raw_media = text(media_type)
    name, media, unknown = _lookup(raw_format[:100], raw_media[:200])
    if not name:
        name = _from_url(text(url))
        if name and not media:
            media = MEDIA_TYPES.get(name, "")
    if unknown and not name:
        if warnings is not None:
            warnings.append(f"format: unknown format {raw_format[:40]!r} kept as given")
        name = unknown
    return name, media


@lru_cache(maxsize=2048)
def _lookup(raw_format: str, raw_media: str) -> tuple[str, str, str]:
    """(name, media type, cleaned unknown name) for a format/media-type pair; cached, as a
    portal repeats a handful of pairs across thousands of distributions."""
    raw_media = raw_media.lower().split(";")[0].strip()
    media = raw_media if _MEDIA_TYPE.match(raw_media) else ""
    name = _format_name(raw_format)
    if not name and raw_format and "/" in raw_format:  # some portals put a media type here
        media = media or raw_format.lower().strip()
        name = _BY_MEDIA_TYPE.get(media, "")
    if not name and media:
        name = _BY_MEDIA_TYPE.get(media, "")
    unknown = ""
    if raw_format and not name:
        unknown = re.sub(r"[^A-Z0-9 .+-]", "", raw_format.upper())[:20].strip()
    if not media and name:
        media = MEDIA_TYPES.get(name, "")
    return name, media, unknown


def _format_name(raw: str) -> str:
    key = raw.strip().upper().lstrip(".")
    if not key:
        return ""
    if key in MEDIA_TYPES:
        return key
    if key in _ALIASES:
        return _ALIASES[key]
    lowered = raw.strip().lower()
    if lowered in _BY_MEDIA_TYPE:
        return _BY_MEDIA_TYPE[lowered]
    return ""


def _from_url(raw_url: str) -> str:
    try:
        path = urlsplit(raw_url).path.lower()
    except ValueError:
        return ""
    if path.endswith(".shp.zip"):
        return "SHP"
    suffix = path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else ""
    return _format_name(suffix) if suffix and len(suffix) <= 8 else ""
