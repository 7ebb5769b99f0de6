"""``manage.py send_alert_digests --frequency daily|weekly``: run by cron (or a scheduler)
once a day and once a week. Saved searches are checked first, so entries that arrived by a
harvest (which sends no per-entry signal) reach their digests too."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ...clock import announce_challenge_milestones
from ...saved_searches import check_saved_searches
from ...sending import send_pending_alerts


class Command(BaseCommand):
    help = "Mail each person's pending daily or weekly alerts as one digest."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--frequency", choices=["daily", "weekly"], required=True)
        parser.add_argument(
            "--skip-search-check",
            action="store_true",
            help="Do not look for new matches of saved searches first.",
        )

    def handle(self, *args: Any, frequency: str, skip_search_check: bool, **options: Any) -> None:
        milestones = announce_challenge_milestones()
        matched = 0 if skip_search_check else check_saved_searches()
        mails = send_pending_alerts(frequency)
        self.stdout.write(
            f"{milestones} challenge status changes announced; "
            f"{matched} saved-search alerts written; {mails} {frequency} digests queued"
        )
