"""Demo requests on real demo organisations and themes, voted for by demo accounts; one has
an organisation's response and one is planned. Idempotent: run it twice, get them once."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from catalogue.models import Organisation, Theme

from .models import DataRequest, RequestStatus
from .services import change_status, post_request, respond, vote

AUTHOR = "sam.okafor@mail.example"
VOTERS = ("aoife.byrne@northbridge.example", "marta.nowak@statistics.example")
# (title, kind, description, reason, holder slug, theme code)
REQUESTS = [
    (
        "Real-time bus positions",
        "api",
        "Vehicle positions of every city bus, updated every 30 seconds (GTFS-Realtime).",
        "A journey planner for people with reduced mobility needs live arrival times.",
        "northbridge-city-council",
        "TRAN",
    ),
    (
        "Household income by district",
        "dataset",
        "Median disposable household income per district and year, from 2015.",
        "Our housing charity targets help where incomes fell.",
        "national-statistics-office",
        "ECON",
    ),
    (
        "Air quality sensor readings",
        "dataset",
        "Hourly PM2.5 and NO2 readings of every municipal sensor, with locations.",
        "Parents want to choose safer walking routes to school.",
        "",
        "ENVI",
    ),
]


def seed_demo() -> str:
    """Post the demo requests that are missing, with votes, a response and a plan."""
    users = get_user_model().objects
    author = users.filter(email=AUTHOR).first()
    if author is None:
        return "data requests: 0 posted (no demo accounts)"
    voters = list(users.filter(email__in=VOTERS))
    made = 0
    for title, kind, description, reason, holder_slug, theme_code in REQUESTS:
        if DataRequest.objects.filter(title=title).exists():
            continue
        holder = Organisation.objects.filter(slug=holder_slug).first() if holder_slug else None
        item = post_request(
            author=author,
            title=title,
            description=description,
            reason=reason,
            kind=kind,
            likely_holder=holder,
            theme=Theme.objects.filter(scheme="eu", code=theme_code).first(),
        )
        for voter in voters:
            vote(request=item, user=voter)
        made += 1
        _answer(item)
    return f"data requests: {made} posted"


def _answer(item: DataRequest) -> None:
    """The first request is planned by its holder, the second answered in words."""
    moderator = get_user_model().objects.filter(is_superuser=True).first()
    if moderator is None or item.likely_holder is None:
        return
    if item.title == REQUESTS[0][0]:
        change_status(request=item, by=moderator, status=RequestStatus.PLANNED, note="Q3")
    elif item.title == REQUESTS[1][0]:
        respond(
            request=item,
            organisation=item.likely_holder,
            by=moderator,
            body="We publish this in the next census release; district codes follow.",
        )
