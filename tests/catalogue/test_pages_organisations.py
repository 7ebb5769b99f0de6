"""Organisation and theme pages: what each publishes, partners in and groups.

Objects are made through the services (tests/factories.py); pages are fetched with Django's
test client against the real database.
"""

from __future__ import annotations

import pytest

from catalogue.models import Partnership
from tests.catalogue.pages import page_text
from tests.factories import make_entry, make_organisation, theme

pytestmark = pytest.mark.django_db


# --- organisations ----------------------------------------------------------------------------


def test_organisation_page_shows_what_it_publishes_and_partners_in(client):
    org = make_organisation(
        name="Port Authority", kind="government", website="https://port.example"
    )
    other = make_organisation(name="Other publisher")
    dataset = make_entry("dataset", title="Ship arrivals", publisher=org)
    api = make_entry("api", title="Berth API", publisher=org)
    make_entry("dataset", title="Port draft", publisher=org, publish=False)
    project = make_entry("ppp", title="Container terminal", publisher=other, public_authority=org)
    challenge = make_entry("challenge", title="Green shipping", publisher=other)
    Partnership.objects.create(entry=challenge, organisation=org, role="sponsor")
    # Authority and partner in one project, partner in its own API: each counted once.
    Partnership.objects.create(entry=project, organisation=org, role="advisor")
    Partnership.objects.create(entry=api, organisation=org, role="operator")

    text = page_text(client.get("/organisations/" + org.slug + "/"))

    assert "<h1>Port Authority</h1>" in text and 'href="https://port.example"' in text
    assert "Involved in 4 entries" in text
    for entry in (dataset, api, project, challenge):
        assert entry.get_absolute_url() in text
    assert "Port draft" not in text
    assert "Public authority" in text and "Sponsor" in text


def test_organisation_list_groups_by_kind_and_filters(client):
    gov = make_organisation(name="Gov Office", kind="government")
    biz = make_organisation(name="Biz Ltd", kind="business")
    make_entry("dataset", publisher=gov)

    text = page_text(client.get("/organisations/"))
    assert "<h2" in text and "Government" in text and "Business" in text
    assert gov.get_absolute_url() in text and biz.get_absolute_url() in text
    assert "1 entry" in text

    filtered = page_text(client.get("/organisations/?kind=business"))
    assert biz.get_absolute_url() in filtered and gov.get_absolute_url() not in filtered

    bad = client.get("/organisations/", {"kind": "<script>"})
    assert bad.status_code == 400
    assert b"Unknown kind of organisation" in bad.content
    assert client.get("/organisations/nobody/").status_code == 404


# --- themes -----------------------------------------------------------------------------------


def test_theme_list_shows_eu_themes_and_sdgs_apart(client):
    make_entry("dataset", themes=[theme("TRAN")])
    text = page_text(client.get("/themes/"))
    eu_at, sdg_at = text.index('id="h-eu">EU data themes'), text.index('id="h-sdg">UN Sustainable')
    transport_at = text.index(theme("TRAN").get_absolute_url())
    climate_at = text.index(theme("SDG13").get_absolute_url())
    assert eu_at < transport_at < sdg_at < climate_at
    assert "1 entry" in text


def test_theme_page_lists_published_entries_by_type(client):
    transport = theme("TRAN")
    dataset = make_entry("dataset", title="Road works", themes=[transport])
    challenge = make_entry("challenge", title="Safer crossings", themes=[transport])
    make_entry("dataset", title="Road draft", themes=[transport], publish=False)
    make_entry("dataset", title="Unrelated")

    text = page_text(client.get(transport.get_absolute_url()))

    assert dataset.get_absolute_url() in text and challenge.get_absolute_url() in text
    assert "Road draft" not in text and "Unrelated" not in text
    assert "2 entries" in text
    assert client.get("/themes/no-such-theme/").status_code == 404
