"""Demo innovation challenges.

``timeline`` is ``(opens, closes, results)`` in days from now, so that upcoming, open, judging
and closed challenges all appear whenever the demo is loaded (the status follows the dates).
Prizes are ``(title, amount, currency, non-monetary award)``; criteria ``(name, weight %,
description)``; partners ``(organisation slug, role, note)``; winners ``(name, organisation
slug or None, prize, what they built)``.
"""

from __future__ import annotations

from typing import Any

RULES = "https://challenges.northbridge.example"

CHALLENGES: list[dict[str, Any]] = [
    {
        "slug": "clean-air-around-schools",
        "title": "Clean air around schools",
        "publisher": "environment-and-climate-agency",
        "timeline": (-21, 28, 70),
        "challenge_type": "idea",
        "summary": "Ideas to cut children's exposure to traffic pollution on the way to and "
        "at school.",
        "problem_statement": "<p>One in five Northbridge schools is within 150 m of a road "
        "where nitrogen dioxide exceeds the annual limit. Children breathe faster and closer "
        "to exhaust pipes than adults. We want practical ideas, from school streets to route "
        "planning, that reduce exposure this school year.</p>",
        "description": "<p>Combine air quality readings, school locations and traffic counts "
        "to find where children are most exposed and what would help.</p>",
        "eligibility": "Anyone living in the country: individuals, schools, community groups "
        "and companies. Pupils under 16 enter with a teacher or parent.",
        "how_to_enter": "Send a two-page idea with the online form before the closing date.",
        "prizes": [
            ("First prize", "10000", "EUR", "A pilot at three schools with the council"),
            ("Second prize", "5000", "EUR", ""),
            ("Schools' prize", "2500", "EUR", "Air quality sensors for the winning school"),
        ],
        "criteria": [
            ("Effect on children's exposure", 40, "Backed by the data offered"),
            ("Can start this school year", 30, ""),
            ("Cost and fairness", 30, "Works for schools in every neighbourhood"),
        ],
        "partners": [("northbridge-city-council", "co-organiser", "Pilots the winning ideas")],
        "offered": [
            "air-quality-measurements",
            "air-quality-api",
            "schools-and-enrolment",
            "road-traffic-counts",
        ],
        "themes": ["ENVI", "HEAL", "EDUC", "SDG3", "SDG11"],
        "keywords": ["air quality", "schools", "children", "pollution"],
    },
    {
        "slug": "accessible-journeys-hackathon",
        "title": "Accessible journeys hackathon",
        "publisher": "ministry-of-transport-and-mobility",
        "timeline": (-260, -200, -170),
        "challenge_type": "hackathon",
        "summary": "A weekend to build tools that help disabled and older people plan "
        "public transport journeys with confidence.",
        "problem_statement": "<p>Step-free access, lifts that work and space for a wheelchair "
        "decide whether a journey is possible. The information exists across operators but "
        "is hard to find before you travel.</p>",
        "description": "<p>48 hours, 22 teams, 140 participants. Disabled people's "
        "organisations helped set the brief and sat on the jury.</p>",
        "eligibility": "Open to all; teams of two to six.",
        "how_to_enter": "Registration has closed.",
        "prizes": [
            ("Winner", "8000", "EUR", "Three months of mentoring by the Ministry's digital team"),
            ("Runner-up", "4000", "EUR", ""),
            ("Best use of real-time data", "", "", "Free premium API access for a year"),
        ],
        "criteria": [
            ("Usefulness to disabled travellers", 50, "Judged with users"),
            ("Quality of the prototype", 30, ""),
            ("Use of open data", 20, ""),
        ],
        "partners": [
            ("tramline-mobility", "data-provider", "Real-time data and engineers on site"),
            ("open-data-collective", "co-organiser", "Mentors"),
        ],
        "offered": ["real-time-departures-api", "journey-planner-api", "bus-and-tram-stops"],
        "winners": [
            (
                "StepFree",
                None,
                "Winner",
                "An app that warns when a lift on your route is out of "
                "order and replans the journey.",
            ),
            (
                "Team Kerb",
                "northbridge-university-urban-data-lab",
                "Runner-up",
                "A map of kerb heights at tram stops built from crowd-sourced photos.",
            ),
            (
                "Rolling Stock",
                "harbour-analytics",
                "Best use of real-time data",
                "Predicts how crowded the next tram will be, so wheelchair users can wait for "
                "one with space.",
            ),
        ],
        "outcomes": "The Ministry is funding StepFree for a six-month pilot in the national "
        "journey planner.",
        "themes": ["TRAN", "SOCI", "SDG10", "SDG11"],
        "keywords": ["accessibility", "hackathon", "public transport", "disability"],
    },
    {
        "slug": "flood-warnings-for-small-communities",
        "title": "Flood warnings for small communities",
        "publisher": "environment-and-climate-agency",
        "timeline": (-120, -14, 21),
        "challenge_type": "prototype",
        "summary": "Prototypes that give villages without a river gauge earlier, clearer "
        "flood warnings.",
        "problem_statement": "<p>About 300 small communities at risk of river flooding have no "
        "gauge of their own and get only regional warnings. We are looking for low-cost ways "
        "to give them warnings that are local, early and easy to act on.</p>",
        "description": "<p>Twelve teams were funded to build prototypes; the jury is testing "
        "them against last winter's floods.</p>",
        "eligibility": "Companies, universities and community groups based in the EU.",
        "how_to_enter": "Entries have closed. Results will be announced on this page.",
        "prizes": [
            ("Pilot contract", "50000", "EUR", "A year-long pilot in five communities"),
            ("Development grants", "5000", "EUR", "For each of the twelve shortlisted teams"),
        ],
        "criteria": [
            ("Warning lead time", 35, "Tested against past events"),
            ("Clarity for residents", 25, ""),
            ("Cost to run", 20, ""),
            ("Reliability", 20, ""),
        ],
        "partners": [
            ("coastal-institute-of-technology", "academic", "Test data and evaluation"),
        ],
        "offered": ["river-water-levels", "river-levels-sensorthings", "flood-alerts-stream"],
        "themes": ["ENVI", "JUST", "SDG11", "SDG13"],
        "keywords": ["flooding", "early warning", "resilience", "communities"],
    },
    {
        "slug": "household-energy-saving-app",
        "title": "Household energy saving app",
        "publisher": "gridwise-energy",
        "timeline": (-30, 45, 90),
        "challenge_type": "prototype",
        "summary": "Build an app that helps households shift electricity use to cheaper, "
        "greener hours.",
        "problem_statement": "<p>Electricity is cheapest and cleanest in the middle of the day "
        "and at night, but most households do not know when or how to shift their use. "
        "Smart-meter data could tell them, if it were presented simply.</p>",
        "description": "<p>Use the aggregated demand and solar data to show households what "
        "difference shifting makes, without ever needing their personal data.</p>",
        "eligibility": "Individuals and companies worldwide; teams up to five.",
        "how_to_enter": "Submit a working prototype and a three-minute video.",
        "prizes": [
            ("First prize", "15000", "EUR", ""),
            ("People's choice", "3000", "EUR", "Chosen by a public vote"),
        ],
        "criteria": [
            ("Energy shifted in a household trial", 40, ""),
            ("Ease of use", 30, "Tested with people over 65"),
            ("Privacy by design", 30, ""),
        ],
        "partners": [("cities-for-climate-alliance", "sponsor", "")],
        "offered": ["energy-data-api", "electricity-consumption-by-postcode"],
        "themes": ["ENER", "SDG7", "SDG12", "SDG13"],
        "keywords": ["energy", "apps", "demand flexibility", "households"],
    },
    {
        "slug": "open-budget-explained",
        "title": "Open budget, explained",
        "publisher": "citizens-budget-watch",
        "timeline": (-320, -250, -220),
        "challenge_type": "design",
        "summary": "Designs that explain the council budget to residents in five minutes.",
        "problem_statement": "<p>The budget book runs to 400 pages. Residents want to know "
        "what their council tax pays for and how that changes. Can good design make the "
        "budget clear?</p>",
        "description": "<p>Designers, journalists and students entered 37 designs. The winning "
        "design now runs on the council's website.</p>",
        "eligibility": "Open to all.",
        "how_to_enter": "Closed.",
        "prizes": [("Winner", "6000", "EUR", "Built and published by the council")],
        "criteria": [
            ("Clarity", 50, "Tested with residents"),
            ("Accuracy", 30, ""),
            ("Accessibility", 20, "WCAG 2.2 AA"),
        ],
        "partners": [("northbridge-city-council", "data-provider", "")],
        "offered": ["council-budget-and-spending", "open-budget-graphql-api"],
        "winners": [
            (
                "Where Your Euro Goes",
                None,
                "Winner",
                "A single scrolling page that follows one euro of council tax to the services it "
                "pays for.",
            ),
        ],
        "outcomes": "Visits to the budget pages rose fourfold in the month after launch.",
        "themes": ["GOVE", "ECON", "SDG16"],
        "keywords": ["budget", "design", "transparency", "civic tech"],
    },
    {
        "slug": "shorter-waits-in-emergency-care",
        "title": "Shorter waits in emergency care",
        "publisher": "ministry-of-health",
        "timeline": (18, 78, 120),
        "challenge_type": "idea",
        "summary": "Ideas, grounded in data, to reduce the time patients wait in emergency "
        "departments.",
        "problem_statement": "<p>Fewer than two thirds of patients are seen within four hours. "
        "Waits build up when patients ready to leave cannot be discharged. We want ideas "
        "that free beds earlier in the day.</p>",
        "description": "<p>Opens soon. Read the waiting-time data now and join the "
        "information session.</p>",
        "eligibility": "Health workers, researchers and companies in the EU.",
        "how_to_enter": "Entry form opens on the opening date.",
        "prizes": [("Implementation grant", "25000", "EUR", "Trial in two hospitals")],
        "criteria": [
            ("Expected reduction in waits", 50, ""),
            ("Evidence", 25, ""),
            ("Ease of adoption", 25, ""),
        ],
        "partners": [("centre-for-public-health-research", "academic", "Evaluation")],
        "offered": ["emergency-department-waiting-times", "population-estimates-by-district"],
        "themes": ["HEAL", "SDG3"],
        "keywords": ["health", "waiting times", "hospitals"],
    },
    {
        "slug": "smarter-waste-collection",
        "title": "Smarter waste collection",
        "publisher": "northbridge-city-council",
        "timeline": (-40, 20, 60),
        "challenge_type": "procurement",
        "summary": "Innovation procurement: route and fill-level solutions that cut "
        "collection mileage by a fifth.",
        "problem_statement": "<p>Refuse lorries drive 1.4 million km a year, often to half-"
        "empty bins. The council will buy a solution that plans routes around how full bins "
        "really are.</p>",
        "description": "<p>A pre-commercial procurement in two phases: paid feasibility "
        "studies, then paid field trials with three suppliers.</p>",
        "eligibility": "Companies and research organisations able to sign a public contract.",
        "how_to_enter": "Submit a tender through the national tenders site.",
        "prizes": [
            ("Feasibility contracts", "30000", "EUR", "Up to five"),
            ("Field trial contracts", "150000", "EUR", "Up to three"),
        ],
        "criteria": [
            ("Mileage saved", 40, ""),
            ("Total cost of ownership", 30, ""),
            ("Data openness", 30, "Results published as open data"),
        ],
        "partners": [("cities-for-climate-alliance", "advisor", "")],
        "offered": ["places-and-schools-api", "road-traffic-counts"],
        "themes": ["ENVI", "REGI", "SDG11", "SDG12"],
        "keywords": ["waste", "routing", "procurement", "sensors"],
    },
    {
        "slug": "urban-heat-mapping",
        "title": "Urban heat mapping",
        "publisher": "northbridge-university-urban-data-lab",
        "timeline": (-90, -7, 30),
        "challenge_type": "prototype",
        "summary": "Maps and tools that show which streets overheat in summer and where "
        "trees would cool them most.",
        "problem_statement": "<p>On hot days some streets are 7 °C warmer than parks a few "
        "hundred metres away. Older residents suffer most. Planners need to know where "
        "shade would help first.</p>",
        "description": "<p>Entries combine the tree inventory, satellite temperatures and "
        "population data. Judging is under way.</p>",
        "eligibility": "Students and researchers at any university.",
        "how_to_enter": "Closed for entries.",
        "prizes": [("Best tool", "5000", "EUR", ""), ("Best student entry", "2000", "EUR", "")],
        "criteria": [
            ("Scientific quality", 40, ""),
            ("Usefulness to planners", 40, ""),
            ("Openness", 20, "Code and data published"),
        ],
        "partners": [("northbridge-city-council", "data-provider", "")],
        "offered": [
            "urban-tree-inventory",
            "urban-linked-data-sparql",
            "population-estimates-by-district",
        ],
        "themes": ["ENVI", "HEAL", "SDG11", "SDG13"],
        "keywords": ["heat", "climate adaptation", "trees", "mapping"],
    },
    {
        "slug": "safer-cycling-junctions",
        "title": "Safer cycling junctions",
        "publisher": "cycle-northbridge",
        "timeline": (-200, -150, -110),
        "challenge_type": "design",
        "summary": "Redesigns of the ten junctions where most cyclists are hurt.",
        "problem_statement": "<p>Half of all cycling injuries in Northbridge happen at ten "
        "junctions. We asked designers for layouts that protect cyclists without blocking "
        "buses.</p>",
        "description": "<p>Designs were judged by residents, traffic engineers and cyclists. "
        "Two are being built.</p>",
        "eligibility": "Open to all.",
        "how_to_enter": "Closed.",
        "prizes": [
            ("Best design", "7500", "EUR", ""),
            ("Residents' favourite", "2500", "EUR", ""),
        ],
        "criteria": [
            ("Safety", 50, ""),
            ("Effect on buses and walking", 30, ""),
            ("Cost", 20, ""),
        ],
        "partners": [("ministry-of-transport-and-mobility", "sponsor", "")],
        "offered": ["cycle-counter-data", "cycle-counters-api", "road-traffic-counts"],
        "winners": [
            (
                "Protected Crossings Studio",
                None,
                "Best design",
                "A Dutch-style protected junction that fits within the existing kerbs.",
            ),
            (
                "Year 11, Northbridge Community School",
                None,
                "Residents' favourite",
                "A junction with a cycle-only green phase designed by pupils.",
            ),
        ],
        "outcomes": "Two junctions are being rebuilt to the winning designs.",
        "themes": ["TRAN", "HEAL", "SDG3", "SDG11"],
        "keywords": ["cycling", "road safety", "junctions", "design"],
    },
    {
        "slug": "procurement-red-flags",
        "title": "Procurement red flags",
        "publisher": "open-data-collective",
        "timeline": (35, 37, 60),
        "challenge_type": "hackathon",
        "summary": "A weekend to build tools that spot risky public contracts: single bids, "
        "rushed tenders and split orders.",
        "problem_statement": "<p>Most contracts are awarded fairly, but a few patterns, such "
        "as one bidder or a very short tender period, go with higher prices. Journalists and "
        "auditors need tools that flag them.</p>",
        "description": "<p>Join us for a weekend. Mentors from audit offices and newsrooms "
        "will help.</p>",
        "eligibility": "Open to all; teams of up to five.",
        "how_to_enter": "Register on the event page.",
        "prizes": [("Winner", "3000", "EUR", "Presentation to the national audit office")],
        "criteria": [
            ("Relevance to auditors", 40, ""),
            ("Accuracy", 40, ""),
            ("Openness", 20, ""),
        ],
        "partners": [
            ("open-infrastructure-data-partnership", "sponsor", ""),
            ("citizens-budget-watch", "co-organiser", ""),
        ],
        "offered": [
            "public-contracts-ocds",
            "procurement-ocds-api",
            "infrastructure-project-pipeline",
        ],
        "themes": ["GOVE", "JUST", "SDG16"],
        "keywords": ["procurement", "integrity", "hackathon", "OCDS"],
    },
    {
        "slug": "digital-skills-for-older-residents",
        "title": "Digital skills for older residents",
        "publisher": "northbridge-city-council",
        "timeline": (-10, 50, 80),
        "challenge_type": "idea",
        "summary": "Ideas to help residents over 70 use online public services with confidence.",
        "problem_statement": "<p>Four in ten residents over 70 have never used an online "
        "public service. Libraries offer classes but few attend. What would work better?</p>",
        "description": "<p>We especially welcome ideas from older residents themselves and "
        "from community groups.</p>",
        "eligibility": "Residents, community groups and social enterprises in Northbridge.",
        "how_to_enter": "Fill in the short form online or at any library.",
        "prizes": [("Community grants", "2000", "EUR", "Up to five")],
        "criteria": [
            ("Reach", 40, ""),
            ("Involvement of older people", 40, ""),
            ("Cost", 20, ""),
        ],
        "partners": [("citizens-budget-watch", "co-organiser", "")],
        "offered": ["population-estimates-by-district", "places-and-schools-api"],
        "themes": ["SOCI", "EDUC", "SDG4", "SDG10"],
        "keywords": ["digital inclusion", "older people", "libraries"],
    },
    {
        "slug": "finding-water-leaks",
        "title": "Finding water leaks faster",
        "publisher": "brightwater-utilities",
        "timeline": (-100, -20, 15),
        "challenge_type": "procurement",
        "summary": "Technologies that locate leaks in water mains before they burst.",
        "problem_statement": "<p>Water lost through leaks would supply 60,000 homes. Acoustic "
        "loggers find some leaks, but slowly. We want faster, cheaper ways to pinpoint "
        "them.</p>",
        "description": "<p>Shortlisted suppliers are trialling their technology on 50 km of "
        "mains; results are being assessed.</p>",
        "eligibility": "Companies and universities.",
        "how_to_enter": "Closed.",
        "prizes": [("Trial contract", "80000", "EUR", "")],
        "criteria": [
            ("Leaks found in trial", 50, ""),
            ("Cost per kilometre", 30, ""),
            ("Ease of deployment", 20, ""),
        ],
        "partners": [("northbridge-city-council", "sponsor", "")],
        "offered": ["river-water-levels"],
        "themes": ["ENVI", "TECH", "SDG6", "SDG9"],
        "keywords": ["water", "leaks", "sensors", "procurement"],
    },
    {
        "slug": "coastal-erosion-monitoring",
        "title": "Coastal erosion monitoring",
        "publisher": "coastal-institute-of-technology",
        "timeline": (-400, -330, -290),
        "challenge_type": "prototype",
        "summary": "Low-cost ways for communities to measure how fast their coastline is "
        "retreating.",
        "problem_statement": "<p>Surveys by aircraft happen every five years; erosion after "
        "one storm can undo a sea defence. Communities need cheap, frequent "
        "measurements.</p>",
        "description": "<p>Nine prototypes were tested on three beaches over a winter, "
        "against surveys by the Institute's engineers after every storm.</p>",
        "eligibility": "Open to all.",
        "how_to_enter": "Closed.",
        "prizes": [
            ("First prize", "12000", "EUR", ""),
            ("Community prize", "3000", "EUR", ""),
        ],
        "criteria": [
            ("Accuracy", 40, "Against survey-grade GPS"),
            ("Cost", 30, ""),
            ("Usable by volunteers", 30, ""),
        ],
        "partners": [
            ("environment-and-climate-agency", "sponsor", ""),
            ("atlantic-regional-development-fund", "sponsor", ""),
        ],
        "offered": ["coastal-flood-risk-zones", "coastal-maps-wms"],
        "winners": [
            (
                "ShoreSnap",
                None,
                "First prize",
                "Fixed phone cradles at beach access points; photos from the public become 3D "
                "models of the beach.",
            ),
            (
                "Seaview Tidy Towns",
                None,
                "Community prize",
                "Volunteers with marked poles measure dune retreat monthly.",
            ),
        ],
        "outcomes": "ShoreSnap cradles are installed at 40 beaches.",
        "themes": ["ENVI", "REGI", "SDG13", "SDG14"],
        "keywords": ["coast", "erosion", "citizen science", "monitoring"],
    },
    {
        "slug": "town-centre-footfall-insights",
        "title": "Town centre footfall insights",
        "publisher": "harbour-analytics",
        "timeline": (60, 120, 150),
        "challenge_type": "idea",
        "summary": "Ideas for using footfall data to help small shops and market towns.",
        "problem_statement": "<p>Town centres know little about who visits and when. "
        "Anonymous footfall counts could help shops set opening hours and councils plan "
        "events.</p>",
        "description": "<p>Entries open soon. Sample footfall counts from three town "
        "centres will be published before then, so you can test ideas on real data.</p>",
        "eligibility": "Businesses, councils and students.",
        "how_to_enter": "Entry form opens on the opening date.",
        "prizes": [("Winner", "4000", "EUR", "A year of free footfall data")],
        "criteria": [("Benefit to local businesses", 60, ""), ("Feasibility", 40, "")],
        "partners": [("northbridge-city-council", "co-organiser", "")],
        "offered": ["cycle-counter-data", "bus-and-tram-stops"],
        "themes": ["ECON", "REGI", "SDG8", "SDG11"],
        "keywords": ["footfall", "retail", "town centres"],
    },
    {
        "slug": "low-emission-last-mile-freight",
        "title": "Low-emission last-mile freight",
        "publisher": "ministry-of-transport-and-mobility",
        "timeline": (-25, 35, 80),
        "challenge_type": "procurement",
        "summary": "Innovation procurement for zero-emission delivery hubs and cargo bikes "
        "in city centres.",
        "problem_statement": "<p>Delivery vans make up a fifth of city-centre traffic and a "
        "third of its nitrogen dioxide. We want to buy and trial consolidation hubs with "
        "zero-emission last-mile delivery.</p>",
        "description": "<p>Funded with the Atlantic Regional Development Fund; trials in "
        "Northbridge and two other cities.</p>",
        "eligibility": "Logistics companies, start-ups and consortia with a public-sector partner.",
        "how_to_enter": "Submit a tender through the national tenders site.",
        "prizes": [("Trial contracts", "200000", "EUR", "Up to three")],
        "criteria": [
            ("Emissions avoided", 40, ""),
            ("Cost per parcel", 30, ""),
            ("Scalability", 30, ""),
        ],
        "partners": [
            ("atlantic-regional-development-fund", "sponsor", "Co-funds the trials"),
            ("cities-for-climate-alliance", "co-organiser", ""),
        ],
        "offered": ["road-traffic-counts", "traffic-counts-api", "air-quality-measurements"],
        "themes": ["TRAN", "ENVI", "SDG11", "SDG13"],
        "keywords": ["freight", "logistics", "cargo bikes", "zero emission"],
    },
]
