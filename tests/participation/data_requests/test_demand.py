"""The "most requested data" panel: rows by theme and country, scoped, in one query."""

from __future__ import annotations

import pytest

from catalogue.models import Theme
from participation.dashboard import demand_panel
from participation.data_requests import services
from tests.factories import make_organisation

pytestmark = pytest.mark.django_db


def test_rows_by_theme_scoped_to_organisations(make_account, django_assert_max_num_queries):
    org_a, org_b = make_organisation(name="A"), make_organisation(name="B")
    theme = Theme.objects.first()
    assert theme is not None
    author = make_account()
    for org in (org_a, org_a, org_b):
        item = services.post_request(
            author=author, title="T", description="D", theme=theme, likely_holder=org
        )
        services.vote(request=item, user=make_account())
    panel = demand_panel("requested-data")
    assert panel is not None
    with django_assert_max_num_queries(1):
        rows = panel.rows([org_a.pk])
    assert rows == [[theme.name, "Not given", 2, 2]]
    assert panel.rows(None)[0][2] == 3
