"""A real HTTP server on 127.0.0.1 serving the fixtures, for every harvester test.

No mocked ``requests``: harvesters fetch from this server through the real HTTP policy.
Routes (``server.url(path)`` gives the absolute URL):

* ``/fixtures/<path under tests/fixtures>``: the file as it is; ``{{BASE}}`` inside the file
  is replaced by the server's base URL (so fixtures can carry absolute ``next`` links);
* ``/retry/<n>/<seconds>/fixtures/...``: answers 429 with ``Retry-After: <seconds>`` ``n``
  times (per test), then the file;
* ``/status/<code>/...``: always answers that status;
* ``/slow/<seconds>/fixtures/...``: waits before answering;
* ``/truncated/fixtures/...``: declares the full Content-Length, sends half, closes;
* ``/redirect/fixtures/...``: one 302 to the file; ``/redirect-loop/<n>``: a loop;
* ``/redirect-to?url=<absolute url>``: a 302 to anywhere (e.g. a blocked address);
* ``/huge/<bytes>`` (with Content-Length) and ``/huge-chunked/<bytes>`` (without);
* any route a test adds with ``server.add(path, body, status=, headers=, content_type=)``,
  where ``body`` may be a list (one per request, the last repeats) or a callable
  ``(query: dict[str, list[str]]) -> bytes | str``.

``server.hits[path]`` counts requests per path. The ``fixture_server`` fixture also allows
loopback targets in the SSRF guard (settings.HARVEST_ALLOW_PRIVATE_ADDRESSES) and makes
retries fast.
"""

from __future__ import annotations

import mimetypes
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

import pytest
from pytest_django.fixtures import Settings

if TYPE_CHECKING:
    from harvesters.models import HarvestSource

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

CONTENT_TYPES = {
    ".json": "application/json",
    ".jsonld": "application/ld+json",
    ".ttl": "text/turtle",
    ".rdf": "application/rdf+xml",
    ".xml": "application/xml",
    ".nt": "application/n-triples",
    ".yaml": "application/yaml",
    ".yml": "application/yaml",
}


@dataclass
class Route:
    body: Any
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json"


class FixtureServer:
    def __init__(self) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.fixture_server = self  # type: ignore[attr-defined]
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return self.base + (path if path.startswith("/") else "/" + path)

    def fixture_url(self, relpath: str) -> str:
        return self.url("/fixtures/" + relpath.lstrip("/"))

    def add(
        self,
        path: str,
        body: Any,
        *,
        status: int = 200,
        headers: dict[str, str] | None = None,
        content_type: str = "application/json",
    ) -> str:
        self.routes[path] = Route(body, status, headers or {}, content_type)
        return self.url(path)

    def reset(self) -> None:
        with self.lock:
            self.routes.clear()
            self.hits.clear()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def read_fixture(relpath: str, base: str = "") -> bytes:
    path = (FIXTURES / relpath).resolve()
    if FIXTURES not in path.parents:
        raise FileNotFoundError(relpath)
    data = path.read_bytes()
    if base:
        data = data.replace(b"{{BASE}}", base.encode())
    return data


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    @property
    def server_(self) -> FixtureServer:
        # FixtureServer sets this attribute on the stdlib server, which does not declare it
        server: FixtureServer = self.server.fixture_server  # type: ignore[attr-defined]
        return server

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str = "application/json",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _file(self, relpath: str) -> None:
        try:
            body = read_fixture(relpath, self.server_.base)
        except (FileNotFoundError, IsADirectoryError):
            self._send(404, b'{"error": "not found"}')
            return
        suffix = Path(relpath).suffix.lower()
        ctype = CONTENT_TYPES.get(suffix) or mimetypes.guess_type(relpath)[0] or "text/plain"
        self._send(200, body, ctype)

    def _route(self, route: Route, hits: int, query: dict[str, list[str]]) -> None:
        """A registered route: a body, the n-th of a list per hit, or a function of the query."""
        body = route.body
        if isinstance(body, list):
            body = body[min(hits, len(body)) - 1]
        if isinstance(body, Route):
            route, body = body, body.body
        if callable(body):
            body = body(query)
        if isinstance(body, str):
            body = body.encode()
        self._send(route.status, body, route.content_type, route.headers)

    def _truncated(self, body: bytes) -> None:
        """Half the body under a Content-Length for all of it, then the connection closes."""
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body[: len(body) // 2])
        self.wfile.flush()
        self.close_connection = True

    def _huge(self, size: int, *, chunked: bool) -> None:
        """``size`` bytes of JSON, declared up front or sent chunked (no length known)."""
        chunk = b"[" + b"0," * 32767 + b"0]"
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(size))
        self.end_headers()
        sent = 0
        try:
            while sent < size:
                piece = chunk[: size - sent]
                if chunked:
                    self.wfile.write(f"{len(piece):X}\r\n".encode() + piece + b"\r\n")
                else:
                    self.wfile.write(piece)
                sent += len(piece)
            if chunked:
                self.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True

    def do_HEAD(self) -> None:  # noqa: N802
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802
        parts = urlsplit(self.path)
        path, query = parts.path, parse_qs(parts.query)
        server = self.server_
        with server.lock:
            server.hits[path] += 1
            hits = server.hits[path]
        route = server.routes.get(path)
        if route is not None:
            self._route(route, hits, query)
            return
        segments = path.strip("/").split("/")
        head = segments[0]
        if head == "fixtures":
            self._file("/".join(segments[1:]))
        elif head == "retry" and len(segments) > 3:
            times, wait = int(segments[1]), segments[2]
            if hits <= times:
                self._send(429, b'{"error": "slow down"}', headers={"Retry-After": wait})
            else:
                self._file("/".join(segments[4:]))
        elif head == "status":
            self._send(int(segments[1]), b'{"error": "status route"}')
        elif head == "slow":
            time.sleep(float(segments[1]))
            self._file("/".join(segments[3:]))
        elif head == "truncated":
            self._truncated(read_fixture("/".join(segments[2:]), server.base))
        elif head == "redirect":
            self._send(302, b"", headers={"Location": "/" + "/".join(segments[1:])})
        elif head == "redirect-loop":
            n = int(segments[1]) if len(segments) > 1 else 0
            self._send(302, b"", headers={"Location": f"/redirect-loop/{(n + 1) % 3}"})
        elif head == "redirect-to":
            self._send(302, b"", headers={"Location": query.get("url", ["/"])[0]})
        elif head in {"huge", "huge-chunked"}:
            self._huge(int(segments[1]), chunked=head == "huge-chunked")
        else:
            self._send(404, b'{"error": "no such route"}')


@pytest.fixture(scope="session")
def _fixture_httpd() -> Iterator[FixtureServer]:
    server = FixtureServer()
    yield server
    server.close()


@pytest.fixture
def fixture_server(_fixture_httpd: FixtureServer, settings: Settings) -> FixtureServer:
    """The running server, with loopback allowed and fast retries for this test."""
    settings.HARVEST_ALLOW_PRIVATE_ADDRESSES = True
    settings.HARVEST_BACKOFF_SECONDS = 0.01
    settings.HARVEST_TIMEOUT_SECONDS = 5
    _fixture_httpd.reset()
    return _fixture_httpd


FixtureReader = Callable[[str], bytes]
#: ``make_source(url, *, protocol=..., approved=..., **fields)``
SourceMaker = Callable[..., "HarvestSource"]


@pytest.fixture
def fixture_bytes() -> FixtureReader:
    return read_fixture


@pytest.fixture
def test_protocol() -> Iterator[str]:
    """Register the minimal JSON test protocol (tests/harvesters/jsonproto.py)."""
    from harvesters import registry

    names = {
        "test-json": "tests.harvesters.jsonproto.JsonTestHarvester",
        "test-json-incremental": "tests.harvesters.jsonproto.IncrementalJsonTestHarvester",
    }
    for name, path in names.items():
        registry.PROTOCOLS[name] = registry.ProtocolInfo(name, name, path)
    registry.get_harvester_class.cache_clear()
    yield "test-json"
    for name in names:
        registry.PROTOCOLS.pop(name, None)
    registry.get_harvester_class.cache_clear()


@pytest.fixture
def make_source(db: None) -> SourceMaker:
    """A harvest source (approved unless told otherwise) owned by a fresh organisation."""
    from harvesters.models import HarvestSource
    from tests.factories import make_organisation

    counter = iter(range(1, 10_000))

    def make(
        url: str, *, protocol: str = "test-json", approved: bool = True, **fields: Any
    ) -> HarvestSource:
        n = next(counter)
        fields.setdefault("organisation", make_organisation(name=f"Owner {n}"))
        return HarvestSource.objects.create(
            name=f"Source {n}",
            slug=f"source-{n}",
            protocol=protocol,
            url=url,
            approved=approved,
            **fields,
        )

    return make
