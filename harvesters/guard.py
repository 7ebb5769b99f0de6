"""The SSRF guard of the HTTP policy (harvesters/http.py) and of harvest source forms.

Only http(s) URLs whose host resolves to global addresses only (``ipaddress``'s ``is_global``:
no private, loopback, link-local, shared 100.64.0.0/10, documentation, reserved or
multicast address) are fetched, unless ``settings.HARVEST_ALLOW_PRIVATE_ADDRESSES`` (the tests
serve fixtures on 127.0.0.1). :class:`GuardedAdapter` checks again the address each
connection actually went to, as soon as it is connected and before anything is sent or read,
which defeats a DNS answer that changes between the check and the connection.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any
from urllib.parse import urlsplit

from django.utils.translation import gettext as _
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from .exceptions import BlockedAddress, FetchError

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def is_public(address: Address) -> bool:
    """True only for a globally reachable unicast address."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def parse_address(text: str) -> Address:
    return ipaddress.ip_address(text.split("%")[0])


def check_url(url: str, *, allow_private: bool) -> None:
    """Refuse URLs that are not http(s) or whose host resolves to a non-public address."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        raise BlockedAddress(_("Only http and https URLs can be harvested: %s") % url, url=url)
    host = parts.hostname
    if not host:
        raise BlockedAddress(_("The URL has no host: %s") % url, url=url)
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        raise FetchError(
            _("The host %(host)s could not be resolved.") % {"host": host}, url=url
        ) from exc
    for info in infos:
        address = parse_address(str(info[4][0]))
        if not is_public(address):
            raise BlockedAddress(
                _("Refused: %(host)s resolves to the non-public address %(address)s.")
                % {"host": host, "address": address},
                url=url,
            )


def _check_connected(connection: HTTPConnection) -> None:
    sock = connection.sock
    if sock is None:
        raise BlockedAddress(_("Refused: the connection could not be checked."))
    peer = str(sock.getpeername()[0])
    if not is_public(parse_address(peer)):
        connection.close()
        raise BlockedAddress(_("Refused: the connection went to the non-public address %s.") % peer)


class _GuardedHTTPConnection(HTTPConnection):
    def connect(self) -> None:
        super().connect()
        _check_connected(self)


class _GuardedHTTPSConnection(HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        _check_connected(self)


class _GuardedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _GuardedHTTPConnection


class _GuardedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _GuardedHTTPSConnection


class GuardedAdapter(HTTPAdapter):
    """A requests adapter whose connections refuse a non-public peer once connected."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _GuardedHTTPPool,
            "https": _GuardedHTTPSPool,
        }


def validate_harvest_url(url: str) -> str | None:
    """Why ``url`` may not be harvested, or None; for forms (the admin's source form)."""
    from django.conf import settings

    try:
        check_url(url, allow_private=bool(settings.HARVEST_ALLOW_PRIVATE_ADDRESSES))
    except BlockedAddress as exc:
        return str(exc)
    except FetchError:
        return None  # unresolvable now: may resolve later, the harvest reports it then
    return None
