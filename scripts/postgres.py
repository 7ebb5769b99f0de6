#!/usr/bin/env python3
"""A real, throw-away PostgreSQL server for the tests marked ``postgresql``.

Why this exists: the catalogue must behave on PostgreSQL as on SQLite (a NUL byte, for one,
breaks only PostgreSQL), and tests run against real servers, never mocks. Debian's server
binaries (make pg-install) run a cluster of our own in a temporary folder: loopback only, a
free port, durability off (fsync, synchronous_commit, full_page_writes: the data is thrown
away), one role with CREATEDB so pytest-django can create its test database.

    python scripts/postgres.py start --state var/pg.json   # prints postgres://... URL
    python scripts/postgres.py stop --state var/pg.json

Standard library only. PostgreSQL refuses to run as root: under root the server runs as the
``postgres`` system user, which owns the temporary folder.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

ROLE = DATABASE = "catalogue"


def bindir() -> Path:
    """The newest Debian server's binaries (PG_BINDIR overrides)."""
    if configured := os.environ.get("PG_BINDIR"):
        return Path(configured)
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4])
    )
    if not found:
        raise SystemExit("No PostgreSQL server found: run `make pg-install`.")
    return Path(found[-1]).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run(args: list[str], owner: pwd.struct_passwd | None) -> None:
    """Run a server tool, as the folder's owner when we are root."""
    result = subprocess.run(  # noqa: S603 - fixed program paths
        args,
        capture_output=True,
        text=True,
        check=False,
        user=owner.pw_uid if owner else None,
        group=owner.pw_gid if owner else None,
        extra_groups=[] if owner else None,
    )
    if result.returncode != 0:
        raise SystemExit(f"{args[0]} failed:\n{result.stdout}\n{result.stderr}")


def _owner() -> pwd.struct_passwd | None:
    return pwd.getpwnam("postgres") if os.geteuid() == 0 else None


def start() -> dict[str, str]:
    """initdb, pg_ctl start, then a role and a database; return the state for stop."""
    bins, owner = bindir(), _owner()
    workdir = Path(tempfile.mkdtemp(prefix="catalogue-pg-"))
    if owner:
        os.chown(workdir, owner.pw_uid, owner.pw_gid)
    data, port = workdir / "data", free_port()
    _run([str(bins / "initdb"), "-D", str(data), "-U", "postgres", "--no-locale",
          "-E", "UTF8", "--auth-local=trust", "--auth-host=scram-sha-256"], owner)  # fmt: skip
    options = (
        f"-c listen_addresses=127.0.0.1 -p {port} -k {workdir} "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    )
    _run([str(bins / "pg_ctl"), "-D", str(data), "-l", str(workdir / "server.log"),
          "-w", "-t", "60", "-o", options, "start"], owner)  # fmt: skip
    password = secrets.token_hex(16)
    for sql in (
        f"CREATE ROLE {ROLE} LOGIN CREATEDB PASSWORD '{password}'",
        f"CREATE DATABASE {DATABASE} OWNER {ROLE}",
    ):
        _run([str(bins / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", str(workdir),
              "-p", str(port), "-U", "postgres", "-d", "postgres", "-c", sql], owner)  # fmt: skip
    url = f"postgres://{ROLE}:{password}@127.0.0.1:{port}/{DATABASE}"
    return {"url": url, "workdir": str(workdir), "bindir": str(bins)}


def stop(state: dict[str, str]) -> None:
    """Stop the server (fast shutdown) and remove its folder."""
    data = Path(state["workdir"]) / "data"
    if (data / "postmaster.pid").exists():
        _run([str(Path(state["bindir"]) / "pg_ctl"), "-D", str(data), "-m", "fast", "-w",
              "stop"], _owner())  # fmt: skip
    shutil.rmtree(state["workdir"], ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["start", "stop"])
    parser.add_argument("--state", default="var/postgres-server.json")
    args = parser.parse_args(argv)
    state_file = Path(args.state)
    if args.command == "start":
        state = start()
        state_file.parent.mkdir(parents=True, exist_ok=True)
        state_file.write_text(json.dumps(state))
        print(state["url"])
        return 0
    text = state_file.read_text() if state_file.exists() else ""
    if text.strip():
        stop(json.loads(text))
    state_file.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
