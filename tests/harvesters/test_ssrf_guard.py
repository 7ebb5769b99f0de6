"""The SSRF guard refuses every non-global address, checks the address each connection really
went to, and refuses such URLs already when a source is saved in the admin (issue 10)."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator

import pytest
import requests
from django.contrib.auth import get_user_model
from django.test import Client
from pytest_django.fixtures import Settings

from harvesters.exceptions import BlockedAddress
from harvesters.guard import GuardedAdapter, check_url
from harvesters.models import HarvestSource

from .conftest import SourceMaker


@pytest.mark.parametrize(
    "url",
    [
        "http://100.64.0.1/",  # shared address space (cloud metadata services)
        "http://100.100.100.200/latest/meta-data/",  # a cloud metadata endpoint in it
        "http://192.0.2.10/",  # documentation
        "http://198.18.0.1/",  # benchmarking
        "http://240.0.0.1/",  # reserved
        "http://[fc00::1]/",  # unique local
        "http://[::ffff:100.64.0.1]/",
    ],
)
def test_every_non_global_address_is_refused(url: str) -> None:
    with pytest.raises(BlockedAddress):
        check_url(url, allow_private=False)


def test_a_global_address_passes() -> None:
    check_url("http://93.184.215.14/", allow_private=False)


@pytest.fixture
def early_closer() -> Iterator[str]:
    """A server on 127.0.0.1 that answers at once and closes, before reading the request."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted: list[int] = []

    def serve() -> None:
        while True:
            try:
                conn, _addr = listener.accept()
            except OSError:
                return
            accepted.append(1)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
            conn.close()

    threading.Thread(target=serve, daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/"
    listener.close()


def test_the_connected_address_is_checked_even_when_the_peer_closes_early(
    early_closer: str,
) -> None:
    session = requests.Session()
    session.mount("http://", GuardedAdapter())
    with pytest.raises(BlockedAddress, match="127.0.0.1"):
        session.get(early_closer, timeout=5, stream=True)
    with pytest.raises(BlockedAddress):
        session.get(early_closer, timeout=5)


def source_form(org_pk: int, url: str) -> dict[str, object]:
    return {
        "name": "Metadata",
        "slug": "metadata",
        "protocol": "dcat",
        "url": url,
        "organisation": org_pk,
        "schedule": "daily",
        "active": "on",
        "options": json.dumps({}),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["http://100.64.0.1/catalog.ttl", "http://127.0.0.1:9/c.ttl"])
def test_the_admin_refuses_a_non_public_source_url(
    client: Client, make_source: SourceMaker, settings: Settings, url: str
) -> None:
    org = make_source("https://example.org/x").organisation
    settings.HARVEST_ALLOW_PRIVATE_ADDRESSES = False
    user = get_user_model().objects.create_superuser("admin", "a@example.org", "pw-12345678")
    client.force_login(user)
    response = client.post("/admin/harvest_sources/new/", source_form(org.pk, url))
    assert response.status_code == 200
    assert b"This address cannot be harvested" in response.content
    assert b"non-public address" in response.content
    assert not HarvestSource.objects.filter(slug="metadata").exists()
