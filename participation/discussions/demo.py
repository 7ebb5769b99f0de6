"""Demo discussions: a few plausible threads on real demo entries (idempotent).

Run by ``manage.py bootstrap`` after the demo catalogue is loaded; entries it cannot find are
skipped and said so in the summary. The demo participants have no password (nobody signs in
as them) and a reserved ``example.org`` address.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model

from catalogue.models import Entry
from participation.selectors import profile_of

from . import services
from .models import Thread

# (entry type, slug, title, [(participant, body, publisher's answer?)])
THREADS: list[tuple[str, str, str, list[tuple[str, str, bool]]]] = [
    (
        "dataset",
        "population-estimates-by-district",
        "Are the 2021 figures revised after the census?",
        [
            (
                "amira",
                "The district totals for 2021 differ from the census release. "
                "Which one should I use for *per-capita* rates?",
                False,
            ),
            (
                "publisher",
                "Use this dataset: the 2021 estimates were **rebased on the census** "
                "in the latest release. The notes explain the method.",
                True,
            ),
        ],
    ),
    (
        "dataset",
        "bus-and-tram-stops",
        "Wheelchair accessibility of stops",
        [
            (
                "jonas",
                "Is there a field saying whether a stop has step-free access? "
                "We are mapping accessible journeys.",
                False,
            ),
            (
                "amira",
                "Not yet as far as I can see; the GTFS feed has `wheelchair_boarding` "
                "for some stops though.",
                False,
            ),
        ],
    ),
    (
        "api",
        "real-time-departures-api",
        "Rate limit for a community app",
        [
            (
                "jonas",
                "Our volunteer app polls every 30 seconds for 40 stops. Is that within "
                "the rate limit, or should we ask for a key?",
                False,
            ),
        ],
    ),
]
PARTICIPANTS = {"amira": "Amira Haddad", "jonas": "Jonas Berg"}


def _participant(key: str) -> Any:
    user, _ = get_user_model().objects.get_or_create(
        username=f"demo-{key}", defaults={"email": f"demo-{key}@example.org"}
    )
    profile = profile_of(user)
    profile.display_name, profile.trusted = PARTICIPANTS.get(key, key), True
    profile.save(update_fields=["display_name", "trusted"])
    return user


def _publisher_voice(entry: Entry) -> Any:
    """A demo editor of the entry's publisher, so its answer is the publisher's."""
    from participation.models import Membership, MembershipRole, MembershipStatus

    user = _participant(f"editor-{entry.publisher.slug}"[:140])
    profile = profile_of(user)
    profile.display_name = f"{entry.publisher.name} team"
    profile.save(update_fields=["display_name"])
    Membership.objects.get_or_create(
        user=user,
        organisation=entry.publisher,
        defaults={"role": MembershipRole.EDITOR, "status": MembershipStatus.APPROVED},
    )
    return user


def seed_demo() -> str:
    made, skipped = 0, 0
    for entry_type, slug, title, posts in THREADS:
        entry = Entry.objects.filter(entry_type=entry_type, slug=slug, live=True).first()
        if entry is None:
            skipped += 1
            continue
        if Thread.objects.filter(subject_id=entry.pk, title=title).exists():
            continue
        thread = None
        for who, body, answer in posts:
            user = _publisher_voice(entry) if who == "publisher" else _participant(who)
            if thread is None:
                thread = services.start_thread(user=user, subject=entry, title=title, body=body)
            else:
                services.add_reply(user=user, thread=thread, body=body, as_answer=answer)
        made += 1
    return f"discussions: {made} demo threads added, {skipped} skipped (entry not loaded)"
