"""/api/v1/themes counts entries from the search index's facets, and they are the true counts.

The counts once came from a join over every published entry's themes on each request (about
170 ms at 20,000 entries); they are now a facet lookup. What the public sees must not change:
on the demo catalogue (a real, linked catalogue made through the services), with entries
unpublished, withdrawn and left as drafts, every count equals a direct ORM count, on the
database backend and on a real Elasticsearch node.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.models import Entry, Theme
from catalogue.services import entry_unpublish, entry_withdraw
from demo.loader import demo_load
from search.service import SearchBackend
from tests.factories import make_entry, theme
from tests.search.conftest import search_backend  # noqa: F401
from tests.search.es_fixtures import elasticsearch_url, es_backend, es_settings  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
LINK_TABLE = Entry.themes.through._meta.db_table


@pytest.fixture
def demo_catalogue(search_backend: SearchBackend) -> None:  # noqa: F811
    """The demo, then changes that leave the public fewer entries than the database holds."""
    demo_load()
    themed = list(Entry.objects.published().filter(themes__isnull=False).distinct()[:2])
    entry_unpublish(entry=themed[0])
    entry_withdraw(entry_ids=[themed[1].pk])
    make_entry("dataset", title="Draft with a theme", themes=[theme("TRAN")], publish=False)


def _orm_counts() -> dict[str, int]:
    published = Entry.objects.published()
    return dict(
        Counter(published.filter(themes__isnull=False).values_list("themes__slug", flat=True))
    )


def test_theme_counts_come_from_the_index_and_are_the_orm_counts(
    client: Any, demo_catalogue: None
) -> None:
    # One demo load per backend (it is the slow part): the three checks share it.
    client.get("/api/v1/themes")  # the database backend builds its bitmaps once per change
    with CaptureQueriesContext(connection) as captured:
        data = client.get("/api/v1/themes", {"page_size": 100}).json()
        details = {
            item.slug: client.get(f"/api/v1/themes/{item.slug}").json()
            for item in Theme.objects.all()
        }
    # A facet lookup: no query over the entry-theme links, however large the catalogue.
    joined = [q["sql"] for q in captured if LINK_TABLE in q["sql"]]
    assert not joined, joined[:2]

    expected = _orm_counts()
    assert sum(expected.values()) > 50  # the demo themes its entries: a meaningful check
    assert data["count"] == Theme.objects.count()
    assert {t["slug"]: t["entry_count"] for t in data["results"]} == {
        slug: expected.get(slug, 0) for slug in Theme.objects.values_list("slug", flat=True)
    }
    for item in Theme.objects.all():
        published = Entry.objects.published().filter(themes=item)
        per_type = Counter(published.values_list("entry_type", flat=True))
        detail = details[item.slug]
        assert detail["entry_count"] == published.count(), item.slug
        assert detail["counts"] == {key: per_type.get(key, 0) for key in detail["counts"]}
