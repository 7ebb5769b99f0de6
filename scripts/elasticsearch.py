#!/usr/bin/env python3
"""A real, throw-away Elasticsearch node for tests, benchmarks and `make run-elasticsearch`.

Why this exists: the search backend is tested against a real cluster, never a mock, and this
machine reaches package registries only. Maven Central carries Elastic's distribution for
integration tests (``org.elasticsearch.distribution.integ-test-zip:elasticsearch``: a zip with
core modules only and no bundled JDK), so this script fetches it from there once, verifies its
SHA-1, caches it outside the clone, and runs it with a JDK the machine has: security off,
loopback only, a small heap, data in a temporary folder, a free port.

    python scripts/elasticsearch.py install
    python scripts/elasticsearch.py start --state var/es.json   # prints the node URL
    python scripts/elasticsearch.py stop --state var/es.json

Standard library only: it runs before the virtualenv has anything installed. Elasticsearch
refuses to run as root, so under root the node runs as ``nobody`` and its files live in a
world-readable cache (``/var/cache/...``) instead of root's home.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

# Maven Central carries no 9.x build of the integ-test zip (checked against its
# maven-metadata.xml); 8.19 is the newest line there, and it runs on Java 17.
DEFAULT_VERSION = os.environ.get("ES_VERSION", "8.19.21")
MAVEN_BASE = (
    "https://repo1.maven.org/maven2/org/elasticsearch/distribution/integ-test-zip/elasticsearch"
)
JVM_ROOT = Path("/usr/lib/jvm")
# Elasticsearch 8 runs on Java 17+; 9 needs 21+. Older JDKs first: the one 8.x is tested on.
JDK_CANDIDATES = {
    8: [
        "java-17-openjdk-amd64",
        "openjdk-17",
        "temurin-17-jdk-amd64",
        "temurin-21-jdk-amd64",
        "java-21-openjdk-amd64",
        "temurin-25-jdk-amd64",
    ],
    9: ["temurin-25-jdk-amd64", "temurin-21-jdk-amd64", "java-21-openjdk-amd64"],
}
UNPRIVILEGED_UID = 65534  # nobody / nogroup on Debian
# Nodes started by this process: holding the Popen keeps Python from warning that a child it
# forgot about is still running (tests turn that warning into an error).
_RUNNING: dict[int, subprocess.Popen[bytes]] = {}


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def cache_dir() -> Path:
    """Where the zip and the unpacked distribution live between runs (outside the clone)."""
    if configured := os.environ.get("ES_CACHE_DIR"):
        return Path(configured)
    if os.geteuid() == 0:
        # /root is private: the unprivileged node could not read its own jars there.
        return Path("/var/cache/ecosystem-catalogue/elasticsearch")
    base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return base / "ecosystem-catalogue" / "elasticsearch"


def _download(url: str, target: Path) -> None:
    part = target.with_suffix(target.suffix + ".part")
    with urllib.request.urlopen(url, timeout=60) as response, part.open("wb") as out:  # noqa: S310
        total = int(response.headers.get("Content-Length") or 0)
        done, last = 0, 0.0
        while chunk := response.read(1 << 20):
            out.write(chunk)
            done += len(chunk)
            if total and time.monotonic() - last > 2:
                last = time.monotonic()
                _say(f"  {done * 100 // total}% of {total // (1 << 20)} MiB")
    part.rename(target)


def install(version: str = DEFAULT_VERSION) -> Path:
    """Fetch (once) and unpack the distribution; return its home folder."""
    root = cache_dir()
    home = root / f"elasticsearch-{version}"
    if (home / ".installed").exists():
        return home
    root.mkdir(parents=True, exist_ok=True)
    zip_path = root / f"elasticsearch-{version}.zip"
    url = f"{MAVEN_BASE}/{version}/elasticsearch-{version}.zip"
    if not zip_path.exists():
        _say(f"Downloading Elasticsearch {version} from Maven Central…")
        _download(url, zip_path)
    with urllib.request.urlopen(url + ".sha1", timeout=30) as response:  # noqa: S310
        expected = response.read().decode().split()[0].strip()
    digest = hashlib.sha1(usedforsecurity=False)
    with zip_path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    if digest.hexdigest() != expected:
        zip_path.unlink()
        raise SystemExit(f"Checksum mismatch for {zip_path.name}: deleted, run again.")
    if home.exists():
        shutil.rmtree(home)
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(root)  # noqa: S202 - a checksummed archive from the registry
        for info in archive.infolist():  # zipfile drops the executable bits
            mode = (info.external_attr >> 16) & 0o777
            if mode:
                (root / info.filename).chmod(mode | 0o444)
    for folder in [root, *root.rglob("*")]:
        if folder.is_dir():
            folder.chmod(0o755)
    (home / ".installed").touch()
    _say(f"Elasticsearch {version} installed in {home}")
    return home


def find_java_home(version: str) -> Path:
    if configured := os.environ.get("ES_JAVA_HOME"):
        return Path(configured)
    major = int(version.split(".")[0])
    for name in JDK_CANDIDATES.get(major, JDK_CANDIDATES[9]):
        if (JVM_ROOT / name / "bin" / "java").exists():
            return JVM_ROOT / name
    if java_home := os.environ.get("JAVA_HOME"):
        return Path(java_home)
    raise SystemExit(f"No JDK found for Elasticsearch {version}: set ES_JAVA_HOME.")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Node:
    pid: int
    url: str
    workdir: str
    temporary: bool

    def stop(self, timeout: float = 30) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.pid, signal.SIGTERM)
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                with contextlib.suppress(ChildProcessError):
                    os.waitpid(self.pid, os.WNOHANG)
                try:
                    os.kill(self.pid, 0)
                except ProcessLookupError:
                    break
                time.sleep(0.2)
            else:
                os.killpg(self.pid, signal.SIGKILL)
        process = _RUNNING.pop(self.pid, None)
        if process is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=5)
        if self.temporary:
            shutil.rmtree(self.workdir, ignore_errors=True)


def _health(url: str) -> str | None:
    try:
        with urllib.request.urlopen(  # noqa: S310 - loopback URL we built
            f"{url}/_cluster/health?wait_for_status=yellow&timeout=1s", timeout=5
        ) as response:
            return str(json.load(response).get("status"))
    except (urllib.error.URLError, OSError, ValueError):
        return None


def start(
    *,
    version: str = DEFAULT_VERSION,
    port: int | None = None,
    heap: str = "512m",
    data_dir: str | None = None,
    timeout: float = 180,
) -> Node:
    """Start a single-node cluster on 127.0.0.1 and wait until it is yellow or green."""
    home = install(version)
    java_home = find_java_home(version)
    temporary = data_dir is None
    workdir = Path(data_dir or tempfile.mkdtemp(prefix="catalogue-es-"))
    workdir.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    conf = _configure(home, workdir, port=port, heap=heap)
    env = {
        **os.environ,
        "ES_JAVA_HOME": str(java_home),
        "ES_PATH_CONF": str(conf),
        "ES_TMPDIR": str(workdir / "tmp"),
    }
    env.pop("JAVA_TOOL_OPTIONS", None)
    process = _launch(home, workdir, env)
    node = Node(
        pid=process.pid, url=f"http://127.0.0.1:{port}", workdir=str(workdir), temporary=temporary
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = (workdir / "logs" / "console.log").read_text(errors="replace")[-3000:]
            node.stop()
            raise SystemExit(f"Elasticsearch exited with {process.returncode}:\n{tail}")
        if _health(node.url) in {"yellow", "green"}:
            return node
        time.sleep(0.5)
    node.stop()
    raise SystemExit(f"Elasticsearch did not become ready within {timeout:.0f}s")


def _configure(home: Path, workdir: Path, *, port: int, heap: str) -> Path:
    """A fresh config folder in workdir for a single, unsecured node on 127.0.0.1:port."""
    conf = workdir / "config"
    if conf.exists():
        shutil.rmtree(conf)
    shutil.copytree(home / "config", conf)
    (conf / "elasticsearch.yml").write_text(
        "\n".join(
            [
                "cluster.name: catalogue-test",
                "node.name: catalogue-node",
                "network.host: 127.0.0.1",
                f"http.port: {port}",
                f"transport.port: {free_port()}",
                "discovery.type: single-node",
                "xpack.security.enabled: false",
                f"path.data: {workdir / 'data'}",
                f"path.logs: {workdir / 'logs'}",
                # Small or busy disks must not turn the index read-only mid-test.
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "",
            ]
        )
    )
    (conf / "jvm.options.d" / "heap.options").write_text(f"-Xms{heap}\n-Xmx{heap}\n")
    for sub in ("data", "logs", "tmp"):
        (workdir / sub).mkdir(exist_ok=True)
    return conf


def _launch(home: Path, workdir: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    """Run the node in its own session (as an unprivileged user when we are root)."""
    as_root = os.geteuid() == 0
    if as_root:
        for path in [workdir, *workdir.rglob("*")]:
            os.chown(path, UNPRIVILEGED_UID, UNPRIVILEGED_UID)
        workdir.chmod(0o755)
    log = (workdir / "logs" / "console.log").open("ab")
    process = subprocess.Popen(  # noqa: S603 - fixed program path
        [str(home / "bin" / "elasticsearch")],
        env=env,
        cwd=workdir,
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
        user=UNPRIVILEGED_UID if as_root else None,
        group=UNPRIVILEGED_UID if as_root else None,
        extra_groups=[] if as_root else None,
    )
    log.close()  # the child has its own descriptor
    _RUNNING[process.pid] = process
    return process


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["install", "start", "stop"])
    parser.add_argument("--version", default=DEFAULT_VERSION)
    parser.add_argument(
        "--state",
        default="var/elasticsearch-node.json",
        help="file that remembers the running node for 'stop'",
    )
    parser.add_argument("--port", type=int, default=None)
    parser.add_argument("--heap", default=os.environ.get("ES_HEAP", "512m"))
    parser.add_argument("--data-dir", default=None, help="keep data here (default: a temp dir)")
    args = parser.parse_args(argv)
    state = Path(args.state)

    if args.command == "install":
        print(install(args.version))
    elif args.command == "start":
        started = time.monotonic()
        node = start(version=args.version, port=args.port, heap=args.heap, data_dir=args.data_dir)
        state.parent.mkdir(parents=True, exist_ok=True)
        state.write_text(json.dumps(asdict(node)))
        _say(
            f"Elasticsearch {args.version} ready at {node.url} in {time.monotonic() - started:.1f}s"
        )
        print(node.url)
    else:
        if not state.exists():
            _say("No node to stop.")
            return 0
        Node(**json.loads(state.read_text())).stop()
        state.unlink()
        _say("Elasticsearch stopped.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
