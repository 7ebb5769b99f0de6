"""Demo datasets, with their distributions (files, feeds and API access points)."""

from __future__ import annotations

from typing import Any


def dist(
    title: str,
    fmt: str,
    url: str,
    size: int | None = None,
    *,
    download: bool = True,
    description: str = "",
) -> dict[str, Any]:
    """A distribution: ``download`` means ``url`` is the file itself, not a page about it."""
    return {
        "title": title,
        "format": fmt,
        "url": url,
        "byte_size": size,
        "download": download,
        "description": description,
    }


NSO = "https://data.statistics.example/datasets"
NB = "https://data.northbridge.example/datasets"
TRANSPORT = "https://data.transport.example"
ENV = "https://data.environment.example"

DATASETS: list[dict[str, Any]] = [
    {
        "slug": "population-estimates-by-district",
        "title": "Population estimates by district, age and sex",
        "publisher": "national-statistics-office",
        "summary": "Mid-year population of every district by single year of age and sex, "
        "from 2011 to last year.",
        "description": "<p>Official mid-year estimates of the usually resident population, "
        "rolled forward each year from the census using births, deaths and migration. Use "
        "them to work out rates per head, plan services or weight survey results.</p>"
        "<p>Figures for the latest year are provisional and revised once the next year's "
        "estimates are out.</p>",
        "themes": ["SOCI", "REGI", "SDG11"],
        "keywords": ["population", "census", "age", "demography", "districts"],
        "licence": "CC-BY-4.0",
        "frequency": "ANNUAL",
        "temporal": ("2011-01-01", None),
        "version": "2024 release",
        "conforms_to": ["https://sdmx.org/?page_id=5008"],
        "distributions": [
            dist(
                "Estimates, all districts (CSV)",
                "CSV",
                f"{NSO}/pop-est/pop_est_district.csv",
                4_812_331,
            ),
            dist("Estimates (JSON)", "JSON", f"{NSO}/pop-est/pop_est_district.json", 9_245_010),
            dist("Methodology note", "PDF", f"{NSO}/pop-est/methodology.pdf", 612_400),
            dist(
                "Statistics API",
                "API",
                "https://api.statistics.example/v2/population",
                download=False,
                description="Query by district, age and year.",
            ),
        ],
    },
    {
        "slug": "consumer-price-index",
        "title": "Consumer price index (CPI), monthly",
        "publisher": "national-statistics-office",
        "summary": "How the prices households pay change each month, overall and for 12 "
        "spending groups.",
        "description": "<p>The consumer price index measures the change in the price of a "
        "fixed basket of about 700 goods and services. Inflation is the change over twelve "
        "months. The index is rebased so that 2020 equals 100.</p>",
        "themes": ["ECON", "SDG8"],
        "keywords": ["inflation", "prices", "CPI", "cost of living"],
        "licence": "CC-BY-4.0",
        "frequency": "MONTHLY",
        "temporal": ("1997-01-01", None),
        "distributions": [
            dist("CPI by spending group (CSV)", "CSV", f"{NSO}/cpi/cpi_monthly.csv", 1_204_556),
            dist("CPI by spending group (JSON)", "JSON", f"{NSO}/cpi/cpi_monthly.json", 2_330_118),
            dist("Statistics API", "API", "https://api.statistics.example/v2/cpi", download=False),
        ],
    },
    {
        "slug": "household-income-and-living-conditions",
        "title": "Household income and living conditions survey",
        "publisher": "national-statistics-office",
        "summary": "Income, poverty and deprivation rates by household type and region, "
        "from an annual survey of 5,000 households.",
        "description": "<p>Summary tables from the annual survey on income and living "
        "conditions: median disposable income, the at-risk-of-poverty rate, enforced "
        "deprivation and the income gap between the top and bottom fifths.</p>"
        "<p>Only aggregated tables are published here; the survey microdata are available "
        "to accredited researchers on request.</p>",
        "themes": ["SOCI", "ECON", "SDG1", "SDG10"],
        "keywords": ["income", "poverty", "deprivation", "inequality", "survey"],
        "licence": "CC-BY-4.0",
        "frequency": "ANNUAL",
        "temporal": ("2004-01-01", "2023-12-31"),
        "distributions": [
            dist("Summary tables (CSV)", "CSV", f"{NSO}/silc/silc_tables.csv", 388_920),
            dist("Annual report", "PDF", f"{NSO}/silc/silc_report_2023.pdf", 3_145_002),
        ],
    },
    {
        "slug": "bus-and-tram-stops",
        "title": "Bus and tram stops",
        "publisher": "northbridge-city-council",
        "summary": "Location, name, shelter and step-free access of every public transport "
        "stop in Northbridge.",
        "description": "<p>All 1,934 bus and tram stops in the city, with their official stop "
        "code, the routes that call there, whether there is a shelter, real-time display and "
        "level boarding. Updated when stops move or are added.</p>",
        "themes": ["TRAN", "REGI", "SDG11"],
        "keywords": ["bus stops", "tram", "accessibility", "public transport", "GIS"],
        "licence": "CC0-1.0",
        "frequency": "WEEKLY",
        "spatial": "Northbridge",
        "distributions": [
            dist("Stops (GeoJSON)", "GeoJSON", f"{NB}/stops/stops.geojson", 1_610_224),
            dist("Stops (CSV)", "CSV", f"{NB}/stops/stops.csv", 402_113),
        ],
    },
    {
        "slug": "public-transport-timetables-gtfs",
        "title": "Public transport timetables (GTFS)",
        "publisher": "tramline-mobility",
        "summary": "Scheduled trams and buses for the next 60 days in the General Transit "
        "Feed Specification, ready for journey planners.",
        "description": "<p>The complete timetable of Tramline Mobility's tram lines and 40 bus "
        "routes as a GTFS feed, rebuilt every night. Live departures and disruptions are in "
        "the Real-time departures API.</p>",
        "themes": ["TRAN", "SDG11"],
        "keywords": ["GTFS", "timetable", "schedules", "trams", "buses"],
        "licence": "CC-BY-4.0",
        "frequency": "DAILY",
        "spatial": "Northbridge",
        "conforms_to": ["https://gtfs.org/documentation/schedule/reference/"],
        "distributions": [
            dist(
                "GTFS feed (ZIP)",
                "GTFS",
                "https://developer.tramline.example/gtfs/latest.zip",
                28_440_012,
            ),
            dist(
                "Real-time departures API",
                "API",
                "https://api.tramline.example/realtime/v1",
                download=False,
            ),
        ],
    },
    {
        "slug": "road-traffic-counts",
        "title": "Road traffic counts",
        "publisher": "ministry-of-transport-and-mobility",
        "summary": "Hourly vehicle counts by vehicle type from 420 automatic counters on "
        "national roads.",
        "description": "<p>Induction-loop counters on national roads record every vehicle and "
        "classify it as a car, van, bus or heavy goods vehicle. This dataset has hourly "
        "totals per counter and direction, one file per month.</p>",
        "themes": ["TRAN", "ENVI"],
        "keywords": ["traffic", "vehicles", "roads", "counters", "congestion"],
        "licence": "CC-BY-4.0",
        "frequency": "MONTHLY",
        "temporal": ("2015-01-01", None),
        "distributions": [
            dist(
                "Counter locations (GeoJSON)",
                "GeoJSON",
                f"{TRANSPORT}/traffic/counters.geojson",
                188_302,
            ),
            dist(
                "Hourly counts, latest month (CSV)",
                "CSV",
                f"{TRANSPORT}/traffic/counts_latest.csv",
                61_004_880,
            ),
            dist(
                "Traffic counts API",
                "API",
                "https://api.transport.example/traffic/v1",
                download=False,
            ),
        ],
    },
    {
        "slug": "air-quality-measurements",
        "title": "Air quality measurements",
        "publisher": "environment-and-climate-agency",
        "summary": "Hourly nitrogen dioxide, fine particles and ozone from 58 monitoring stations.",
        "description": "<p>Validated hourly concentrations of NO<sub>2</sub>, PM2.5, PM10 and "
        "ozone from the national monitoring network. Readings from the last 48 hours are "
        "provisional; they are checked and may change.</p>",
        "themes": ["ENVI", "HEAL", "SDG3", "SDG11"],
        "keywords": ["air quality", "NO2", "PM2.5", "pollution", "health"],
        "licence": "CC-BY-4.0",
        "frequency": "CONT",
        "temporal": ("2010-01-01", None),
        "conforms_to": ["https://eur-lex.europa.eu/eli/dec_impl/2011/850/oj"],
        "distributions": [
            dist("Stations (GeoJSON)", "GeoJSON", f"{ENV}/air/stations.geojson", 45_200),
            dist(
                "Hourly readings, this year (CSV)",
                "CSV",
                f"{ENV}/air/hourly_current.csv",
                120_558_019,
            ),
            dist(
                "Air quality API", "API", "https://api.environment.example/air/v1", download=False
            ),
        ],
    },
    {
        "slug": "river-water-levels",
        "title": "River water levels",
        "publisher": "environment-and-climate-agency",
        "summary": "Water level and flow every 15 minutes at 310 river gauges.",
        "description": "<p>Readings from the hydrometric network used for flood forecasting. "
        "Each gauge reports the water level above a local datum and, where rated, the flow "
        "in cubic metres per second.</p>",
        "themes": ["ENVI", "SDG6", "SDG13"],
        "keywords": ["rivers", "water level", "flooding", "hydrometry", "gauges"],
        "licence": "CC-BY-4.0",
        "frequency": "CONT",
        "temporal": ("2000-01-01", None),
        "distributions": [
            dist("Gauges (GeoJSON)", "GeoJSON", f"{ENV}/hydro/gauges.geojson", 96_410),
            dist("Last 30 days (CSV)", "CSV", f"{ENV}/hydro/levels_30d.csv", 33_870_556),
            dist(
                "River levels API",
                "API",
                "https://api.environment.example/hydro/v1",
                download=False,
            ),
        ],
    },
    {
        "slug": "electricity-consumption-by-postcode",
        "title": "Electricity consumption by postcode area",
        "publisher": "gridwise-energy",
        "summary": "Monthly electricity use of homes and businesses, aggregated to postcode "
        "areas of at least 20 meters.",
        "description": "<p>Smart-meter readings summed per postcode area and month, separately "
        "for households and non-domestic customers. Areas with fewer than 20 meters are "
        "merged with a neighbour so that no household can be identified.</p>",
        "themes": ["ENER", "SDG7", "SDG13"],
        "keywords": ["electricity", "smart meters", "energy use", "postcodes"],
        "licence": "ODbL-1.0",
        "frequency": "MONTHLY",
        "temporal": ("2019-01-01", None),
        "distributions": [
            dist(
                "Consumption (CSV)",
                "CSV",
                "https://data.gridwise.example/consumption.csv",
                18_220_445,
            ),
            dist(
                "Consumption (Parquet)",
                "Parquet",
                "https://data.gridwise.example/consumption.parquet",
                4_310_772,
            ),
            dist("Energy data API", "API", "https://api.gridwise.example/v1", download=False),
        ],
    },
    {
        "slug": "cycle-counter-data",
        "title": "Cycle counter data",
        "publisher": "cycle-northbridge",
        "summary": "Daily bicycle counts from 26 automatic counters on Northbridge's cycle routes.",
        "description": "<p>Counts recorded by the counters Cycle Northbridge installed with the "
        "city council. Use them to see how many people cycle, when, and how new routes "
        "change that.</p>",
        "themes": ["TRAN", "HEAL", "SDG11"],
        "keywords": ["cycling", "bicycles", "active travel", "counters"],
        "licence": "CC-BY-SA-4.0",
        "frequency": "DAILY",
        "temporal": ("2018-06-01", None),
        "spatial": "Northbridge",
        "distributions": [
            dist(
                "Daily counts (CSV)",
                "CSV",
                "https://cyclenorthbridge.example/data/counts.csv",
                2_004_118,
            ),
            dist(
                "Counter locations (GeoJSON)",
                "GeoJSON",
                "https://cyclenorthbridge.example/data/counters.geojson",
                12_300,
            ),
        ],
    },
    {
        "slug": "schools-and-enrolment",
        "title": "Schools and enrolment",
        "publisher": "northbridge-city-council",
        "summary": "Every primary and secondary school in Northbridge with its address, "
        "type and number of pupils.",
        "description": "<p>One row per school: name, address, location, phase, language of "
        "instruction and the number of pupils enrolled on the census day each October.</p>",
        "themes": ["EDUC", "SDG4"],
        "keywords": ["schools", "education", "pupils", "enrolment"],
        "licence": "CC-BY-4.0",
        "frequency": "ANNUAL",
        "temporal": ("2015-09-01", None),
        "spatial": "Northbridge",
        "distributions": [
            dist("Schools (GeoJSON)", "GeoJSON", f"{NB}/schools/schools.geojson", 210_887),
            dist(
                "Enrolment by school and year (CSV)", "CSV", f"{NB}/schools/enrolment.csv", 96_004
            ),
        ],
    },
    {
        "slug": "council-budget-and-spending",
        "title": "Council budget and spending over €500",
        "publisher": "northbridge-city-council",
        "summary": "The approved annual budget and every payment over €500, published each "
        "quarter.",
        "description": "<p>The budget book as approved by councillors, and a line for every "
        "payment to a supplier above €500 with the date, department, purpose and amount. "
        "Payments to individuals are summarised, not listed.</p>",
        "themes": ["GOVE", "ECON", "SDG16"],
        "keywords": ["budget", "spending", "payments", "transparency", "suppliers"],
        "licence": "CC-BY-4.0",
        "frequency": "QUARTERLY",
        "temporal": ("2016-01-01", None),
        "spatial": "Northbridge",
        "distributions": [
            dist("Payments over €500 (CSV)", "CSV", f"{NB}/spending/payments.csv", 14_906_331),
            dist("Payments over €500 (JSON)", "JSON", f"{NB}/spending/payments.json", 31_004_776),
            dist("Budget book", "PDF", f"{NB}/budget/budget_book.pdf", 8_771_003),
        ],
    },
    {
        "slug": "public-contracts-ocds",
        "title": "Public contracts awarded (OCDS)",
        "publisher": "open-data-collective",
        "summary": "Tenders and contract awards of national and local buyers since 2019, "
        "republished in the Open Contracting Data Standard.",
        "description": "<p>The Open Data Collective collects contract notices from the national "
        "tenders site every night, cleans supplier names and republishes them as OCDS "
        "releases, so that anyone can follow a contract from tender to award.</p>",
        "themes": ["GOVE", "ECON", "SDG16"],
        "keywords": ["procurement", "contracts", "OCDS", "tenders", "suppliers"],
        "licence": "ODbL-1.0",
        "frequency": "DAILY",
        "temporal": ("2019-01-01", None),
        "conforms_to": ["https://standard.open-contracting.org/latest/en/"],
        "distributions": [
            dist(
                "Releases (JSON Lines)",
                "JSON",
                "https://opendatacollective.example/ocds/releases.jsonl.gz",
                210_448_002,
            ),
            dist(
                "Awards (CSV)",
                "CSV",
                "https://opendatacollective.example/ocds/awards.csv",
                22_330_119,
            ),
        ],
    },
    {
        "slug": "emergency-department-waiting-times",
        "title": "Emergency department waiting times",
        "publisher": "centre-for-public-health-research",
        "summary": "Monthly share of patients seen within four hours at each of 26 "
        "emergency departments.",
        "description": "<p>A consistent series rebuilt from the hospitals' monthly reports, "
        "with definitions aligned over time. It gives attendances, the share seen within "
        "four hours and the number who waited more than twelve.</p>",
        "themes": ["HEAL", "SDG3"],
        "keywords": ["hospitals", "waiting times", "emergency care", "health services"],
        "licence": "CC-BY-4.0",
        "frequency": "MONTHLY",
        "temporal": ("2014-01-01", None),
        "distributions": [
            dist("Waiting times (CSV)", "CSV", "https://data.cphr.example/ed_waits.csv", 1_882_014),
            dist(
                "Definitions and changes",
                "PDF",
                "https://data.cphr.example/ed_waits_notes.pdf",
                402_556,
            ),
        ],
    },
    {
        "slug": "coastal-flood-risk-zones",
        "title": "Coastal flood risk zones",
        "publisher": "coastal-institute-of-technology",
        "summary": "Areas at risk of coastal flooding today and with 0.5 m and 1 m of sea "
        "level rise.",
        "description": "<p>Flood extents for a 1-in-200-year storm surge, modelled on a 2 m "
        "terrain model, for today's sea level and two sea level rise scenarios. Intended for "
        "planning; not a forecast for a particular storm.</p>",
        "themes": ["ENVI", "REGI", "SDG13"],
        "keywords": ["flooding", "sea level rise", "coast", "climate adaptation", "GIS"],
        "licence": "CC-BY-4.0",
        "frequency": "IRREG",
        "temporal": ("2023-01-01", "2023-12-31"),
        "version": "2.1",
        "distributions": [
            dist(
                "Flood zones (GeoJSON)",
                "GeoJSON",
                "https://geo.coastal-tech.example/flood/zones.geojson",
                88_406_712,
            ),
            dist(
                "Flood zones (GeoPackage)",
                "GPKG",
                "https://geo.coastal-tech.example/flood/zones.gpkg",
                64_102_330,
            ),
            dist(
                "Technical report",
                "PDF",
                "https://geo.coastal-tech.example/flood/report.pdf",
                12_550_901,
            ),
        ],
    },
    {
        "slug": "urban-tree-inventory",
        "title": "Urban tree inventory",
        "publisher": "northbridge-university-urban-data-lab",
        "summary": "62,000 street and park trees with species, height, trunk size and condition.",
        "description": "<p>Surveyed by students and volunteers with the council's parks team. "
        "Each tree has a location, species, height, trunk girth, canopy spread, condition and "
        "an estimate of the carbon it stores.</p>",
        "themes": ["ENVI", "REGI", "SDG11", "SDG15"],
        "keywords": ["trees", "urban forest", "biodiversity", "canopy", "carbon"],
        "licence": "CC-BY-4.0",
        "frequency": "ANNUAL",
        "temporal": ("2021-04-01", None),
        "spatial": "Northbridge",
        "distributions": [
            dist(
                "Trees (GeoJSON)",
                "GeoJSON",
                "https://urbandata.northbridge-university.example/trees.geojson",
                26_770_130,
            ),
            dist(
                "Trees (CSV)",
                "CSV",
                "https://urbandata.northbridge-university.example/trees.csv",
                7_904_221,
            ),
        ],
    },
    {
        "slug": "infrastructure-project-pipeline",
        "title": "Infrastructure project pipeline (OC4IDS)",
        "publisher": "open-infrastructure-data-partnership",
        "summary": "Planned and active public infrastructure projects with their budgets, "
        "contracts and progress, in OC4IDS.",
        "description": "<p>Project-level data disclosed by participating governments: purpose, "
        "location, budget, procurement, contracts and completion, in the Open Contracting for "
        "Infrastructure Data Standard. Refreshed each quarter.</p>",
        "themes": ["ECON", "GOVE", "INTR", "SDG9", "SDG17"],
        "keywords": ["infrastructure", "OC4IDS", "PPP", "projects", "transparency"],
        "licence": "CC-BY-4.0",
        "frequency": "QUARTERLY",
        "temporal": ("2018-01-01", None),
        "countries": ["IE", "PT", "FR", "ES"],
        "conforms_to": ["https://standard.open-contracting.org/infrastructure/latest/en/"],
        "distributions": [
            dist(
                "Project package (JSON)",
                "JSON",
                "https://data.oidp.example/projects.json",
                5_602_884,
            ),
            dist("Projects (CSV)", "CSV", "https://data.oidp.example/projects.csv", 1_330_402),
        ],
    },
]
