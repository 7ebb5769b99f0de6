"""``make bench-engagement``: the three figures of issue 11, each against its target.

An entry page with 200 comments (server time, bounded queries), an update to an entry followed
by 10,000 accounts (alerts queued), the demand dashboard over 1,000,000 logged searches. Each
part configures Django on its own temporary database, so each runs in its own process.
"""

from __future__ import annotations

import os
import subprocess
import sys

PARTS = (
    "benchmarks.engagement_discussions",
    "benchmarks.engagement_alerts",
    "benchmarks.engagement_demand",
)


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> int:
    print(f"load average before: {_load()}", flush=True)
    failed = 0
    for module in PARTS:
        print(f"\n== python -m {module}", flush=True)
        failed += subprocess.run([sys.executable, "-m", module], check=False).returncode != 0
    print(f"\nload average after: {_load()}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
