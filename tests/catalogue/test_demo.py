"""The demo catalogue and the bootstrap command that ``make run`` calls on every start."""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page, Revision, Site, WorkflowContentType

from catalogue.models import (
    ContentPage,
    Distribution,
    Entry,
    GuideIndexPage,
    HomePage,
    Organisation,
    OrganisationKind,
    Partnership,
)
from catalogue.registry import entry_types
from demo.loader import demo_load
from entrytypes.challenge.status import challenge_status
from search.backends import get_backend
from search.params import parse_search_params
from search.service import search_entries
from tests.factories import make_entry

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def _snapshot() -> dict[str, int]:
    return {
        "organisations": Organisation.objects.count(),
        "entries": Entry.objects.count(),
        "distributions": Distribution.objects.count(),
        "partnerships": Partnership.objects.count(),
        "revisions": Revision.objects.count(),
        "pages": Page.objects.count(),
        "users": get_user_model().objects.count(),
    }


def test_demo_is_a_living_linked_catalogue_and_loads_once() -> None:
    out = io.StringIO()
    call_command("load_demo", "--no-progress", stdout=out)
    assert re.search(
        r"Demo content loaded in [\d.]+ s: 19 organisations, 17 datasets", out.getvalue()
    )

    published = Entry.objects.published()
    per_type = Counter(published.values_list("entry_type", flat=True))
    assert all(per_type[entry_type] >= 15 for entry_type, _label in entry_types.choices()), per_type
    kinds = Counter(Organisation.objects.values_list("kind", flat=True))
    assert all(kinds[kind] >= 2 for kind in OrganisationKind.values), kinds

    entries = list(
        published.prefetch_related(
            "themes",
            "countries",
            "languages",
            "serves_datasets",
            "related_datasets",
            "offered_resources",
            "distributions",
            "partnerships",
        )
    )
    _assert_entries_are_complete(entries)
    by_type = _assert_links_resolve(entries)
    _assert_distributions_and_type_details(by_type)

    # The index was kept in step: the public search finds demo entries.
    assert search_entries(parse_search_params({"q": "air quality"})).count >= 2

    # A second run does nothing, and --force only fills gaps (there are none).
    before = _snapshot()
    out = io.StringIO()
    call_command("load_demo", "--no-progress", stdout=out)
    assert "already loaded" in out.getvalue()
    assert demo_load().skipped
    assert demo_load(force=True).total == 0
    assert _snapshot() == before


def _assert_entries_are_complete(entries: list[Entry]) -> None:
    for entry in entries:
        assert entry.live_revision_id, entry  # made through the services: revisions exist
        assert entry.themes.all() and entry.keywords and entry.licence_id, entry
        assert entry.countries.all() and entry.languages.all(), entry
        assert entry.contact_email and len(entry.description) >= 80, entry
        assert "lorem" not in (entry.title + entry.description).lower()
        assert ".example" in entry.landing_page  # reserved domain: no real site is linked


def _assert_links_resolve(entries: list[Entry]) -> dict[str, list[Entry]]:
    """Every related entry is published and of the type the link promises."""
    public_ids = {e.pk: e.entry_type for e in entries}
    for entry in entries:
        for target in entry.serves_datasets.all():
            assert public_ids.get(target.pk) == "dataset", entry
        for target in entry.related_datasets.all():
            assert public_ids.get(target.pk) == "dataset", entry
        for target in entry.offered_resources.all():
            assert public_ids.get(target.pk) in {"dataset", "api"}, entry
    by_type = {t: [e for e in entries if e.entry_type == t] for t, _label in entry_types.choices()}
    assert all(api.serves_datasets.all() for api in by_type["api"])
    assert all(p.related_datasets.all() and p.partnerships.all() for p in by_type["ppp"])
    assert all(c.offered_resources.all() for c in by_type["challenge"])
    assert len({e.get_absolute_url() for e in entries}) == len(entries)
    return by_type


def _assert_distributions_and_type_details(by_type: dict[str, list[Entry]]) -> None:
    formats = {d.format.upper() for d in Distribution.objects.all()}
    assert {"CSV", "JSON", "GEOJSON", "PDF", "API"} <= formats
    assert not Distribution.objects.exclude(download_url="").filter(byte_size__isnull=True)

    apis = by_type["api"]
    assert any(a.lifecycle == "deprecated" and a.sunset_date for a in apis)
    assert {a.authentication for a in apis} >= {"none", "api-key", "oauth2", "registration"}
    statuses = Counter(challenge_status(c) for c in by_type["challenge"])
    assert set(statuses) == {"upcoming", "open", "judging", "closed"}, statuses
    for challenge in by_type["challenge"]:
        weights = [c.weight for c in challenge.criteria.all()]
        assert sum(weights) == 100, challenge
        has_winners = challenge.winners.exists()
        assert has_winners == (challenge_status(challenge) == "closed"), challenge
    assert {p.project_status.code for p in by_type["ppp"]} >= {
        "identification",
        "preparation",
        "implementation",
        "completion",
        "cancelled",
    }


@pytest.fixture
def var_dir(settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    settings.VAR_DIR = tmp_path
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    for name in ("ADMIN_USERNAME", "ADMIN_PASSWORD", "ADMIN_EMAIL", "PORT"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def _bootstrap(*args: str) -> str:
    out = io.StringIO()
    call_command("bootstrap", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_bootstrap_sets_up_everything_once_and_is_idempotent(var_dir: Path) -> None:
    first = _bootstrap()

    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage) and home.live
    assert not Page.objects.filter(depth=2).exclude(pk=home.pk).live().exists()  # no Welcome
    about = home.get_children().get(slug="about").specific
    assert isinstance(about, ContentPage) and about.live and about.body
    guides = home.get_children().type(GuideIndexPage).get().specific
    titles = set(guides.get_children().live().values_list("title", flat=True))
    assert titles == {"Publishing your data", "Using our APIs"}
    assert WorkflowContentType.objects.count() == len(entry_types.choices())
    assert Entry.objects.published().count() >= 60

    match = re.search(r"username: admin\s+password: (\S+)", first)
    assert match, first
    password = match.group(1)
    credentials = (var_dir / "admin-credentials.txt").read_text()
    assert f"password: {password}" in credentials
    assert (var_dir / "admin-credentials.txt").stat().st_mode & 0o077 == 0
    client = Client()
    assert client.login(username="admin", password=password)

    before = _snapshot()
    second = _bootstrap()
    assert _snapshot() == before
    assert f"password: {password}" in second  # credentials printed on every run

    for path in ("/", "/about/", "/guides/", "/guides/using-our-apis/"):
        assert Client().get(path).status_code == 200, path


def test_bootstrap_takes_the_admin_from_the_environment(
    var_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADMIN_USERNAME", "curator")
    monkeypatch.setenv("ADMIN_PASSWORD", "a-password-from-the-env")
    monkeypatch.setenv("ADMIN_EMAIL", "curator@example.org")
    out = _bootstrap("--no-demo")
    user = get_user_model().objects.get(username="curator")
    assert user.is_superuser and user.email == "curator@example.org"
    assert user.check_password("a-password-from-the-env")
    assert "a-password-from-the-env" not in out and "username: curator" in out
    assert not (var_dir / "admin-credentials.txt").exists()
    assert not Entry.objects.exists()


def test_bootstrap_rebuilds_an_empty_search_index(var_dir: Path) -> None:
    entry = make_entry("dataset", title="Groundwater abstraction licences")
    get_backend().remove_entries([entry.pk])
    assert search_entries(parse_search_params({"q": "groundwater"})).count == 0

    out = _bootstrap("--no-demo")

    assert "Search index rebuilt" in out
    assert search_entries(parse_search_params({"q": "groundwater"})).count == 1
