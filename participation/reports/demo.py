"""Demo reports on real demo entries: a broken download, outdated figures, a licence question
(answered) and one private personal-data report. Idempotent: run it twice, get them once."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from catalogue.models import Entry
from participation.selectors import profile_of

from .models import IssueReport
from .services import answer_report, file_report

DEMO_USERNAME = "demo-reporter"

REPORTS = [
    (
        "public-transport-timetables-gtfs",
        "broken_link",
        "The GTFS zip linked from this page answers 404 Not Found since this morning.",
        "fixed",
        "The file moved during a server migration; the link is corrected. Thank you.",
    ),
    (
        "consumer-price-index",
        "wrong_or_outdated",
        "The last monthly figure shown is from March, but the office has published April.",
        "acknowledged",
        "Thanks, the harvest of the April release failed; we are re-running it.",
    ),
    (
        "road-traffic-counts",
        "licence",
        "The page says CC BY 4.0 but the CSV header says all rights reserved.",
        "open",
        "",
    ),
    (
        "schools-and-enrolment",
        "personal_data",
        "The enrolment file for small schools has counts of 1 or 2 pupils per age: "
        "those children can be identified.",
        "open",
        "",
    ),
]


def seed_demo() -> str:
    """File the demo reports that are missing; answer those the publisher has answered."""
    user, created = get_user_model().objects.get_or_create(
        username=DEMO_USERNAME, defaults={"email": "demo-reporter@example.org"}
    )
    if created:
        user.set_unusable_password()
        user.save()
        profile = profile_of(user)
        profile.display_name, profile.trusted = "Lina O.", True
        profile.save()
    moderator = get_user_model().objects.filter(is_superuser=True).first()
    made = 0
    for slug, kind, description, status, reply in REPORTS:
        entry = Entry.objects.published().filter(slug=slug).first()
        if (
            entry is None
            or IssueReport.objects.filter(entry=entry, description=description).exists()
        ):
            continue
        report = file_report(entry=entry, reporter=user, kind=kind, description=description)
        if moderator is not None and (status != "open" or reply):
            answer_report(report=report, by=moderator, status=status, reply=reply)
        made += 1
    return f"issue reports: {made} filed"
