"""What every benchmark prints with its figures: the exact command and the machine's load.

A figure without the command cannot be reproduced, and one measured while other work ran on
the machine is not comparable with one from a quiet machine; so each benchmark prints both,
before it starts (is the machine quiet enough?) and with its table (was it quiet throughout?).
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def command_line() -> str:
    """The command that ran this benchmark, as one would type it again from the project root."""
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    python = Path(sys.executable)
    try:
        shown = str(python.relative_to(ROOT))
    except ValueError:
        shown = str(python)
    if spec is not None and spec.name:
        parts = [shown, "-m", spec.name.removesuffix(".__main__"), *sys.argv[1:]]
    else:
        parts = [shown, *sys.argv]
    return shlex.join(parts)


def load_average() -> str:
    """The 1, 5 and 15 minute load averages against the number of CPUs."""
    try:
        one, five, fifteen = os.getloadavg()
    except (AttributeError, OSError):
        return f"load average: unknown ({os.cpu_count()} CPUs)"
    return f"load average: {one:.2f} {five:.2f} {fifteen:.2f} (1, 5, 15 min; {os.cpu_count()} CPUs)"


def conditions(when: str) -> str:
    return f"[{when}] command: {command_line()}\n[{when}] {load_average()}"


def print_conditions(when: str = "start") -> None:
    """Print the command and the load average; ``when`` is "start" or "end"."""
    print(conditions(when), flush=True)
