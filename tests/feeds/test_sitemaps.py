"""sitemap.xml (an index of sections, paginated) and robots.txt."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from interop import sitemaps
from tests.factories import make_entry, make_organisation

pytestmark = pytest.mark.django_db
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locs(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return root, [el.text for el in root.findall(".//sm:loc", NS)]


def test_index_lists_every_section_and_sections_list_public_urls(client, monkeypatch):
    org = make_organisation(name="City", slug="city")
    make_entry("dataset", title="Bus stops", slug="bus-stops", publisher=org)
    make_entry("api", title="Tram API", slug="tram", publisher=org)
    make_entry("dataset", title="Secret", slug="secret", publisher=org, publish=False)
    root, sections = locs(client, "/sitemap.xml")
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    assert {s.rsplit("/", 1)[1] for s in sections} >= {
        "sitemap-entries.xml",
        "sitemap-organisations.xml",
        "sitemap-themes.xml",
        "sitemap-pages.xml",
    }
    _, entries = locs(client, "/sitemap-entries.xml")
    assert entries == ["http://testserver/datasets/bus-stops/", "http://testserver/apis/tram/"]
    root, _ = locs(client, "/sitemap-entries.xml")
    assert root.find(".//sm:lastmod", NS) is not None
    _, orgs = locs(client, "/sitemap-organisations.xml")
    assert "http://testserver/organisations/city/" in orgs
    _, themes = locs(client, "/sitemap-themes.xml")
    assert len(themes) == 30  # 13 EU data themes + 17 SDGs
    assert client.get("/sitemap-nothing.xml").status_code == 404
    assert client.get("/sitemap-entries.xml?p=99").status_code == 404
    assert client.get("/sitemap-entries.xml?p=abc").status_code == 404


def test_sections_are_paginated(client, monkeypatch):
    monkeypatch.setattr(sitemaps.EntrySitemap, "limit", 2)
    org = make_organisation()
    for n in range(5):
        make_entry("dataset", title=f"Set {n}", publisher=org)
    _, sections = locs(client, "/sitemap.xml")
    entry_pages = [s for s in sections if "sitemap-entries" in s]
    assert len(entry_pages) == 3
    _, last = locs(client, "/sitemap-entries.xml?p=3")
    assert len(last) == 1


def test_robots_txt_allows_the_site_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines and "Disallow: /api/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /" not in lines
