"""Editorial pages made on first start: the home page text, About, and two guides.

StreamField content in its raw form (a list of ``{"type", "value"}`` blocks), in plain
language for publishers and reusers.
"""

from __future__ import annotations

from typing import Any


def heading(text: str) -> dict[str, Any]:
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def paragraph(html: str) -> dict[str, Any]:
    return {"type": "paragraph", "value": html}


def callout(title: str, html: str, url: str = "", link_text: str = "") -> dict[str, Any]:
    value = {"title": title, "text": html, "link_url": url, "link_text": link_text}
    return {"type": "callout", "value": value}


HOME = {
    "title": "Home",
    "hero_title": "Open data, APIs, partnerships and challenges in one place",
    "hero_text": "Find datasets and APIs to build on, follow public-private partnership "
    "projects, and take part in challenges that put open data to work.",
    "body": [],
}

ABOUT = {
    "slug": "about",
    "title": "About this catalogue",
    "show_in_menus": True,  # the footer links the site root's pages that are in menus
    "summary": "What the catalogue is, who publishes in it and how to reuse what you find.",
    "body": [
        paragraph(
            "<p>This catalogue brings together the open datasets and APIs that public bodies, "
            "businesses, universities and community groups publish, the infrastructure projects "
            "that government delivers with private partners, and the innovation challenges that "
            "ask everyone to help solve public problems.</p>"
        ),
        heading("What you can do here"),
        paragraph(
            "<ul><li>Search every dataset, API, project and challenge at once, and narrow the "
            "results by organisation, theme, licence, format or country.</li>"
            "<li>See at a glance how to get an API key, what the rate limits are and when an "
            "API will be retired.</li>"
            "<li>Follow a partnership project from tender to operation, with its partners, "
            "milestones and who bears which risk.</li>"
            "<li>Enter a challenge and use the data offered to participants.</li></ul>"
        ),
        heading("Where the entries come from"),
        paragraph(
            "<p>Most entries are collected automatically from the open data portals where "
            "organisations already publish. Editors check them, improve their descriptions and "
            "add what is missing. Each entry says where it came from and when it was last "
            "updated.</p>"
        ),
        callout(
            "Demonstration content",
            "<p>The organisations and entries shown on a new installation are invented for "
            "demonstration. They are modelled on what real public bodies publish, but none of "
            "the web addresses work.</p>",
        ),
        heading("Reusing what you find"),
        paragraph(
            "<p>Every entry shows its licence. Most allow reuse for any purpose as long as you "
            "credit the publisher. The same search is available as a JSON API for your own "
            "tools.</p>"
        ),
    ],
}

GUIDES = {
    "slug": "guides",
    "title": "Guides",
    "show_in_menus": True,
    "intro": "Short, practical guides for people who publish data and people who use it.",
}

GUIDE_PAGES = [
    {
        "slug": "publishing-your-data",
        "title": "Publishing your data",
        "summary": "How to get your datasets into the catalogue and make them easy to find "
        "and reuse.",
        "body": [
            paragraph(
                "<p>If your organisation already publishes data on its own website or open "
                "data portal, you do not need to enter it twice. We can collect it from your "
                "portal automatically and keep it up to date.</p>"
            ),
            heading("1. Choose an open licence"),
            paragraph(
                "<p>Without a licence, people cannot know whether they may reuse your data. "
                "We recommend Creative Commons Attribution 4.0 (CC BY 4.0): anyone may reuse "
                "the data for any purpose if they credit you. For data with no rights to "
                "reserve, CC0 gives it to the public domain.</p>"
            ),
            heading("2. Use open formats"),
            paragraph(
                "<p>Publish tables as CSV, structured data as JSON, and maps as GeoJSON or "
                "GeoPackage. A PDF is fine for a report, but it is not a way to publish "
                "data.</p>"
            ),
            heading("3. Describe it for someone who has never heard of it"),
            paragraph(
                "<p>Say what the data is, who collected it and how, what each column means, "
                "which period and places it covers, and how often it is updated. Add a few "
                "keywords and choose a theme. The catalogue shows you a quality score and "
                "the changes that would raise it.</p>"
            ),
            heading("4. Give a contact"),
            paragraph(
                "<p>Use a team address rather than a person's, so that questions still reach "
                "someone when people move on.</p>"
            ),
            callout(
                "Connect your portal",
                "<p>Tell us the address of your portal's catalogue (DCAT, CKAN or data.json) "
                "and we will set up regular harvesting.</p>",
            ),
        ],
    },
    {
        "slug": "using-our-apis",
        "title": "Using our APIs",
        "summary": "Find an API, get access, stay within its limits and plan for new versions.",
        "body": [
            paragraph(
                "<p>Each API entry in the catalogue tells you what you need before you write "
                "a line of code: the address to call, the description document (usually "
                "OpenAPI), what it costs, whether you must register, how you authenticate, "
                "the rate limits and where it is in its lifecycle. When the publisher does "
                "not say, the entry says so rather than guessing.</p>"
            ),
            heading("Finding the right API"),
            paragraph(
                "<p>The APIs page and the search page filter APIs by type, authentication, "
                "pricing (free, free tier with limits, paid), registration and lifecycle. "
                'Searching for words such as "OAuth", "free tier" or "rate limit" also finds '
                "the APIs whose access details say so. A filter value the catalogue does not "
                "know is refused with a message, never silently ignored.</p>"
            ),
            heading("Getting access"),
            paragraph(
                "<p>Open APIs need no key at all. Others ask for an API key, which you get by "
                "registering on the publisher's developer portal, or for OAuth 2 client "
                'credentials. The entry\'s "How to get access" section says which, and where '
                "to go.</p>"
            ),
            heading("Staying within the limits"),
            paragraph(
                "<p>Rate limits protect the service for everyone. Cache responses you reuse, "
                "and when you receive HTTP 429 (too many requests), wait for the time given in "
                "the Retry-After header before trying again.</p>"
            ),
            heading("Lifecycle: experimental, production, deprecated, retired"),
            paragraph(
                "<p>Experimental APIs may change without much notice; do not build critical "
                "services on them. A deprecated API may have a sunset date after which it "
                "stops working, and its entry links to the API that replaces it when there "
                "is one: move to it before then. Filter by the Deprecated lifecycle on the "
                "APIs page (or add lifecycle=deprecated to the catalogue API's search) to "
                "find every deprecated API you depend on.</p>"
            ),
            heading("Our own API"),
            paragraph(
                "<p>The catalogue itself has a read-only JSON API. The search takes the same "
                "parameters as the search page, and an OpenAPI document describes every "
                "endpoint.</p>"
            ),
            callout(
                "OpenAPI document",
                "<p>Describe, test and generate clients for the catalogue's API.</p>",
                "/api/openapi.json",
                "Open the OpenAPI document",
            ),
        ],
    },
]
