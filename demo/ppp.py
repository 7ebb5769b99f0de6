"""Demo PPP projects: OC4IDS status, contract, partners, milestones and risk allocation.

Milestones are ``(kind, ISO date, planned, note)``; risks ``(category, borne by, note)``;
partners ``(organisation slug, role, note)``; documents ``(title, URL, type)``.
"""

from __future__ import annotations

from typing import Any

OIDP = "https://data.oidp.example/projects"

PROJECTS: list[dict[str, Any]] = [
    {
        "slug": "northbridge-light-rail-line-3",
        "title": "Northbridge light rail Line 3",
        "publisher": "ministry-of-transport-and-mobility",
        "summary": "A 14 km tram line with 19 stops linking the university, the hospital "
        "and the eastern suburbs to the city centre.",
        "description": "<p>Line 3 is designed, built, financed and maintained by a private "
        "consortium for 30 years; the Ministry pays for the line when it is available and "
        "keeps the fare revenue. Tramline Mobility will run the trams.</p>",
        "status": "implementation",
        "sector": "transport",
        "contract_type": "greenfield-dbfo",
        "total_investment": "482000000",
        "government_support": "Availability payments over 30 years; land provided by the "
        "state; a grant of €60 million towards construction.",
        "partners": [
            ("meridian-infrastructure-partners", "lead", "Consortium leader and equity holder"),
            ("tramline-mobility", "operator", "Runs the trams under a sub-contract"),
            ("atlantic-regional-development-fund", "lender", "€180 million senior loan"),
        ],
        "milestones": [
            ("tender", "2021-03-15", False, "Competitive dialogue with three bidders"),
            ("award", "2022-05-02", False, ""),
            ("financial-close", "2022-09-30", False, ""),
            ("construction", "2023-02-01", False, "Track laying began at the depot"),
            ("operation", "2027-09-01", True, "First passengers"),
        ],
        "risks": [
            ("construction", "private", "Fixed price and date; penalties for late opening"),
            ("demand", "public", "Fares go to the Ministry; payments do not depend on riders"),
            ("land", "public", ""),
            ("political", "public", ""),
            ("operational", "private", "Deductions when trams or stops are unavailable"),
        ],
        "documents": [
            ("Outline business case", f"{OIDP}/line3/business-case.pdf", "Business case"),
            ("Project agreement (redacted)", f"{OIDP}/line3/contract.pdf", "Contract"),
        ],
        "related": ["public-transport-timetables-gtfs", "road-traffic-counts"],
        "themes": ["TRAN", "SDG9", "SDG11"],
        "keywords": ["light rail", "tram", "DBFO", "availability payment"],
        "spatial": "Northbridge",
    },
    {
        "slug": "eastern-bypass-road",
        "title": "Eastern bypass road",
        "publisher": "ministry-of-transport-and-mobility",
        "summary": "A 22 km dual carriageway taking through traffic and lorries out of three "
        "market towns.",
        "description": "<p>Opened in 2021 and maintained by the private partner until 2046. "
        "The partner is paid for keeping lanes open and in good condition, not by tolls.</p>",
        "status": "completion",
        "sector": "transport",
        "contract_type": "greenfield-dbfo",
        "total_investment": "310500000",
        "government_support": "Availability payments; the state bears the risk of traffic levels.",
        "partners": [
            ("meridian-infrastructure-partners", "lead", ""),
            ("atlantic-regional-development-fund", "lender", "€120 million loan"),
        ],
        "milestones": [
            ("tender", "2015-06-01", False, ""),
            ("award", "2016-07-18", False, ""),
            ("financial-close", "2016-12-20", False, ""),
            ("construction", "2017-03-01", False, ""),
            ("operation", "2021-04-12", False, "Opened six weeks early"),
        ],
        "risks": [
            ("construction", "private", ""),
            ("demand", "public", ""),
            ("environmental", "shared", "Bat and otter mitigation costs shared up to a cap"),
            ("force-majeure", "shared", ""),
        ],
        "documents": [("Contract summary", f"{OIDP}/bypass/summary.pdf", "Summary")],
        "related": ["road-traffic-counts"],
        "themes": ["TRAN", "SDG9"],
        "keywords": ["road", "bypass", "availability payment"],
    },
    {
        "slug": "electric-bus-depot",
        "title": "Electric bus depot and charging",
        "publisher": "northbridge-city-council",
        "summary": "A depot with overnight chargers for 120 electric buses, replacing the "
        "city's diesel garage.",
        "description": "<p>The private partner builds and owns the chargers and the solar "
        "roof, sells charging to the bus operator at a fixed price per kWh, and hands the "
        "depot building back to the council after 15 years.</p>",
        "status": "implementation",
        "sector": "energy",
        "contract_type": "greenfield-boo",
        "total_investment": "42000000",
        "government_support": "Council provides the site on a 15-year lease at a peppercorn rent.",
        "partners": [
            ("gridwise-energy", "lead", "Grid connection, chargers and solar roof"),
            ("tramline-mobility", "operator", "Bus operator and charging customer"),
        ],
        "milestones": [
            ("tender", "2023-01-10", False, ""),
            ("award", "2023-07-01", False, ""),
            ("construction", "2024-02-05", False, ""),
            ("operation", "2026-01-15", True, "First 40 buses"),
        ],
        "risks": [
            ("construction", "private", ""),
            ("financial", "private", "Electricity price risk hedged by the partner"),
            ("demand", "shared", "Minimum charging volume guaranteed by the operator"),
        ],
        "documents": [("Cabinet decision", f"{OIDP}/depot/decision.pdf", "Decision")],
        "related": ["electricity-consumption-by-postcode"],
        "themes": ["TRAN", "ENER", "SDG7", "SDG13"],
        "keywords": ["electric buses", "charging", "decarbonisation"],
        "spatial": "Northbridge",
    },
    {
        "slug": "riverside-wastewater-treatment-upgrade",
        "title": "Riverside wastewater treatment plant upgrade",
        "publisher": "environment-and-climate-agency",
        "summary": "Doubling the capacity of the Riverside plant and adding nutrient removal "
        "to protect the estuary.",
        "description": "<p>A 25-year concession: Brightwater Utilities upgrades and runs the "
        "existing plant and is paid per cubic metre treated to the required standard. "
        "Discharge quality is published monthly.</p>",
        "status": "implementation",
        "sector": "water",
        "contract_type": "concession",
        "total_investment": "125000000",
        "government_support": "Tariff set by the regulator; state guarantee on the "
        "concession payments.",
        "partners": [
            ("brightwater-utilities", "operator", "Concessionaire"),
            ("atlantic-regional-development-fund", "lender", ""),
        ],
        "milestones": [
            ("tender", "2022-02-01", False, ""),
            ("award", "2022-11-15", False, ""),
            ("financial-close", "2023-03-31", False, ""),
            ("construction", "2023-06-01", False, ""),
            ("operation", "2026-06-30", True, "Full capacity"),
        ],
        "risks": [
            ("construction", "private", ""),
            ("operational", "private", "Payment withheld if discharge limits are breached"),
            ("environmental", "shared", ""),
            ("political", "public", "Changes in discharge law"),
        ],
        "documents": [
            ("Environmental impact statement", f"{OIDP}/riverside/eis.pdf", "Assessment"),
        ],
        "related": ["river-water-levels"],
        "themes": ["ENVI", "SDG6", "SDG14"],
        "keywords": ["wastewater", "water quality", "concession", "estuary"],
    },
    {
        "slug": "water-leakage-reduction-programme",
        "title": "Regional water leakage reduction programme",
        "publisher": "northbridge-city-council",
        "summary": "A performance contract to cut water lost from leaking pipes from 38% to "
        "20% in eight years.",
        "description": "<p>The operator is paid a management fee plus a bonus for every "
        "million litres of leakage saved, measured by district meters. Under preparation: "
        "market consultation has closed.</p>",
        "status": "preparation",
        "sector": "water",
        "contract_type": "management-lease",
        "total_investment": "28000000",
        "partners": [
            ("open-infrastructure-data-partnership", "advisor", "Disclosure and OC4IDS data"),
        ],
        "milestones": [
            ("tender", "2026-03-01", True, ""),
            ("award", "2026-10-01", True, ""),
        ],
        "risks": [
            ("operational", "private", "Bonus depends on measured savings"),
            ("demand", "public", ""),
        ],
        "documents": [
            ("Market consultation summary", f"{OIDP}/leakage/consultation.pdf", "Consultation"),
        ],
        "related": ["river-water-levels"],
        "themes": ["ENVI", "SDG6"],
        "keywords": ["water", "leakage", "performance contract"],
        "spatial": "Northbridge",
    },
    {
        "slug": "offshore-wind-grid-connection",
        "title": "Offshore wind grid connection",
        "publisher": "environment-and-climate-agency",
        "summary": "A 700 MW subsea cable and onshore substation to bring power from the "
        "western wind zone to the grid.",
        "description": "<p>A private partner would build, operate and then transfer the "
        "transmission link after 25 years. The project is in preparation while the seabed "
        "survey is completed.</p>",
        "status": "preparation",
        "sector": "energy",
        "contract_type": "greenfield-bot",
        "total_investment": "650000000",
        "currency": "EUR",
        "partners": [
            ("gridwise-energy", "advisor", "Grid studies"),
            ("coastal-institute-of-technology", "academic", "Seabed and coastal survey"),
            ("atlantic-regional-development-fund", "lender", "Indicative support"),
        ],
        "milestones": [
            ("tender", "2026-09-01", True, ""),
            ("financial-close", "2027-12-01", True, ""),
        ],
        "risks": [
            ("construction", "private", ""),
            ("environmental", "shared", "Marine consent conditions"),
            ("political", "public", ""),
        ],
        "documents": [("Preliminary route study", f"{OIDP}/wind/route.pdf", "Study")],
        "related": ["coastal-flood-risk-zones", "electricity-consumption-by-postcode"],
        "themes": ["ENER", "ENVI", "SDG7", "SDG13"],
        "keywords": ["offshore wind", "transmission", "renewable energy"],
    },
    {
        "slug": "public-buildings-energy-retrofit",
        "title": "Public buildings energy retrofit",
        "publisher": "northbridge-city-council",
        "summary": "Insulation, heat pumps and controls in 48 council buildings, paid for "
        "from guaranteed energy savings.",
        "description": "<p>An energy performance contract: the contractor guarantees a 35% "
        "cut in energy use and is paid from the savings for 12 years. Savings are measured "
        "against a published baseline.</p>",
        "status": "implementation",
        "sector": "energy",
        "contract_type": "management-lease",
        "total_investment": "36400000",
        "partners": [
            ("gridwise-energy", "lead", "Energy services company"),
            ("northbridge-university-urban-data-lab", "academic", "Independent measurement"),
        ],
        "milestones": [
            ("tender", "2023-04-01", False, ""),
            ("award", "2023-10-20", False, ""),
            ("construction", "2024-01-08", False, "First 12 buildings"),
            ("completion", "2026-12-31", True, "All buildings retrofitted"),
        ],
        "risks": [
            ("operational", "private", "Shortfall against guaranteed savings paid by contractor"),
            ("financial", "shared", "Energy price changes"),
        ],
        "documents": [("Savings baseline", f"{OIDP}/retrofit/baseline.csv", "Data")],
        "related": ["electricity-consumption-by-postcode"],
        "themes": ["ENER", "SDG7", "SDG13"],
        "keywords": ["energy efficiency", "heat pumps", "EPC"],
        "spatial": "Northbridge",
    },
    {
        "slug": "led-street-lighting",
        "title": "LED street lighting",
        "publisher": "northbridge-city-council",
        "summary": "All 31,000 street lights replaced with dimmable LEDs, cutting their "
        "electricity use by 62%.",
        "description": "<p>Designed, built, financed and maintained by the private partner "
        "for ten years. Completed in 2022; the council now publishes monthly energy "
        "use.</p>",
        "status": "completion",
        "sector": "energy",
        "contract_type": "greenfield-dbfo",
        "total_investment": "18200000",
        "partners": [("meridian-infrastructure-partners", "lead", "")],
        "milestones": [
            ("award", "2019-05-01", False, ""),
            ("construction", "2019-09-01", False, ""),
            ("completion", "2022-03-31", False, ""),
        ],
        "risks": [("construction", "private", ""), ("operational", "private", "")],
        "documents": [("Final report", f"{OIDP}/lighting/final.pdf", "Report")],
        "related": ["electricity-consumption-by-postcode"],
        "themes": ["ENER", "REGI", "SDG7", "SDG11"],
        "keywords": ["street lighting", "LED", "energy savings"],
        "spatial": "Northbridge",
    },
    {
        "slug": "rural-broadband-network",
        "title": "Rural broadband network",
        "publisher": "ministry-of-transport-and-mobility",
        "summary": "Fibre to 140,000 rural homes, farms and businesses that commercial "
        "operators would not reach.",
        "description": "<p>A 25-year concession with a state subsidy per connected premise. "
        "The network is open to every retail provider on equal terms. Progress by county "
        "is published each quarter.</p>",
        "status": "implementation",
        "sector": "ict",
        "contract_type": "concession",
        "total_investment": "220000000",
        "government_support": "Subsidy of up to €1,100 per premise passed; clawback if "
        "profits exceed the business case.",
        "partners": [
            ("meridian-infrastructure-partners", "investor", ""),
            ("atlantic-regional-development-fund", "lender", ""),
            ("open-infrastructure-data-partnership", "advisor", "Progress reporting"),
        ],
        "milestones": [
            ("tender", "2020-01-20", False, ""),
            ("award", "2021-02-01", False, ""),
            ("construction", "2021-06-01", False, ""),
            ("completion", "2027-06-30", True, ""),
        ],
        "risks": [
            ("demand", "private", "Take-up risk stays with the concessionaire"),
            ("construction", "private", ""),
            ("land", "shared", "Wayleaves"),
        ],
        "documents": [("State aid decision", f"{OIDP}/broadband/state-aid.pdf", "Decision")],
        "related": ["population-estimates-by-district"],
        "themes": ["TECH", "REGI", "SDG9"],
        "keywords": ["broadband", "fibre", "digital divide"],
    },
    {
        "slug": "northbridge-smart-parking",
        "title": "Northbridge smart parking",
        "publisher": "northbridge-city-council",
        "summary": "Sensors and an app for on-street parking. Cancelled after the preferred "
        "bidder withdrew.",
        "description": "<p>The council planned a ten-year concession in which the partner "
        "would install bay sensors and keep a share of parking fees. The procurement was "
        "cancelled in 2023; the lessons-learned report is published.</p>",
        "status": "cancelled",
        "sector": "ict",
        "contract_type": "concession",
        "total_investment": "9300000",
        "partners": [("harbour-analytics", "advisor", "Demand analysis")],
        "milestones": [("tender", "2022-04-04", False, "")],
        "risks": [("demand", "private", ""), ("political", "public", "")],
        "documents": [("Lessons learned", f"{OIDP}/parking/lessons.pdf", "Report")],
        "related": ["road-traffic-counts"],
        "themes": ["TRAN", "TECH", "SDG11"],
        "keywords": ["parking", "sensors", "smart city"],
        "spatial": "Northbridge",
    },
    {
        "slug": "western-regional-hospital",
        "title": "Western regional hospital",
        "publisher": "ministry-of-health",
        "summary": "A 420-bed hospital with an emergency department, replacing two ageing "
        "hospitals.",
        "description": "<p>Proposed as a design-build-finance-maintain contract: the state "
        "would run all clinical services; the private partner would maintain the building "
        "for 25 years. The outline business case is out for comment.</p>",
        "status": "preparation",
        "sector": "health",
        "contract_type": "greenfield-dbfo",
        "total_investment": "390000000",
        "partners": [
            ("centre-for-public-health-research", "advisor", "Demand forecast"),
            ("open-infrastructure-data-partnership", "advisor", ""),
        ],
        "milestones": [
            ("tender", "2026-05-01", True, ""),
            ("construction", "2027-09-01", True, ""),
        ],
        "risks": [
            ("construction", "private", ""),
            ("design", "shared", "Clinical design signed off by the Ministry"),
            ("demand", "public", ""),
        ],
        "documents": [("Outline business case", f"{OIDP}/hospital/obc.pdf", "Business case")],
        "related": ["emergency-department-waiting-times", "population-estimates-by-district"],
        "themes": ["HEAL", "SDG3"],
        "keywords": ["hospital", "health", "DBFM"],
    },
    {
        "slug": "primary-care-centres",
        "title": "Primary care centres bundle",
        "publisher": "ministry-of-health",
        "summary": "Eight community health centres with GP practices, pharmacies and "
        "physiotherapy, built as one bundle.",
        "description": "<p>Bundling eight small centres into one contract made them large "
        "enough to finance privately. All eight are open and maintained under the "
        "contract.</p>",
        "status": "completion",
        "sector": "health",
        "contract_type": "greenfield-dbfo",
        "total_investment": "64000000",
        "partners": [("meridian-infrastructure-partners", "lead", "")],
        "milestones": [
            ("award", "2017-03-01", False, ""),
            ("construction", "2017-06-01", False, ""),
            ("operation", "2019-10-01", False, "All eight centres open"),
        ],
        "risks": [("construction", "private", ""), ("demand", "public", "")],
        "documents": [("Value for money review", f"{OIDP}/primary-care/vfm.pdf", "Review")],
        "related": ["population-estimates-by-district"],
        "themes": ["HEAL", "SDG3"],
        "keywords": ["primary care", "health centres", "bundling"],
    },
    {
        "slug": "schools-bundle",
        "title": "New schools bundle",
        "publisher": "northbridge-city-council",
        "summary": "Six new primary and secondary schools for 5,200 pupils in the city's "
        "growing north.",
        "description": "<p>The partner designs, builds, finances and maintains the six "
        "schools for 25 years; the council and school boards run education. Four schools "
        "are built; two are under construction.</p>",
        "status": "implementation",
        "sector": "education",
        "contract_type": "greenfield-dbfo",
        "total_investment": "88000000",
        "partners": [
            ("meridian-infrastructure-partners", "lead", ""),
            ("atlantic-regional-development-fund", "lender", ""),
        ],
        "milestones": [
            ("tender", "2021-05-01", False, ""),
            ("award", "2022-01-15", False, ""),
            ("construction", "2022-04-01", False, ""),
            ("operation", "2026-08-31", True, "Last two schools open"),
        ],
        "risks": [
            ("construction", "private", ""),
            ("demand", "public", "Pupil numbers"),
            ("operational", "private", "Deductions for unavailable classrooms"),
        ],
        "documents": [("Project summary", f"{OIDP}/schools/summary.pdf", "Summary")],
        "related": ["schools-and-enrolment", "population-estimates-by-district"],
        "themes": ["EDUC", "SDG4"],
        "keywords": ["schools", "education", "DBFM"],
        "spatial": "Northbridge",
    },
    {
        "slug": "affordable-rental-homes",
        "title": "Affordable rental homes",
        "publisher": "northbridge-city-council",
        "summary": "1,200 homes at below-market rents on council land, under study as a "
        "long-term partnership.",
        "description": "<p>The council is identifying which delivery model gives the best "
        "value: direct building, a joint venture or an availability-based partnership. "
        "Residents can comment on the options paper.</p>",
        "status": "identification",
        "sector": "social",
        "contract_type": "greenfield-dbfo",
        "total_investment": "150000000",
        "partners": [("citizens-budget-watch", "advisor", "Residents' panel")],
        "milestones": [],
        "risks": [("demand", "public", ""), ("financial", "shared", "")],
        "documents": [("Options paper", f"{OIDP}/housing/options.pdf", "Consultation")],
        "related": ["household-income-and-living-conditions", "population-estimates-by-district"],
        "themes": ["SOCI", "REGI", "SDG1", "SDG11"],
        "keywords": ["housing", "affordable homes", "social infrastructure"],
        "spatial": "Northbridge",
    },
    {
        "slug": "materials-recovery-facility",
        "title": "Materials recovery facility",
        "publisher": "northbridge-city-council",
        "summary": "A sorting plant for 90,000 tonnes of household recycling a year, built "
        "and run by a private partner.",
        "description": "<p>The partner would build, own and operate the plant and charge a "
        "gate fee per tonne; it keeps the income from selling sorted materials above an "
        "agreed share. The planning application is being prepared.</p>",
        "status": "preparation",
        "sector": "waste",
        "contract_type": "greenfield-boo",
        "total_investment": "95000000",
        "partners": [
            ("cities-for-climate-alliance", "advisor", "Peer review by member cities"),
        ],
        "milestones": [("tender", "2026-01-15", True, "")],
        "risks": [
            ("demand", "shared", "Minimum tonnage guaranteed by the council"),
            ("financial", "private", "Commodity prices"),
            ("environmental", "private", ""),
        ],
        "documents": [("Waste strategy", f"{OIDP}/mrf/strategy.pdf", "Strategy")],
        "related": ["council-budget-and-spending"],
        "themes": ["ENVI", "SDG12"],
        "keywords": ["recycling", "waste", "circular economy"],
        "spatial": "Northbridge",
    },
]
