"""`make bench-engagement` (discussions): an entry page with 200 comments (issue 11).

A temporary SQLite catalogue gets one published dataset with 20 threads of 10 posts (bulk
inserts through participation.discussions.services.bulk_posts); the page is then requested
through Django's test client (the full middleware stack, DEBUG off), 3 warm-up requests then
20 timed ones, signed out and signed in. Reported: the median server time and the number of
queries of one request, against the same page of an entry with a single comment: bounded
means the count does not grow with the comments. Target: median <= 100 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from typing import Any

TARGET_MS = 100.0
THREADS, POSTS_PER_THREAD = 20, 10
WARM_UP, REPEATS = 3, 20


def _setup(var_dir: str) -> None:
    os.environ.update(
        {
            "VAR_DIR": var_dir,
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "DEBUG": "false",
            "SECRET_KEY": "bench-discussions-" + "x" * 40,
            "ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_COOKIES": "false",
            "LOG_LEVEL": "WARNING",
            "ELASTICSEARCH_URL": "",
        }
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _seed() -> tuple[Any, Any, Any]:
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    from catalogue.models import Licence, Organisation
    from catalogue.services import entry_create, entry_publish
    from participation.discussions.services import bulk_posts
    from participation.selectors import profile_of

    organisation = Organisation.objects.create(
        name="Benchmark Statistics Office", slug="bench-stats", kind="government"
    )
    entries = []
    for title in ("Population by district", "Births by district"):
        entry = entry_create(
            entry_type="dataset",
            title=title,
            publisher=organisation,
            publish=False,
            summary="Yearly estimates.",
            licence=Licence.objects.filter(spdx_id="CC-BY-4.0").first(),
        )
        entry.save_revision()
        entries.append(entry_publish(entry=entry))
    users = []
    for n in range(21):
        user = get_user_model().objects.create_user(username=f"bench{n}", password=None)
        EmailAddress.objects.create(user=user, email=f"bench{n}@example.org", verified=True)
        profile = profile_of(user)
        profile.display_name, profile.trusted = f"Participant {n}", True
        profile.save()
        users.append(user)
    bulk_posts(
        subject=entries[0], authors=users[:20], threads=THREADS, posts_per_thread=POSTS_PER_THREAD
    )
    bulk_posts(subject=entries[1], authors=users[:1], threads=1, posts_per_thread=1)
    return entries[0], entries[1], users[20]


def _measure(client: Any, url: str) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(WARM_UP):
        assert client.get(url).status_code == 200
    timings = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(timings), len(queries.captured_queries)


def run(args: argparse.Namespace | None = None) -> list[str]:
    """Seed, measure, and return the table's lines (the lead's `make bench-engagement`)."""
    with tempfile.TemporaryDirectory(prefix="bench-discussions-") as var_dir:
        _setup(var_dir)
        from django.test import Client

        entry, small, reader = _seed()
        url, small_url = entry.get_absolute_url(), small.get_absolute_url()
        signed_in = Client()
        signed_in.force_login(reader)
        lines = [
            f"Entry page with {THREADS * POSTS_PER_THREAD} comments "
            f"(median of {REPEATS} after {WARM_UP} warm-up requests)",
            f"{'case':<12} {'median ms':>10} {'target':>8} {'queries':>8} {'1 post':>6}  result",
        ]
        for name, client in (("signed out", Client()), ("signed in", signed_in)):
            median, queries = _measure(client, url)
            _small_median, bound = _measure(client, small_url)
            ok = median <= TARGET_MS and queries <= bound
            lines.append(
                f"{name:<12} {median:>10.1f} {TARGET_MS:>8.0f} {queries:>8} {bound:>6}  "
                f"{'PASS' if ok else 'FAIL'}"
            )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    lines = run(parser.parse_args())
    print("\n".join(lines))
    return 0 if all(line.endswith("PASS") for line in lines[2:]) else 1


if __name__ == "__main__":
    sys.exit(main())
