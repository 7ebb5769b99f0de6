"""Demo demand: a few hundred searches over the last 30 days, in the demo catalogue's words.

Deterministic (a fixed seed), idempotent (nothing is added once searches are logged), and
honest: each search's result count is what the catalogue's own search answers for it now, so
the "found nothing" panel lists what the demo catalogue really lacks.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from search.query import SearchQuery
from search.service import search_entries

from .models import SearchLog
from .services import log_search

SEARCHES = 360
SEED = 29
# (words, filters, how often): the demo catalogue's subjects, and what it does not hold.
DEMAND: tuple[tuple[str, dict[str, list[str]], int], ...] = (
    ("air quality", {}, 30),
    ("budget", {}, 18),
    ("public transport", {}, 16),
    ("cycling", {}, 14),
    ("schools", {}, 12),
    ("flooding", {}, 12),
    ("procurement", {"country": ["IE"]}, 10),
    ("population", {}, 10),
    ("hospitals", {}, 9),
    ("traffic", {"country": ["NL"]}, 8),
    ("electricity", {}, 7),
    ("trees", {}, 6),
    ("inflation", {}, 6),
    ("timetables", {}, 6),
    ("energy", {"country": ["FR"]}, 5),
    ("noise map", {}, 14),
    ("parking occupancy", {}, 11),
    ("school catchment areas", {}, 9),
    ("electric vehicle charging points", {}, 9),
    ("building permits", {}, 7),
    ("pollen forecast", {}, 6),
    ("street lighting", {}, 5),
    ("rent prices", {"country": ["IE"]}, 5),
    ("polling stations", {}, 4),
    ("public toilets", {}, 4),
    ("wifi hotspots", {}, 3),
    ("bike theft", {}, 3),
    ("library opening hours", {}, 2),
)


def _result_counts() -> dict[str, int]:
    return {
        words: search_entries(
            SearchQuery(text=words, filters={k: tuple(v) for k, v in filters.items()})
        ).count
        for words, filters, _ in DEMAND
    }


def seed_demo() -> str:
    if SearchLog.objects.exists():
        return "Demand: searches are already logged; none added."
    rng = random.Random(SEED)
    counts = _result_counts()
    now = timezone.now()
    picks = rng.choices(DEMAND, weights=[weight for _, _, weight in DEMAND], k=SEARCHES)
    with transaction.atomic():
        for words, filters, _ in picks:
            when = now - dt.timedelta(hours=rng.randrange(30 * 24))
            log_search(
                query=words, filters=filters, result_count=counts[words], source="page", now=when
            )
    zero = sum(1 for words, _, _ in picks if counts[words] == 0)
    return f"Demand: {SEARCHES} searches logged over 30 days ({zero} found nothing)."
