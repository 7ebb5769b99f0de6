"""Delete logged searches past their retention (DEMAND_RAW_LOG_DAYS, DEMAND_DAILY_DAYS)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from participation.demand.services import prune_search_log


class Command(BaseCommand):
    help = "Delete raw logged searches and daily search counts older than their retention."

    def handle(self, *args: Any, **options: Any) -> None:
        raw, daily = prune_search_log()
        self.stdout.write(f"Deleted {raw} logged searches and {daily} daily counts.")
