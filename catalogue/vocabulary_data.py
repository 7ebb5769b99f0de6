"""The seed content of the controlled vocabularies, shared by the data migration and tests."""

from __future__ import annotations

import csv
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
EU_THEME_BASE = "http://publications.europa.eu/resource/authority/data-theme/"
EU_LICENCE_BASE = "http://publications.europa.eu/resource/authority/licence/"

EU_THEMES = [
    ("AGRI", "agriculture-fisheries-forestry-food", "Agriculture, fisheries, forestry and food"),
    ("ECON", "economy-finance", "Economy and finance"),
    ("EDUC", "education-culture-sport", "Education, culture and sport"),
    ("ENER", "energy", "Energy"),
    ("ENVI", "environment", "Environment"),
    ("GOVE", "government-public-sector", "Government and public sector"),
    ("HEAL", "health", "Health"),
    ("INTR", "international-issues", "International issues"),
    ("JUST", "justice-legal-system-public-safety", "Justice, legal system and public safety"),
    ("REGI", "regions-cities", "Regions and cities"),
    ("SOCI", "population-society", "Population and society"),
    ("TECH", "science-technology", "Science and technology"),
    ("TRAN", "transport", "Transport"),
]

UN_SDGS = [
    ("No poverty", "End poverty in all its forms everywhere."),
    ("Zero hunger", "End hunger, achieve food security and promote sustainable agriculture."),
    ("Good health and well-being", "Ensure healthy lives and promote well-being for all."),
    ("Quality education", "Ensure inclusive and equitable quality education for all."),
    ("Gender equality", "Achieve gender equality and empower all women and girls."),
    ("Clean water and sanitation", "Ensure water and sanitation for all."),
    ("Affordable and clean energy", "Ensure access to affordable, clean energy for all."),
    ("Decent work and economic growth", "Promote sustained, inclusive economic growth."),
    (
        "Industry, innovation and infrastructure",
        "Build resilient infrastructure, foster innovation.",
    ),
    ("Reduced inequalities", "Reduce inequality within and among countries."),
    ("Sustainable cities and communities", "Make cities inclusive, safe, resilient, sustainable."),
    ("Responsible consumption and production", "Ensure sustainable consumption and production."),
    ("Climate action", "Take urgent action to combat climate change and its impacts."),
    ("Life below water", "Conserve and sustainably use the oceans, seas and marine resources."),
    ("Life on land", "Protect terrestrial ecosystems, forests and biodiversity."),
    (
        "Peace, justice and strong institutions",
        "Promote peaceful, inclusive, accountable societies.",
    ),
    ("Partnerships for the goals", "Revitalise the global partnership for development."),
]

# (SPDX id, name, URL, open?, EU authority code)
LICENCES = [
    (
        "CC0-1.0",
        "Creative Commons Zero 1.0",
        "https://creativecommons.org/publicdomain/zero/1.0/",
        True,
        "CC0",
    ),
    (
        "CC-BY-4.0",
        "Creative Commons Attribution 4.0",
        "https://creativecommons.org/licenses/by/4.0/",
        True,
        "CC_BY_4_0",
    ),
    (
        "CC-BY-SA-4.0",
        "Creative Commons Attribution-ShareAlike 4.0",
        "https://creativecommons.org/licenses/by-sa/4.0/",
        True,
        "CC_BYSA_4_0",
    ),
    (
        "CC-BY-3.0",
        "Creative Commons Attribution 3.0",
        "https://creativecommons.org/licenses/by/3.0/",
        True,
        "CC_BY_3_0",
    ),
    (
        "CC-BY-NC-4.0",
        "Creative Commons Attribution-NonCommercial 4.0",
        "https://creativecommons.org/licenses/by-nc/4.0/",
        False,
        "CC_BYNC_4_0",
    ),
    (
        "CC-BY-ND-4.0",
        "Creative Commons Attribution-NoDerivatives 4.0",
        "https://creativecommons.org/licenses/by-nd/4.0/",
        False,
        "CC_BYND_4_0",
    ),
    (
        "ODbL-1.0",
        "Open Data Commons Open Database License 1.0",
        "https://opendatacommons.org/licenses/odbl/1-0/",
        True,
        "ODBL",
    ),
    (
        "ODC-By-1.0",
        "Open Data Commons Attribution License 1.0",
        "https://opendatacommons.org/licenses/by/1-0/",
        True,
        "ODC_BY",
    ),
    (
        "PDDL-1.0",
        "Open Data Commons Public Domain Dedication and License 1.0",
        "https://opendatacommons.org/licenses/pddl/1-0/",
        True,
        "PDDL",
    ),
    (
        "OGL-UK-3.0",
        "Open Government Licence v3.0 (UK)",
        "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
        True,
        "OGL_3_0",
    ),
    (
        "OGL-Canada-2.0",
        "Open Government Licence – Canada 2.0",
        "https://open.canada.ca/en/open-government-licence-canada",
        True,
        "",
    ),
    (
        "etalab-2.0",
        "Licence Ouverte / Open Licence 2.0 (Etalab)",
        "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
        True,
        "ETALAB_2_0",
    ),
    (
        "DL-DE-BY-2.0",
        "Data licence Germany – attribution – 2.0",
        "https://www.govdata.de/dl-de/by-2-0",
        True,
        "DL_DE_BY_2_0",
    ),
    (
        "DL-DE-ZERO-2.0",
        "Data licence Germany – Zero – 2.0",
        "https://www.govdata.de/dl-de/zero-2-0",
        True,
        "DL_DE_ZERO_2_0",
    ),
    (
        "EUPL-1.2",
        "European Union Public Licence 1.2",
        "https://joinup.ec.europa.eu/collection/eupl/eupl-text-eupl-12",
        True,
        "EUPL_1_2",
    ),
    ("MIT", "MIT License", "https://opensource.org/license/mit/", True, "MIT"),
    (
        "Apache-2.0",
        "Apache License 2.0",
        "https://www.apache.org/licenses/LICENSE-2.0",
        True,
        "APACHE_2_0",
    ),
    (
        "US-PD",
        "U.S. Government Work (public domain)",
        "https://www.usa.gov/government-works",
        True,
        "",
    ),
    ("LicenseRef-proprietary", "Proprietary / terms of use", "", False, "COM_REUSE"),
    ("LicenseRef-unspecified", "Licence not specified", "", False, ""),
]


def _creative_commons() -> list[tuple[str, str, str, bool, str]]:
    """Every version and variant of the Creative Commons licences, and the ports SPDX lists."""
    kinds = {
        "by": "Attribution",
        "by-sa": "Attribution-ShareAlike",
        "by-nd": "Attribution-NoDerivatives",
        "by-nc": "Attribution-NonCommercial",
        "by-nc-sa": "Attribution-NonCommercial-ShareAlike",
        "by-nc-nd": "Attribution-NonCommercial-NoDerivatives",
    }
    ports = {"2.5": ("AU",), "3.0": ("AT", "AU", "DE", "IGO", "NL", "US")}
    rows = []
    for kind, words in kinds.items():
        for version in ("1.0", "2.0", "2.5", "3.0", "4.0"):
            spdx = f"CC-{kind.upper()}-{version}"
            url = f"https://creativecommons.org/licenses/{kind}/{version}/"
            rows.append(
                (spdx, f"Creative Commons {words} {version}", url, kind in ("by", "by-sa"), "")
            )
            if kind == "by":
                for port in ports.get(version, ()):
                    rows.append(
                        (
                            f"{spdx}-{port}",
                            f"Creative Commons {words} {version} ({port})",
                            f"{url}{port.lower()}/",
                            True,
                            "",
                        )
                    )
    return rows


# Licences harvested sources name beyond the seeded ones (migration 0005_rdf_licences): the
# SPDX ids interop.standards.licence_names recognises.
HARVESTED_LICENCES = [
    row for row in _creative_commons() if row[0] not in {spdx for spdx, *_rest in LICENCES}
] + [
    ("EUPL-1.1", "European Union Public Licence 1.1", "", True, "EUPL_1_1"),
    (
        "OGL-UK-2.0",
        "Open Government Licence v2.0 (UK)",
        "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/2/",
        True,
        "",
    ),
    ("NLOD-2.0", "Norwegian Licence for Open Government Data 2.0", "", True, ""),
    ("IODL-2.0", "Italian Open Data License 2.0", "", True, ""),
]

# OC4IDS projectStatus codelist.
PROJECT_STATUSES = [
    ("identification", "Identification", "The project is being identified and assessed."),
    ("preparation", "Preparation", "Studies, design and procurement are being prepared."),
    ("implementation", "Implementation", "The project is being built or delivered."),
    ("completion", "Completion", "The project is complete and in operation or handed over."),
    ("cancelled", "Cancelled", "The project was cancelled before completion."),
]


def read_csv(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))
