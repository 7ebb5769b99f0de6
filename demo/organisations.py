"""Organisations of every kind that publish or partner in the demo catalogue."""

from __future__ import annotations

from typing import Any

ORGANISATIONS: list[dict[str, Any]] = [
    # --- government ---------------------------------------------------------------------
    {
        "slug": "national-statistics-office",
        "name": "National Statistics Office",
        "kind": "government",
        "country": "IE",
        "website": "https://www.statistics.example/",
        "email": "open.data@statistics.example",
        "featured": True,
        "description": "<p>The independent office that counts the population, measures prices "
        "and incomes, and publishes the official statistics that the rest of government plans "
        "with. Every table it publishes is free to reuse.</p>",
    },
    {
        "slug": "northbridge-city-council",
        "name": "Northbridge City Council",
        "kind": "government",
        "country": "IE",
        "website": "https://www.northbridge.example/",
        "email": "data@northbridge.example",
        "featured": True,
        "description": "<p>The local authority for Northbridge and its 310,000 residents. It runs "
        "schools, waste collection, street lighting and local roads, and publishes its budget, "
        "spending and service data on this catalogue.</p>",
    },
    {
        "slug": "ministry-of-transport-and-mobility",
        "name": "Ministry of Transport and Mobility",
        "kind": "government",
        "country": "IE",
        "website": "https://www.transport.example/",
        "email": "opendata@transport.example",
        "description": "<p>Sets transport policy, funds national roads and public transport, and "
        "procures the large transport projects delivered as public-private partnerships.</p>",
    },
    {
        "slug": "environment-and-climate-agency",
        "name": "Environment and Climate Agency",
        "kind": "government",
        "country": "IE",
        "website": "https://www.environment.example/",
        "email": "data@environment.example",
        "featured": True,
        "description": "<p>Monitors air, water and climate, issues flood warnings and licenses "
        "industrial sites. Its measurement networks publish live readings every hour.</p>",
    },
    {
        "slug": "ministry-of-health",
        "name": "Ministry of Health",
        "kind": "government",
        "country": "IE",
        "website": "https://www.health.example/",
        "email": "info@health.example",
        "description": "<p>Responsible for hospitals and primary care. It commissions new "
        "health buildings and publishes waiting-time and capacity figures.</p>",
    },
    # --- business -----------------------------------------------------------------------
    {
        "slug": "tramline-mobility",
        "name": "Tramline Mobility",
        "kind": "business",
        "country": "IE",
        "website": "https://www.tramline.example/",
        "email": "developers@tramline.example",
        "featured": True,
        "description": "<p>Operates Northbridge's trams and 40 bus routes under contract to the "
        "Ministry of Transport and Mobility, and publishes timetables and live departures for "
        "journey-planning apps.</p>",
    },
    {
        "slug": "gridwise-energy",
        "name": "GridWise Energy",
        "kind": "business",
        "country": "IE",
        "website": "https://www.gridwise.example/",
        "email": "opendata@gridwise.example",
        "description": "<p>A distribution network operator that reads 1.2 million smart meters. "
        "It shares aggregated, anonymised consumption data to help plan the energy "
        "transition.</p>",
    },
    {
        "slug": "harbour-analytics",
        "name": "Harbour Analytics",
        "kind": "business",
        "country": "IE",
        "website": "https://www.harbour-analytics.example/",
        "email": "hello@harbour-analytics.example",
        "description": "<p>A twelve-person data start-up that builds footfall and mobility "
        "insights for town centres from open data and anonymous sensor counts.</p>",
    },
    {
        "slug": "meridian-infrastructure-partners",
        "name": "Meridian Infrastructure Partners",
        "kind": "business",
        "country": "NL",
        "website": "https://www.meridian-infra.example/",
        "email": "projects@meridian-infra.example",
        "description": "<p>An infrastructure investor and developer that designs, builds, "
        "finances and maintains roads, rail and public buildings under long-term "
        "contracts.</p>",
    },
    {
        "slug": "brightwater-utilities",
        "name": "Brightwater Utilities",
        "kind": "business",
        "country": "FR",
        "website": "https://www.brightwater.example/",
        "email": "contact@brightwater.example",
        "description": "<p>Runs water and wastewater plants for cities in four countries, "
        "usually as the operator in a concession or lease contract.</p>",
    },
    # --- academia -----------------------------------------------------------------------
    {
        "slug": "northbridge-university-urban-data-lab",
        "name": "Northbridge University Urban Data Lab",
        "kind": "academia",
        "country": "IE",
        "website": "https://urbandata.northbridge-university.example/",
        "email": "urbandatalab@northbridge-university.example",
        "featured": True,
        "description": "<p>A research group that studies how cities work through data: heat, "
        "trees, movement and housing. It publishes its research datasets openly and runs a "
        "linked-data service.</p>",
    },
    {
        "slug": "coastal-institute-of-technology",
        "name": "Coastal Institute of Technology",
        "kind": "academia",
        "country": "IE",
        "website": "https://www.coastal-tech.example/",
        "email": "research@coastal-tech.example",
        "description": "<p>A technological university with a marine and coastal engineering "
        "school that maps erosion and flood risk along 800 km of coastline.</p>",
    },
    {
        "slug": "centre-for-public-health-research",
        "name": "Centre for Public Health Research",
        "kind": "academia",
        "country": "IE",
        "website": "https://www.cphr.example/",
        "email": "data@cphr.example",
        "description": "<p>An independent university research centre that analyses health "
        "services and publishes the cleaned, comparable series it builds from official "
        "reports.</p>",
    },
    # --- civil society ------------------------------------------------------------------
    {
        "slug": "open-data-collective",
        "name": "Open Data Collective",
        "kind": "civil-society",
        "country": "IE",
        "website": "https://opendatacollective.example/",
        "email": "team@opendatacollective.example",
        "featured": True,
        "description": "<p>A volunteer civic-technology group that republishes public records "
        "in reusable formats, runs monthly hack nights and teaches journalists to work with "
        "data.</p>",
    },
    {
        "slug": "cycle-northbridge",
        "name": "Cycle Northbridge",
        "kind": "civil-society",
        "country": "IE",
        "website": "https://cyclenorthbridge.example/",
        "email": "info@cyclenorthbridge.example",
        "description": "<p>A cycling charity with 4,000 members. It runs bike counters with the "
        "council and campaigns for safer junctions.</p>",
    },
    {
        "slug": "citizens-budget-watch",
        "name": "Citizens' Budget Watch",
        "kind": "civil-society",
        "country": "IE",
        "website": "https://budgetwatch.example/",
        "email": "contact@budgetwatch.example",
        "description": "<p>A non-profit that explains public budgets in plain language and "
        "tracks whether money promised is money spent.</p>",
    },
    # --- international ------------------------------------------------------------------
    {
        "slug": "atlantic-regional-development-fund",
        "name": "Atlantic Regional Development Fund",
        "kind": "international",
        "country": "LU",
        "website": "https://www.ardf.example/",
        "email": "operations@ardf.example",
        "description": "<p>A development bank owned by six states that lends to infrastructure "
        "and climate projects along the Atlantic coast and publishes every loan it "
        "signs.</p>",
    },
    {
        "slug": "open-infrastructure-data-partnership",
        "name": "Open Infrastructure Data Partnership",
        "kind": "international",
        "country": "BE",
        "website": "https://www.oidp.example/",
        "email": "secretariat@oidp.example",
        "description": "<p>An international partnership that helps governments disclose "
        "infrastructure projects and contracts using the Open Contracting for Infrastructure "
        "Data Standard (OC4IDS).</p>",
    },
    {
        "slug": "cities-for-climate-alliance",
        "name": "Cities for Climate Alliance",
        "kind": "international",
        "country": "DE",
        "website": "https://www.citiesforclimate.example/",
        "email": "network@citiesforclimate.example",
        "description": "<p>A network of 140 European cities sharing what works in cutting "
        "emissions, with a common set of climate indicators its members publish.</p>",
    },
]
