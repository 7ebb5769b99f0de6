"""``manage.py seed_participation_demo``: people taking part in the demo catalogue.

Each capability seeds its own records (accounts first: the others need people); every seeder
is idempotent, so ``bootstrap`` runs this on every start and only fills what is missing.
"""

from __future__ import annotations

import importlib
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

SEEDERS = (
    "participation.demo",
    "participation.discussions.demo",
    "participation.reports.demo",
    "participation.data_requests.demo",
    "participation.alerts.demo",
    "participation.demand.demo",
)


class Command(BaseCommand):
    help = "Seed demo accounts, discussions, reports, requests, follows and logged searches."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args: Any, no_progress: bool, **options: Any) -> None:
        summaries = []
        quiet = no_progress or options["verbosity"] < 1
        for module in tqdm(SEEDERS, desc="Participation demo", disable=quiet, leave=False):
            summaries.append(importlib.import_module(module).seed_demo())
        self.stdout.write(self.style.SUCCESS("Participation demo: " + "; ".join(summaries)))
