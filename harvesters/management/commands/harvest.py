"""``manage.py harvest <source-slug>... | --all | --due [--dry-run]``: run harvests now.

Shows a progress bar per source and ends with a summary table; exits non-zero when a job
failed, so cron and CI notice.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from harvesters.exceptions import HarvestFailed
from harvesters.models import HarvestJob, HarvestSource, JobStatus
from harvesters.services import harvest_source_run, harvest_sources_due


class Command(BaseCommand):
    help = "Harvest one or more sources now (or show what a harvest would change)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("sources", nargs="*", help="slugs of the sources to harvest")
        parser.add_argument("--all", action="store_true", help="every approved, active source")
        parser.add_argument("--due", action="store_true", help="the sources whose schedule is due")
        parser.add_argument("--dry-run", action="store_true", help="report, write nothing")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args: Any, **options: Any) -> None:
        sources = self._sources(options)
        rows: list[tuple[str, HarvestJob | None, str]] = []
        for source in sources:
            bar = tqdm(
                desc=source.slug,
                unit=" records",
                disable=options["no_progress"],
                file=self.stderr._out,
                dynamic_ncols=True,
            )
            done = 0

            def progress(job: HarvestJob, bar: tqdm = bar) -> None:
                nonlocal done
                bar.update(job.total - done)
                done = job.total
                bar.set_postfix(new=job.created, changed=job.updated, failed=job.failed)

            try:
                job = harvest_source_run(
                    source=source, dry_run=options["dry_run"], progress=progress
                )
                rows.append((source.slug, job, job.error))
            except HarvestFailed as exc:
                rows.append((source.slug, None, str(exc)))
            finally:
                bar.close()
        self._summary(rows, dry_run=options["dry_run"])
        if any(job is None or job.status == JobStatus.FAILED for _s, job, _e in rows):
            raise CommandError("At least one harvest failed (see the table above).")

    def _sources(self, options: dict[str, Any]) -> list[HarvestSource]:
        if options["all"]:
            return list(HarvestSource.objects.filter(active=True, approved=True))
        if options["due"]:
            return harvest_sources_due()
        slugs = options["sources"]
        if not slugs:
            raise CommandError("Name at least one source slug, or use --all or --due.")
        found = {s.slug: s for s in HarvestSource.objects.filter(slug__in=slugs)}
        missing = [slug for slug in slugs if slug not in found]
        if missing:
            raise CommandError(f"No such source: {', '.join(missing)}")
        return [found[slug] for slug in slugs]

    def _summary(self, rows: list[tuple[str, HarvestJob | None, str]], *, dry_run: bool) -> None:
        heading = (
            "source",
            "status",
            "created",
            "updated",
            "unchanged",
            "withdrawn",
            "failed",
            "seconds",
        )
        table = [heading]
        for slug, job, _error in rows:
            if job is None:
                table.append((slug, "refused", "", "", "", "", "", ""))
                continue
            seconds = f"{job.duration.total_seconds():.1f}" if job.duration else ""
            table.append(
                (
                    slug,
                    job.status + (" (dry run)" if dry_run else ""),
                    str(job.created),
                    str(job.updated),
                    str(job.unchanged),
                    str(job.withdrawn),
                    str(job.failed),
                    seconds,
                )
            )
        widths = [max(len(str(row[i])) for row in table) for i in range(len(heading))]
        for n, row in enumerate(table):
            self.stdout.write("  ".join(str(v).ljust(w) for v, w in zip(row, widths, strict=True)))
            if n == 0:
                self.stdout.write("  ".join("-" * w for w in widths))
        for slug, _job, error in rows:
            if error:
                self.stdout.write(self.style.ERROR(f"{slug}: {error}"))
