"""The open-reports demand panel, and what a person's data download and deletion do."""

from __future__ import annotations

from datetime import timedelta

import pytest

from participation.dashboard import demand_panel
from participation.personal_data import personal_data_parts
from participation.reports.models import IssueReport
from participation.reports.services import answer_report, file_report
from tests.factories import make_entry, make_organisation

pytestmark = pytest.mark.django_db


def test_the_panel_counts_per_publisher_with_median_first_response(
    make_account, moderator, django_assert_max_num_queries
):
    org_a, org_b = make_organisation(name="City of A"), make_organisation(name="Region of B")
    entry_a, entry_b = make_entry(publisher=org_a), make_entry(publisher=org_b)
    reporter = make_account()
    reports = [
        file_report(entry=entry_a, reporter=reporter, kind="other", description=f"A{n}")
        for n in range(3)
    ]
    file_report(entry=entry_b, reporter=reporter, kind="licence", description="B")
    for report, hours in zip(reports[:2], (2, 4), strict=True):
        IssueReport.objects.filter(pk=report.pk).update(
            created_at=report.created_at - timedelta(hours=hours)
        )
        report.refresh_from_db()
        answer_report(report=report, by=moderator, status="acknowledged", reply="Looking.")
    panel = demand_panel("open-reports")
    assert panel is not None and len(panel.headers) == 7
    with django_assert_max_num_queries(2):
        rows = panel.rows(None)
    assert rows[0][:5] == ["City of A", 1, 2, 0, 0] and rows[0][5] == pytest.approx(3.0, abs=0.1)
    assert rows[1][:6] == ["Region of B", 1, 0, 0, 0, ""]
    assert [row[0] for row in panel.rows([org_b.pk])] == ["Region of B"]


def test_a_person_downloads_their_reports_and_deletion_keeps_the_reports(make_account, entry):
    reporter = make_account()
    file_report(entry=entry, reporter=reporter, kind="other", description="Mine.")
    (part,) = [part for part in personal_data_parts() if part.key == "reports"]
    exported = part.export(reporter)
    assert exported[0]["description"] == "Mine." and exported[0]["entry"] == entry.title
    part.erase(reporter)
    reporter.delete()
    report = IssueReport.objects.get()
    assert report.reporter is None and report.reporter_name is None
