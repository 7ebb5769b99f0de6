"""The public pages: /reuses/, a reuse's page, and "Reused in" on dataset and API pages."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client

from catalogue.services import entry_unpublish, entry_withdraw

pytestmark = pytest.mark.django_db


def page(client: Client, path: str, status: int = 200) -> str:
    response = client.get(path)
    assert response.status_code == status, path
    return response.content.decode()


def section(html: str, heading_id: str) -> str:
    """The HTML of the section a heading opens ("" when the page has no such section)."""
    match = re.search(rf'<section[^>]*aria-labelledby="{heading_id}".*?</section>', html, re.S)
    return match.group(0) if match else ""


def test_listing_shows_published_reuses_with_their_kind(client: Client, reuse_catalogue: Any):
    html = page(client, "/reuses/")
    assert "Transit companion" in html and "Why the tram is late" in html
    assert "Unpublished idea" not in html
    assert "Application" in html and "News article" in html  # the card's kind
    assert html.count('class="card card--reuse"') == 2


def test_detail_page_lists_only_published_uses(client: Client, reuse_catalogue: Any):
    html = page(client, "/reuses/transit-companion/")
    uses = section(html, "h-uses")
    assert "Bus and tram stops" in uses and "Departures API" in uses
    assert "Old traffic counts" not in uses  # withdrawn before: never listed
    glance = section(html, "h-glance")
    assert 'href="https://apps.reuse.example/transit"' in glance
    assert "Amira Haddad" in glance and "Urban Data Lab" in glance
    assert "<h1>Transit companion</h1>" in html
    page(client, "/reuses/draft-idea/", status=404)


def test_withdrawing_a_dataset_removes_it_from_the_uses_list(client: Client, reuse_catalogue):
    assert "Bus and tram stops" in section(page(client, "/reuses/late-tram/"), "h-uses")
    entry_withdraw(entry_ids=[reuse_catalogue["stops"].pk])
    uses = section(page(client, "/reuses/late-tram/"), "h-uses")
    assert "Bus and tram stops" not in uses and "Cycle counts" in uses


def test_reused_in_on_dataset_and_api_pages(client: Client, reuse_catalogue: Any):
    reused = section(page(client, "/datasets/stops/"), "h-reused-in")
    assert "Transit companion" in reused and "Why the tram is late" in reused
    assert "Unpublished idea" not in reused  # a draft reuse is not shown
    assert 'href="/reuses/transit-companion/"' in reused
    assert "Transit companion" in section(page(client, "/apis/departures/"), "h-reused-in")
    counts = section(page(client, "/datasets/cycle-counts/"), "h-reused-in")
    assert "Why the tram is late" in counts and "Transit companion" not in counts


def test_a_withdrawn_or_unpublished_reuse_leaves_reused_in(client: Client, reuse_catalogue):
    entry_withdraw(entry_ids=[reuse_catalogue["story"].pk])
    entry_unpublish(entry=reuse_catalogue["app"])
    assert section(page(client, "/datasets/stops/"), "h-reused-in") == ""
    assert section(page(client, "/apis/departures/"), "h-reused-in") == ""


def test_page_carries_schema_org_software_application(client: Client, reuse_catalogue: Any):
    data = _json_ld(page(client, "/reuses/transit-companion/"))
    assert data["@type"] == "SoftwareApplication"
    assert data["applicationCategory"] == "Application"
    assert data["url"] == "https://apps.reuse.example/transit"
    assert data["author"] == {"@type": "Organization", "name": "Amira Haddad"}
    assert sorted(data["isBasedOn"]) == [  # the withdrawn dataset is left out
        "http://catalogue.test/apis/departures/",
        "http://catalogue.test/datasets/stops/",
    ]
    article = _json_ld(page(client, "/reuses/late-tram/"))
    assert article["@type"] == "CreativeWork" and article["genre"] == "News article"
    assert "image" not in article


def _json_ld(html: str) -> dict[str, Any]:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD"
    data: dict[str, Any] = json.loads(match.group(1))
    return data
