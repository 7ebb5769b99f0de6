"""Demo challenges with timelines relative to today, prizes, criteria and winners.

The items are in demo.json beside this module; the fields they become are built here.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from catalogue.models import ChallengePhase, JudgingCriterion, Prize, Winner
from catalogue.registry import entry_types
from demo.loader import DemoLoader
from demo.parts import DemoItem, DemoPart


def challenge_phases(
    kind: str, opens: dt.datetime, closes: dt.datetime, results: dt.datetime
) -> list[ChallengePhase]:
    if kind == "hackathon":
        event = closes - dt.timedelta(days=2)
        spans = [
            ("Registration", opens, event, "Form a team and choose a problem."),
            ("Hackathon weekend", event, closes, "48 hours of building, with mentors."),
        ]
    else:
        spans = [("Open for entries", opens, closes, "Ask questions and send your entry.")]
    spans += [
        ("Judging", closes, results, "The jury scores every eligible entry."),
        ("Results", results, results, "Winners announced and prizes awarded."),
    ]
    return [
        ChallengePhase(
            name=name,
            starts_on=start.date(),
            ends_on=end.date(),
            description=text,
            sort_order=n,
        )
        for n, (name, start, end, text) in enumerate(spans)
    ]


def demo_fields(loader: DemoLoader, data: DemoItem, index: int) -> dict[str, Any]:
    fields = loader.core(data, index, "challenge", segment="challenges")
    opens, closes, results = (loader.now + dt.timedelta(days=d) for d in data["timeline"])
    # A challenge is announced before it opens.
    fields["issued"] = min(fields["issued"], opens - dt.timedelta(days=14))
    fields.update(
        landing_page=f"https://challenges.northbridge.example/{data['slug']}/",
        problem_statement=data["problem_statement"],
        challenge_type=data["challenge_type"],
        eligibility=data["eligibility"],
        how_to_enter=data["how_to_enter"],
        opens_at=opens,
        closes_at=closes,
        judging_ends_at=results,
        outcomes=data.get("outcomes", ""),
        offered_resources=loader.linked(data["offered"]),
        partnerships=loader.partners(data["partners"]),
        phases=challenge_phases(data["challenge_type"], opens, closes, results),
        prizes=[
            Prize(
                title=title,
                amount=Decimal(amount) if amount else None,
                currency=currency,
                non_monetary=other,
                sort_order=n,
            )
            for n, (title, amount, currency, other) in enumerate(data["prizes"])
        ],
        criteria=[
            JudgingCriterion(name=name, weight=weight, description=text, sort_order=n)
            for n, (name, weight, text) in enumerate(data["criteria"])
        ],
        winners=[
            Winner(
                name=name,
                organisation=loader.orgs.get(org) if org else None,
                prize=prize,
                description=text,
                sort_order=n,
            )
            for n, (name, org, prize, text) in enumerate(data.get("winners", []))
        ],
    )
    return fields


entry_types.add_part(
    "challenge",
    DemoPart,
    DemoPart(items_file=Path(__file__).with_name("demo.json"), fields=demo_fields),
)
