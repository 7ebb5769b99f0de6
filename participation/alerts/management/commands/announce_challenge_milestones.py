"""``manage.py announce_challenge_milestones``: run by cron (hourly, say) so followers hear
that a challenge opened, closed or ended its judging when its dates pass, not only when an
editor changes them. ``send_alert_digests`` runs it first too."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from ...clock import announce_challenge_milestones


class Command(BaseCommand):
    help = "Announce the challenges that opened, closed or ended judging since the last run."

    def handle(self, *args: Any, **options: Any) -> None:
        count = announce_challenge_milestones()
        self.stdout.write(f"{count} challenge status changes announced")
