"""A fast local CKAN Action API (package_search, package_list, package_show) for benchmarks.

It serves N datasets generated deterministically from the real package dicts in
``tests/fixtures/ckan`` (Birmingham, data.gov, data.gov.au, datasud, opendata.swiss,
transportdata.be, WA): each generated dataset is a copy of one real package with its own id,
name, title and timestamps, so the harvester and ``ckanapi`` parse the shapes real portals send.
Every package is serialised once at start-up; a request only slices pre-built bytes.

``package_search`` supports what the harvester and ``ckanapi`` use: ``rows``/``start``, the sort
``metadata_modified asc,id asc`` (the only order it keeps) and ``fq`` ranges
``metadata_modified:[X TO *]``; other ``q``/``fq`` terms are ignored.

Run alone: ``python -m benchmarks.ckan_server --datasets 50000 --port 8765``.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import json
import re
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "ckan"
NAMESPACE = uuid.UUID("0b7e6c1e-5b8e-4c38-9d1c-6d1f1b0c4a11")
EPOCH = dt.datetime(2020, 1, 1)
MAX_ROWS = 1000
_RANGE = re.compile(r"metadata_modified:\[\s*(\S+)\s+TO\s+\*\s*\]")


def real_packages() -> list[dict[str, Any]]:
    """Every package dict in the CKAN fixtures (search results, package_show, bare lists)."""
    packages: list[dict[str, Any]] = []
    for path in sorted(FIXTURES.glob("*.json")):
        payload = json.loads(path.read_text(encoding="utf-8"))
        result = payload.get("result", payload) if isinstance(payload, dict) else payload
        if isinstance(result, dict) and "results" in result:
            result = result["results"]
        if isinstance(result, dict) and "resources" in result:
            result = [result]
        if isinstance(result, list):
            packages += [p for p in result if isinstance(p, dict) and "resources" in p]
    return packages


def generate(count: int, *, max_resources: int = 12) -> list[dict[str, Any]]:
    """``count`` packages cycling through the real ones; deterministic for a given count."""
    templates = [json.dumps(package) for package in real_packages()]
    packages = []
    for index in range(count):
        package = json.loads(templates[index % len(templates)])
        package_id = str(uuid.uuid5(NAMESPACE, f"package-{index}"))
        # Distinct, increasing timestamps (one dataset per 37 s, plus microseconds).
        modified = EPOCH + dt.timedelta(seconds=37 * index, microseconds=(index * 7919) % 10**6)
        package.update(
            id=package_id,
            name=f"bench-{index:06d}",
            metadata_created=(modified - dt.timedelta(days=30)).isoformat(),
            metadata_modified=modified.isoformat(),
        )
        # Landing pages and identifier URIs are unique per dataset at a real portal; the
        # catalogue merges datasets that share one, so each copy gets its own.
        for key in ("url", "data_homepage"):
            if isinstance(package.get(key), str) and package[key]:
                package[key] = f"{package[key].split('#')[0]}#bench-{index}"
        for item in package.get("extras") or []:
            if isinstance(item, dict) and item.get("key") in {"uri", "identifier", "guid"}:
                item["value"] = f"{item.get('value')}-bench-{index}"
        base_title = package.get("title")
        if isinstance(base_title, str) or base_title is None:
            package["title"] = f"{base_title or package['name']} #{index}"
        resources = package.get("resources") or []
        package["resources"] = resources[:max_resources]
        for position, resource in enumerate(package["resources"]):
            if isinstance(resource, dict):
                resource["id"] = str(uuid.uuid5(NAMESPACE, f"resource-{index}-{position}"))
                resource["package_id"] = package_id
        package["num_resources"] = len(package["resources"])
        packages.append(package)
    return packages


class CkanCatalogue:
    """The served catalogue: packages sorted by (metadata_modified, id), pre-serialised."""

    def __init__(self, packages: list[dict[str, Any]]) -> None:
        keyed = sorted(packages, key=lambda p: (str(p["metadata_modified"]), str(p["id"])))
        self.keys = [_parse(str(p["metadata_modified"])) for p in keyed]
        self.blobs = [json.dumps(p, ensure_ascii=False).encode() for p in keyed]
        self.by_id = {}
        for package, blob in zip(keyed, self.blobs, strict=True):
            self.by_id[str(package["id"])] = blob
            self.by_id[str(package["name"])] = blob
        self.names = [str(p["name"]) for p in keyed]
        self.requests = 0
        self._lock = threading.Lock()

    def package_search(self, query: dict[str, list[str]]) -> bytes:
        rows = min(_int(query, "rows", 10), MAX_ROWS)
        start = _int(query, "start", 0)
        low = 0
        for fq in query.get("fq", []):
            match = _RANGE.search(fq)
            if match and match.group(1) != "*":
                low = bisect.bisect_left(self.keys, _parse(match.group(1)))
        count = len(self.blobs) - low
        page = self.blobs[low + start : low + start + rows]
        return (
            b'{"help": "package_search", "success": true, "result": {"count": %d, '
            b'"sort": "metadata_modified asc,id asc", "facets": {}, "search_facets": {}, '
            b'"results": [' % count + b", ".join(page) + b"]}}"
        )

    def package_list(self, query: dict[str, list[str]]) -> bytes:
        names = self.names
        if "limit" in query:
            offset = _int(query, "offset", 0)
            names = names[offset : offset + _int(query, "limit", 1000)]
        body = json.dumps({"help": "package_list", "success": True, "result": names})
        return body.encode()

    def package_show(self, query: dict[str, list[str]]) -> bytes | None:
        blob = self.by_id.get((query.get("id") or [""])[0])
        if blob is None:
            return None
        return b'{"help": "package_show", "success": true, "result": ' + blob + b"}"


def _parse(value: str) -> dt.datetime:
    value = value.strip().rstrip("Z")
    parsed = dt.datetime.fromisoformat(value)
    return parsed.replace(tzinfo=None)


def _int(query: dict[str, list[str]], key: str, default: int) -> int:
    try:
        return max(0, int((query.get(key) or [str(default)])[0]))
    except ValueError:
        return default


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes: without TCP_NODELAY, Nagle's algorithm and the
    # client's delayed ACK add ~40 ms to every response, which would cripple ckanapi's
    # one-request-per-dataset baseline (and flatter the harvester by comparison).
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def do_POST(self) -> None:  # noqa: N802 - ckanapi posts its actions
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            data = json.loads(raw or b"{}")
        except ValueError:
            data = {}
        query = {str(k): [v if isinstance(v, str) else json.dumps(v)] for k, v in data.items()}
        query.update(parse_qs(urlsplit(self.path).query))
        self._answer(query)

    def do_GET(self) -> None:  # noqa: N802
        self._answer(parse_qs(urlsplit(self.path).query))

    def _answer(self, query: dict[str, list[str]]) -> None:
        catalogue: CkanCatalogue = self.server.catalogue  # type: ignore[attr-defined]
        action = urlsplit(self.path).path.rstrip("/").rsplit("/", 1)[-1]
        with catalogue._lock:
            catalogue.requests += 1
        body: bytes | None
        if action == "package_search":
            body = catalogue.package_search(query)
        elif action == "package_list":
            body = catalogue.package_list(query)
        elif action == "package_show":
            body = catalogue.package_show(query)
        else:
            body = None
        status = 200 if body is not None else 404
        if body is None:
            body = b'{"success": false, "error": {"__type": "Not Found Error"}}'
        self.send_response(status)
        self.send_header("Content-Type", "application/json;charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(catalogue: CkanCatalogue, port: int = 0) -> ThreadingHTTPServer:
    """Start serving on 127.0.0.1 in a daemon thread; ``server.server_address[1]`` is the port."""
    server = ThreadingHTTPServer(("127.0.0.1", port), _Handler)
    server.daemon_threads = True
    server.catalogue = catalogue  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=int, default=50_000)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    server = serve(CkanCatalogue(generate(args.datasets)), args.port)
    print(f"CKAN API on http://127.0.0.1:{server.server_address[1]}/api/3/action/", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
