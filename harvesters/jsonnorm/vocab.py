"""Themes, languages and countries from free text, codes or EU authority URIs.

The tables come from the catalogue's own seed files (read once, no database), so a mapper stays
a pure function and always agrees with the vocabularies the loader links to.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from typing import Any

from catalogue.vocabulary_data import EU_THEMES
from harvesters.jsonnorm.values import text_list

_EU_THEMES = frozenset(code for code, _slug, _name in EU_THEMES)
# Words found in portal categories (English, French, German, Dutch) → EU data theme.
_THEME_WORDS: tuple[tuple[str, str], ...] = (
    ("agricult", "AGRI"),
    ("fisher", "AGRI"),
    ("forest", "AGRI"),
    ("food", "AGRI"),
    ("landwirtschaft", "AGRI"),
    ("econom", "ECON"),
    ("financ", "ECON"),
    ("budget", "ECON"),
    ("business", "ECON"),
    ("procurement", "ECON"),
    ("wirtschaft", "ECON"),
    ("commerce", "ECON"),
    ("tourism", "ECON"),
    ("educat", "EDUC"),
    ("cultur", "EDUC"),
    ("sport", "EDUC"),
    ("heritage", "EDUC"),
    ("bildung", "EDUC"),
    ("patrimoine", "EDUC"),
    ("energ", "ENER"),
    ("environ", "ENVI"),
    ("climat", "ENVI"),
    ("climate", "ENVI"),
    ("umwelt", "ENVI"),
    ("nature", "ENVI"),
    ("weather", "ENVI"),
    ("ecolog", "ENVI"),
    ("government", "GOVE"),
    ("administration", "GOVE"),
    ("public sector", "GOVE"),
    ("council", "GOVE"),
    ("citizenship", "GOVE"),
    ("politi", "GOVE"),
    ("verwaltung", "GOVE"),
    ("health", "HEAL"),
    ("santé", "HEAL"),
    ("sante", "HEAL"),
    ("gesundheit", "HEAL"),
    ("international", "INTR"),
    ("foreign", "INTR"),
    ("justice", "JUST"),
    ("safety", "JUST"),
    ("security", "JUST"),
    ("crime", "JUST"),
    ("legal", "JUST"),
    ("law", "JUST"),
    ("police", "JUST"),
    ("emergenc", "JUST"),
    ("region", "REGI"),
    ("cities", "REGI"),
    ("city", "REGI"),
    ("urban", "REGI"),
    ("planning", "REGI"),
    ("housing", "REGI"),
    ("boundar", "REGI"),
    ("territo", "REGI"),
    ("aménagement", "REGI"),
    ("logement", "REGI"),
    ("population", "SOCI"),
    ("societ", "SOCI"),
    ("social", "SOCI"),
    ("demograph", "SOCI"),
    ("consumer", "SOCI"),
    ("bevölkerung", "SOCI"),
    ("science", "TECH"),
    ("technolog", "TECH"),
    ("research", "TECH"),
    ("innovation", "TECH"),
    ("transport", "TRAN"),
    ("mobilit", "TRAN"),
    ("traffic", "TRAN"),
    ("verkehr", "TRAN"),
    ("déplacer", "TRAN"),
    ("deplacer", "TRAN"),
    ("parking", "TRAN"),
    ("transit", "TRAN"),
)
_EU_THEME_URI = re.compile(r"/data-theme/([A-Za-z]{4})/?$")
_SDG = re.compile(r"^(?:sdg|un sdg|goal)\s*[-_ ]?(\d{1,2})\b", re.I)
_SDG_URI = re.compile(r"metadata\.un\.org/sdg/(\d{1,2})/?$")


def themes(value: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(EU/SDG theme codes, the labels that did not map) from labels, codes or URIs."""
    codes: dict[str, None] = {}
    unmapped: list[str] = []
    for label in text_list(value, max_items=50):
        found = theme_codes(label)
        if found:
            codes.update(dict.fromkeys(found))
        else:
            unmapped.append(label)
    return tuple(codes), tuple(unmapped)


@lru_cache(maxsize=4096)
def theme_codes(label: str) -> tuple[str, ...]:
    """Theme codes for one label (cached: portals repeat a handful of category names)."""
    label = label.strip()[:300]
    if match := _EU_THEME_URI.search(label):
        code = match.group(1).upper()
        return (code,) if code in _EU_THEMES else ()
    if label.upper() in _EU_THEMES:
        return (label.upper(),)
    if (match := _SDG.match(label)) or (match := _SDG_URI.search(label)):
        number = int(match.group(1))
        return (f"SDG{number}",) if 1 <= number <= 17 else ()
    lowered = label.lower()
    found: dict[str, None] = {}
    for pattern, code in _THEME_PATTERNS:
        if pattern.search(lowered):
            found[code] = None
    return tuple(found)


# A word matches at the start of a word only ("sport" must not match "transport").
_THEME_PATTERNS = tuple(
    (re.compile(r"(?<!\w)" + re.escape(word)), code) for word, code in _THEME_WORDS
)


@lru_cache(maxsize=1)
def _languages() -> dict[str, str]:
    from catalogue.vocabulary_data import DATA_DIR

    table: dict[str, str] = {}
    with (DATA_DIR / "languages.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code = row["code"].lower()
            table[code] = code
            table[row["alpha3"].lower()] = code
            table[row["name"].lower()] = code
    table.update({"fra": "fr", "deu": "de", "nld": "nl", "ces": "cs", "zho": "zh"})
    return table


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    from catalogue.vocabulary_data import DATA_DIR

    table: dict[str, str] = {}
    with (DATA_DIR / "countries.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code = row["code"].upper()
            table[code.lower()] = code
            table[row["alpha3"].lower()] = code
            table[row["name"].lower()] = code
    return table


def languages(value: Any) -> tuple[str, ...]:
    """ISO 639-1 codes from "en", "en-US", "English", "eng" or EU language URIs."""
    table = _languages()
    found: dict[str, None] = {}
    for raw in (
        text_list(value, max_items=30, split=",")
        if isinstance(value, str)
        else text_list(value, max_items=30)
    ):
        key = raw.rstrip("/").rsplit("/", 1)[-1].lower().strip()
        key = key.split("-")[0].split("_")[0] if len(key) > 3 and key[2] in "-_" else key
        code = table.get(key)
        if code:
            found[code] = None
    return tuple(found)


def countries(value: Any) -> tuple[str, ...]:
    """ISO 3166-1 alpha-2 codes from codes, names or EU country URIs (…/country/BEL)."""
    table = _countries()
    found: dict[str, None] = {}
    for raw in text_list(value, max_items=50):
        key = raw.rstrip("/").rsplit("/", 1)[-1].lower().strip()
        code = table.get(key)
        if code:
            found[code] = None
    return tuple(found)
