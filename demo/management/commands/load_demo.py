"""``manage.py load_demo``: load the demo catalogue once (see ``demo``)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from catalogue.registry import entry_types
from demo.loader import demo_is_loaded, demo_item_count, demo_load

# What the summary line calls each count; entry types are named by the registry.
LABELS = {
    "organisations": "organisations",
    "distributions": "distributions",
    "partnerships": "partners",
    "milestones": "milestones",
    "risks": "risk allocations",
    "documents": "documents",
    "phases": "challenge phases",
    "prizes": "prizes",
    "criteria": "judging criteria",
    "winners": "winners",
}


def _label(what: str) -> str:
    if what in entry_types:
        return str(entry_types.get(what).label_plural).lower()
    return LABELS.get(what, what)


class Command(BaseCommand):
    help = (
        "Load a realistic demo catalogue: organisations of every kind with datasets, APIs, "
        "PPP projects and challenges linked to each other. Does nothing if it is loaded."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load whatever part of the demo is missing even though some of it exists "
            "(never duplicates).",
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args: Any, force: bool, no_progress: bool, **options: Any) -> None:
        if not force and demo_is_loaded():
            self.stdout.write("Demo content is already loaded (use --force to fill gaps).")
            return
        bar = tqdm(
            total=demo_item_count(),
            desc="Demo content",
            unit="item",
            disable=no_progress or options["verbosity"] < 1,
            file=self.stderr._out,
            leave=False,
        )
        with bar:
            summary = demo_load(force=force, progress=lambda label: bar.update(1))
        if not summary.total:
            self.stdout.write("Demo content is complete: nothing to add.")
            return
        made = ", ".join(f"{count} {_label(what)}" for what, count in summary.created.items())
        self.stdout.write(
            self.style.SUCCESS(f"Demo content loaded in {summary.seconds:.1f} s: {made}.")
        )
