"""`manage.py search_index rebuild|check`: build the search index afresh, or report drift.

``rebuild`` on Elasticsearch builds a new versioned index and swaps the alias atomically, so
searches keep answering while it runs; a progress bar shows how far it got. ``check`` compares
the database (the truth) with the index and lists what is missing, extra or stale; ``--fix``
re-syncs exactly those entries. Exit status 1 when drift remains, for monitoring.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from catalogue.models.entries import Entry
from search.backends.base import DriftReport, SearchBackend
from search.service import get_backend

SAMPLE = 10


class Command(BaseCommand):
    help = __doc__.split("\n\n")[0]

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        rebuild = sub.add_parser("rebuild", help="build the index afresh from the database")
        rebuild.add_argument(
            "--backend",
            choices=["configured", "database", "all"],
            default="configured",
            help="'all' also rebuilds the database index that answers while Elasticsearch is "
            "down (default: the configured backend only)",
        )
        rebuild.add_argument("--no-progress", action="store_true")
        check = sub.add_parser("check", help="report drift between the database and the index")
        check.add_argument("--fix", action="store_true", help="re-sync the drifted entries")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "rebuild":
            self.rebuild(backend_choice=options["backend"], progress=not options["no_progress"])
        else:
            self.check_drift(fix=options["fix"])

    # ------------------------------------------------------------------ rebuild
    def rebuild(self, *, backend_choice: str, progress: bool) -> None:
        configured = get_backend()
        # The database index is the fallback of a remote backend, or the configured one.
        fallback = configured.fallback()
        backends: list[SearchBackend] = []
        if backend_choice in ("database", "all") and fallback is not None:
            backends.append(fallback)
        if backend_choice in ("configured", "all") or fallback is None:
            backends.append(configured)
        total = Entry.objects.published().count()
        for backend in backends:
            started = time.perf_counter()
            bar = tqdm(
                total=total,
                desc=f"{backend.name} index",
                unit="entry",
                disable=not progress,
                file=self.stderr._out,
            )
            try:
                count = backend.rebuild(progress=bar.update)
            except Exception as error:
                raise CommandError(f"{backend.name} rebuild failed: {error}") from error
            finally:
                bar.close()
            elapsed = time.perf_counter() - started
            rate = count / elapsed if elapsed else 0
            self.stdout.write(
                self.style.SUCCESS(
                    f"{backend.name}: indexed {count} entries in {elapsed:.1f}s ({rate:,.0f}/s)"
                )
            )
            info = backend.index_info()
            if info:
                analysis = (
                    "stemming, folding, synonyms"
                    if info.get("rich_analysis")
                    else ("core only (the cluster has no analysis-common)")
                )
                self.stdout.write(
                    f"  alias {info['alias']} -> {info['index']}; analysis: {analysis}"
                )

    # ------------------------------------------------------------------ check
    def check_drift(self, *, fix: bool) -> None:
        backend = get_backend()
        report = backend.drift()
        self._print(backend.name, report)
        if report.ok:
            return
        if fix:
            ids = report.ids_to_sync
            backend.resync(ids)
            self.stdout.write(self.style.SUCCESS(f"Re-synced {len(ids)} entries."))
            return
        raise CommandError(
            "The index has drifted: run with --fix, or `search_index rebuild`.", returncode=1
        )

    def _print(self, name: str, report: DriftReport) -> None:
        self.stdout.write(f"Backend: {name}")
        if report.index:
            for key, value in report.index.items():
                self.stdout.write(f"  {key}: {value}")
        self.stdout.write(f"  published entries in the database: {report.in_database}")
        self.stdout.write(f"  documents in the index: {report.in_index}")
        for label, ids in (
            ("missing from the index", report.missing),
            ("in the index but not published", report.extra),
            ("stale (changed since indexed)", report.stale),
        ):
            sample = ", ".join(str(i) for i in ids[:SAMPLE]) + (" …" if len(ids) > SAMPLE else "")
            line = f"  {label}: {len(ids)}" + (f" (ids {sample})" if ids else "")
            self.stdout.write(self.style.WARNING(line) if ids else line)
        if report.index.get("outdated_schema"):
            self.stdout.write(
                self.style.WARNING(
                    "  the index mapping is older than the code: run `search_index rebuild`"
                )
            )
        if report.ok:
            self.stdout.write(self.style.SUCCESS("No drift."))
