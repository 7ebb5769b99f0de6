"""Linux /proc readings of a benchmarked server process: resident memory, its peak, CPU time."""

from __future__ import annotations

import contextlib
import os
import threading
import time
from pathlib import Path


def rss_mb(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def reset_peak(pid: int) -> None:
    # Writing 5 to clear_refs resets the peak RSS (VmHWM) to the current RSS (Linux >= 4.0).
    with contextlib.suppress(OSError):
        Path(f"/proc/{pid}/clear_refs").write_text("5")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class MemorySampler(threading.Thread):
    """Peak anonymous memory (the heap: what an export allocates) sampled every 20 ms.

    VmHWM (peak RSS) counts every resident page, file pages mapped into the process too. The
    exports read the database without SQLite's memory map (catalogue/exports/reads.py), so
    both figures are the export's own; both are held to the target.
    """

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_anon = 0.0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            self.peak_anon = max(self.peak_anon, rss_mb(self.pid, "RssAnon"))
            time.sleep(0.02)
