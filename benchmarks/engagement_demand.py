"""`make bench-engagement` (demand part): the demand dashboard over 1,000,000 logged searches.

A temporary SQLite database is migrated and seeded in bulk: 1,000,000 searches over the last
90 days (every hour equally likely), their words drawn from a Zipf distribution over 200,000
distinct queries (a few asked thousands of times, a long tail asked once), a third with a
theme or country filter, and about 10 % finding nothing (queries whose hash says so). The raw
log is written with ``executemany`` and the daily rollup rebuilt from it in one pass
(``participation.demand.services.rebuild_daily``), as the per-search upsert would have left it.

Then a moderator's Django test client asks ``/admin/demand/`` for 30 and 90 days: a warm-up
request, then the median of 10 (time inside the process: the server's time, no network).
Target (issue 11): <= 500 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import itertools
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from typing import Any

TARGET_MS = 500.0
SEED = 11
WORDS = tuple(
    " ".join(
        (
            "air quality water population transport bus tram rail traffic budget spending",
            "energy flood river noise housing schools health hospital waiting crime cycling",
            "parking tree waste recycling elections census income prices tourism weather",
            "emissions wind solar broadband procurement contracts permits zoning cadastre",
            "addresses boundaries wastewater leakage bridges roads accidents ferries harbour",
            "tides bathing beaches heat shade",
        )
    ).split()
)
THEMES = ("ENVI", "TRAN", "SOCI", "ECON", "HEAL", "GOVE", "ENER", "REGI")
COUNTRIES = ("IE", "NL", "FR", "DE", "ES", "PT", "BE")


def _setup(var_dir: str) -> None:
    os.environ.update(
        {
            "VAR_DIR": var_dir,
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "DEBUG": "false",
            "SECRET_KEY": "bench-engagement-demand-" + "x" * 40,
            "ALLOWED_HOSTS": "testserver,127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_COOKIES": "false",
            "LOG_LEVEL": "WARNING",
            "ELASTICSEARCH_URL": "",
        }
    )
    os.environ.pop("DATABASE_URL", None)  # always the temporary SQLite file under VAR_DIR
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _queries(distinct: int) -> list[str]:
    rng = random.Random(SEED)
    seen: dict[str, None] = {}
    while len(seen) < distinct:
        n = rng.choice((1, 1, 2, 2, 2, 3, 3, 4))
        query = " ".join(rng.sample(WORDS, n))
        if len(seen) > len(WORDS) * 40:  # the tail: rarer spellings and named things
            query += f" {rng.randrange(1900, 2030)}"
        seen[query] = None
    return list(seen)


def _result_count(query: str, filters: str) -> int:
    digest = int(hashlib.blake2b(f"{query}|{filters}".encode(), digest_size=4).hexdigest(), 16)
    return 0 if digest % 10 == 0 else 1 + digest % 400


def _rows(searches: int, distinct: int) -> Iterator[tuple[Any, ...]]:
    from participation.demand.services import canonical_filters

    rng = random.Random(SEED)
    queries = _queries(distinct)
    weights = list(itertools.accumulate(1 / (rank + 1) ** 1.05 for rank in range(distinct)))
    hour = dt.datetime.now(dt.UTC).replace(minute=0, second=0, microsecond=0)
    picks = rng.choices(queries, cum_weights=weights, k=searches)
    for query in picks:
        roll = rng.random()
        if roll < 0.2:
            filters = canonical_filters({"theme": [rng.choice(THEMES)]})
        elif roll < 0.33:
            filters = canonical_filters({"country": [rng.choice(COUNTRIES)]})
        else:
            filters = ""
        when = hour - dt.timedelta(hours=rng.randrange(90 * 24))
        source = "api" if roll > 0.9 else "page"
        yield (query, filters, _result_count(query, filters), source, when.isoformat(" "))


def seed(searches: int, distinct: int) -> dict[str, float]:
    from django.db import connection, transaction

    from participation.demand.models import SearchDaily, SearchLog
    from participation.demand.services import rebuild_daily

    table = connection.ops.quote_name(SearchLog._meta.db_table)
    sql = (
        f"INSERT INTO {table} (query, filters, result_count, source, created_at) "  # noqa: S608
        "VALUES (%s, %s, %s, %s, %s)"
    )
    started = time.perf_counter()
    rows = _rows(searches, distinct)
    while batch := list(itertools.islice(rows, 50_000)):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(sql, batch)
    inserted = time.perf_counter() - started
    started = time.perf_counter()
    rebuild_daily()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {
        "insert_seconds": inserted,
        "rollup_seconds": time.perf_counter() - started,
        "log_rows": SearchLog.objects.count(),
        "daily_rows": SearchDaily.objects.count(),
        "zero_share": SearchLog.objects.filter(result_count=0).count() / max(1, searches),
    }


def time_dashboard(days: int, repeats: int) -> tuple[float, int]:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    user, _ = get_user_model().objects.get_or_create(
        username="bench-moderator", defaults={"is_superuser": True, "is_staff": True}
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    client = Client()
    client.force_login(user)
    url = f"/admin/demand/?days={days}"
    response = client.get(url)  # warm-up: templates, menus, SQLite's page cache
    assert response.status_code == 200, response.status_code
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    return statistics.median(samples), response.content.count(b'<th scope="row">')


def run(args: argparse.Namespace) -> list[str]:
    """Seed, time, and the result table's lines (also printed by ``main``)."""
    with tempfile.TemporaryDirectory(prefix="bench-demand-") as var_dir:
        _setup(var_dir)
        made = seed(args.searches, args.distinct)
        lines = [
            f"Seed: {made['log_rows']:,} logged searches over 90 days, {args.distinct:,} distinct "
            f"queries (Zipf), {made['zero_share']:.1%} with no result; "
            f"{made['daily_rows']:,} daily rollup rows; inserted in "
            f"{made['insert_seconds']:.1f} s, rolled up in {made['rollup_seconds']:.1f} s.",
            f"{'figure':<44} {'value':>10} {'target':>10}  result",
        ]
        for days in (30, 90):
            median, rows = time_dashboard(days, args.repeats)
            verdict = "pass" if median <= TARGET_MS else "FAIL"
            lines.append(
                f"{f'demand dashboard, {days} days ({rows} rows), median':<44} "
                f"{median:>7.0f} ms {TARGET_MS:>7.0f} ms  {verdict}"
            )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--searches", type=int, default=1_000_000)
    parser.add_argument("--distinct", type=int, default=200_000)
    parser.add_argument("--repeats", type=int, default=10)
    lines = run(parser.parse_args())
    print("\n".join(lines))
    sys.exit(0 if all("FAIL" not in line for line in lines) else 1)


if __name__ == "__main__":
    main()
