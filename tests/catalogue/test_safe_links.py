"""Only http(s) URLs are ever rendered as links (issue 10: stored XSS in the admin).

A harvested ``javascript:`` URL must never become an ``href``; and every template that puts
a URL from data in an ``href`` passes it through the ``safe_href`` filter first.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from catalogue.links import safe_href
from harvesters.models import HarvestRecord, HarvestSource
from tests.factories import make_organisation

ROOT = Path(__file__).resolve().parents[2]
HREF = re.compile(r'href="\{\{\s*([^}]+?)\s*\}\}"')
WITH = re.compile(r"\{%\s*with\b([^%]*)%\}")
SAFE_BINDING = re.compile(r"\b(\w+)=[^\s=]+\|safe_href\b")
# {% url 'name' as variable %}: reversed by Django, so an internal address.
URL_AS = re.compile(r"\{%\s*url\b[^%]*\bas\s+(\w+)\s*%\}")
#: URLs the code itself builds (reverse(), page URLs, paging and facet links), not data.
INTERNAL = {
    # reverse()d saved-search feed (participation/alerts/views.py)
    "follow.feed_url",
    # facet links: "?" + urlencode of the current filters (participation/data_requests/selectors.py)
    "value.url",
    # reverse()d admin addresses (harvesters/dashboard.py)
    "row.url",
    "harvests.sources_url",
    "harvests.failed_url",
    "harvests.jobs_url",
    "edit_url",
    "listing_url",
    "remove_url",
    "clear_url",
    "previous_url",
    "next_url",
    "item.url",
    "link.url",
    "section.url",
    "hit.url",
    "f.remove_url",
    "page_url",  # this page's own address (cite.html)
    "page.url",  # a Wagtail page's own address (footer_pages in base.html)
}
DANGEROUS = ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "vbscript:x"]


@pytest.mark.parametrize("url", DANGEROUS + ["mailto:a@example.org", "//evil.example/", ""])
def test_only_http_urls_are_links(url: str) -> None:
    assert safe_href(url) == ""


def test_http_urls_stay() -> None:
    assert safe_href(" https://example.org/a?b=1 ") == "https://example.org/a?b=1"
    assert safe_href("http://example.org") == "http://example.org"


@pytest.mark.django_db
def test_the_source_overview_renders_no_javascript_href(client: Client) -> None:
    source = HarvestSource.objects.create(
        name="Source",
        slug="source",
        protocol="dcat",
        url="https://example.org/c.ttl",
        organisation=make_organisation(),
    )
    for n, url in enumerate(DANGEROUS + ["https://example.org/ok"]):
        HarvestRecord.objects.create(
            source=source,
            remote_id=f"record-{n}",
            remote_url=url,
            last_error="no title",
            error_field="title",
        )
    admin = get_user_model().objects.create_superuser("admin", "a@example.org", "pw-12345678")
    client.force_login(admin)
    response = client.get(reverse("harvesters_source_overview", args=[source.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "record-0" in html  # the record is listed, as text
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert "https://example.org/ok" in hrefs
    assert not [h for h in hrefs if h.strip().lower().startswith(("javascript", "data", "vbs"))]


def unsafe_hrefs(text: str) -> list[str]:
    bound = {name for tag in WITH.findall(text) for name in SAFE_BINDING.findall(tag)}
    bound |= set(URL_AS.findall(text))
    found = []
    for expression in HREF.findall(text):
        if "|safe_href" in expression or expression in bound or expression in INTERNAL:
            continue
        if expression.endswith(("get_absolute_url", ".url_path")):
            continue
        found.append(expression)
    return found


def test_every_template_href_from_data_passes_safe_href() -> None:
    offenders = {}
    for path in ROOT.glob("*/**/templates/**/*.html"):
        if ".venv" in path.parts:
            continue
        bad = unsafe_hrefs(path.read_text(encoding="utf-8"))
        if bad:
            offenders[str(path.relative_to(ROOT))] = bad
    assert not offenders, offenders


def test_the_scan_catches_a_raw_data_href() -> None:
    assert unsafe_hrefs('<a href="{{ record.remote_url }}">x</a>') == ["record.remote_url"]
    assert unsafe_hrefs('{% with href=d.url|safe_href %}<a href="{{ href }}">{% endwith %}') == []
