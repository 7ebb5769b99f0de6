"""The demo seeder files its reports on the demo entries it finds, once."""

from __future__ import annotations

import pytest

from participation.reports.demo import seed_demo
from participation.reports.models import IssueReport
from tests.factories import make_entry

pytestmark = pytest.mark.django_db


def test_seeding_twice_files_the_reports_once(django_user_model):
    django_user_model.objects.create_superuser("admin", "admin@example.org", "x" * 20)
    make_entry(title="Road traffic counts")
    make_entry(title="Public transport timetables GTFS")
    assert seed_demo() == "issue reports: 2 filed"
    assert seed_demo() == "issue reports: 0 filed"
    fixed = IssueReport.objects.get(entry__slug="public-transport-timetables-gtfs")
    assert fixed.status == "fixed" and fixed.reply and not fixed.held
