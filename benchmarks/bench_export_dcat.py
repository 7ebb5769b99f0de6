"""Time and peak memory of the full DCAT-AP 3 export (Turtle and JSON-LD) at 100,000 entries.

``run(entries=100_000) -> dict`` is what ``make bench-export`` (benchmarks/bench_export.py)
calls in a process whose settings point at its benchmark database: entries are added in bulk
with benchmarks/seed.py until the catalogue holds ``entries`` published ones, then each format
is exported by a fresh child process (so its peak memory is the export's, not the seeding's)
that streams the whole ``/catalog.<fmt>`` document exactly as the view does and reports the
seconds, its CPU seconds (the figure a busy machine does not inflate), the bytes and its peak
memory two ways: peak RSS (``VmHWM``: everything resident, file pages mapped by SQLite
included) and peak private memory (``RssAnon``, sampled per chunk). Both must fit the target.

On its own: ``python -m benchmarks.bench_export_dcat --entries 100000`` (a temporary
database under /tmp). Targets (issue 5): ≤ 60 s and ≤ 300 MB peak per format.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from typing import Any

TARGET_SECONDS = 60.0
TARGET_PEAK_MB = 300.0
FORMATS = ("ttl", "jsonld")


def export_child(fmt: str) -> dict[str, Any]:
    """In a fresh process: stream the whole catalogue in ``fmt`` and measure it."""
    from interop.standards.catalog_export import check_page, parse_export_params, stream_catalog

    started = time.perf_counter()
    export = parse_export_params({}, fmt=fmt, path=f"/catalog.{fmt}")
    total = check_page(export)
    size = 0
    first_byte = None
    peak_anon = peak_file = 0.0
    for piece in stream_catalog(export, total=total):
        if first_byte is None:
            first_byte = time.perf_counter() - started
        size += len(piece.encode("utf-8"))
        anon, file = _rss_mb("RssAnon"), _rss_mb("RssFile")
        peak_anon, peak_file = max(peak_anon, anon), max(peak_file, file)
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec, so a child started by this
    # (large, seeding) process would report the parent's peak; VmHWM is this process's own
    peak_mb = _rss_mb("VmHWM")
    return {
        "format": fmt,
        "entries": total,
        "seconds": round(seconds, 2),
        # CPU seconds: the figure that does not depend on what else the machine runs
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
        "first_byte_seconds": round(first_byte or 0, 3),
        "megabytes": round(size / 1e6, 1),
        "peak_rss_mb": round(peak_mb, 1),
        "peak_private_mb": round(peak_anon, 1),
        "peak_file_mb": round(peak_file, 1),
    }


def _rss_mb(field: str) -> float:
    """One resident-memory figure of this process from /proc/self/status, in MB.

    ``RssAnon`` is private memory (heap, SQLite's page cache); ``RssFile`` is file pages
    mapped into the process: shared libraries, and the database file wherever SQLite reads
    it through ``PRAGMA mmap_size`` (the export turns that off: catalogue/exports/reads.py).
    """
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _child(fmt: str) -> dict[str, Any]:
    code = (
        "import json, django; django.setup(); "
        "from benchmarks.bench_export_dcat import export_child; "
        f"print('DCAT-CHILD ' + json.dumps(export_child({fmt!r})))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=3600,
    )
    for line in done.stdout.splitlines():
        if line.startswith("DCAT-CHILD "):
            return json.loads(line.removeprefix("DCAT-CHILD "))
    return {"format": fmt, "error": (done.stderr or done.stdout)[-800:]}


def ensure_entries(entries: int) -> int:
    """Seed in bulk until ``entries`` published entries exist; returns how many were added."""
    from benchmarks.seed import seed
    from catalogue.models import Entry

    missing = entries - Entry.objects.published().count()
    if missing > 0:
        seed(missing, index=False, progress=sys.stderr.isatty())
    return max(missing, 0)


def run(entries: int = 100_000) -> dict[str, Any]:
    """Seed if needed, then measure each format in its own process."""
    seeded = ensure_entries(entries)
    result: dict[str, Any] = {
        "entries": entries,
        "seeded_now": seeded,
        "target": f"<= {TARGET_SECONDS:.0f} s, <= {TARGET_PEAK_MB:.0f} MB",
    }
    for fmt in FORMATS:
        figures = _child(fmt)
        if "error" not in figures:
            memory = max(figures["peak_private_mb"], figures["peak_rss_mb"])
            figures["within_target"] = (
                figures["seconds"] <= TARGET_SECONDS and memory <= TARGET_PEAK_MB
            )
        result[fmt] = figures
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--var-dir", help="reuse this data dir (default: a new temporary one)")
    args = parser.parse_args()
    var_dir = args.var_dir or tempfile.mkdtemp(prefix="bench-dcat-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ.update(
        {
            "VAR_DIR": var_dir,
            "DEBUG": "false",
            "LOG_LEVEL": "WARNING",
            "SECRET_KEY": "bench-dcat-" + "x" * 40,
            "ELASTICSEARCH_URL": "",
        }
    )
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    result = run(entries=args.entries)
    print(json.dumps(result, indent=2))
    ok = all(result[f].get("within_target") for f in FORMATS)
    print(
        f"DCAT-AP export at {args.entries:,} entries: "
        + "; ".join(
            f"{f}: {result[f].get('seconds')} s ({result[f].get('cpu_seconds')} s CPU), "
            f"peak RSS {result[f].get('peak_rss_mb')} MB "
            f"(private {result[f].get('peak_private_mb')} MB)"
            for f in FORMATS
        )
        + (" (within target)" if ok else " (OVER TARGET)")
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
