"""Fetching a partner's calendar feed without letting it reach the server's network.

The address is typed by a partner, and the server fetches it: without a guard
it could read the cloud metadata service or an internal admin page (SSRF).
So with ``DEBUG`` off every address the host name resolves to (also after
each redirect) must be a public one, and the connection goes to the address
that was checked, not to a second DNS answer (DNS rebinding). Time, size and
redirects are limited; every refusal says why in words a club secretary can
act on.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3
from django.conf import settings
from django.utils.translation import gettext_noop

from .reasons import ImportProblem

USER_AGENT = "Wegwijs calendar import (+https://github.com/wegwijs)"


class FeedUnavailable(ImportProblem):
    """The feed could not be fetched; the reason tells the partner why."""


def _too_slow(limits: FeedLimits) -> FeedUnavailable:
    return FeedUnavailable(
        gettext_noop("the calendar server took longer than %(seconds)s s"),
        seconds=f"{limits.timeout:g}",
    )


@dataclass(frozen=True)
class FeedLimits:
    timeout: float  # seconds for the whole fetch, redirects included
    max_bytes: int
    max_redirects: int

    @classmethod
    def from_settings(cls) -> FeedLimits:
        return cls(
            timeout=settings.CALENDAR_FEED_TIMEOUT,
            max_bytes=settings.CALENDAR_FEED_MAX_BYTES,
            max_redirects=settings.CALENDAR_FEED_MAX_REDIRECTS,
        )


def normalise_feed_url(url: str) -> str:
    """``webcal://`` is how calendar apps link a feed; it means https."""
    url = url.strip()
    if url.lower().startswith("webcal://"):
        return "https://" + url[len("webcal://") :]
    return url


def is_public_address(address: str) -> bool:
    """False for loopback, private, link-local (cloud metadata), reserved and such."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise FeedUnavailable(
            gettext_noop("the server name '%(host)s' does not exist"), host=host
        ) from None
    return list(dict.fromkeys(info[4][0] for info in infos))


def _checked_address(host: str, port: int) -> str:
    """The address to connect to; refused when any answer is not public (unless DEBUG)."""
    addresses = _resolve(host, port)
    if not settings.DEBUG:
        for address in addresses:
            if not is_public_address(address):
                raise FeedUnavailable(
                    gettext_noop(
                        "'%(host)s' points into a private or local network (%(address)s); "
                        "only calendars on the public internet can be linked"
                    ),
                    host=host,
                    address=str(address),
                )
    return addresses[0]


def _pool(scheme: str, host: str, address: str, port: int, timeout: float):
    pool_timeout = urllib3.Timeout(connect=min(timeout, 5), read=timeout)
    if scheme == "https":
        return urllib3.HTTPSConnectionPool(
            address,
            port,
            timeout=pool_timeout,
            retries=False,
            cert_reqs="CERT_REQUIRED",
            server_hostname=host,
            assert_hostname=host,
        )
    return urllib3.HTTPConnectionPool(address, port, timeout=pool_timeout, retries=False)


def _read_limited(response, limits: FeedLimits, deadline: float) -> bytes:
    length = response.headers.get("Content-Length")
    # ASCII digits only: int() refuses "²" though isdigit() accepts it, and a
    # length of thousands of digits (over Python's limit for int()) is too large anyway.
    declared = length if length and length.isascii() and length.isdigit() else ""
    if declared and (len(declared) > 18 or int(declared) > limits.max_bytes):
        raise FeedUnavailable(
            gettext_noop("the feed is larger than %(size)s MB"), size=limits.max_bytes // 1_000_000
        )
    chunks: list[bytes] = []
    size = 0
    # One receive at a time (http.client's read1), the clock checked between
    # them: urllib3's stream() fills 64 KB before it returns, so a server that
    # sends a byte now and then would hold the import for as long as it likes.
    # The socket's read timeout bounds one receive; the deadline bounds them all.
    body = response._fp
    while chunk := body.read1(64 * 1024):
        size += len(chunk)
        if size > limits.max_bytes:
            raise FeedUnavailable(
                gettext_noop("the feed is larger than %(size)s MB"),
                size=limits.max_bytes // 1_000_000,
            )
        if time.monotonic() > deadline:
            raise _too_slow(limits)
        chunks.append(chunk)
    return b"".join(chunks)


def fetch_feed(url: str, limits: FeedLimits | None = None) -> bytes:
    """The body of the feed at ``url``; ``FeedUnavailable`` naming the reason otherwise."""
    limits = limits or FeedLimits.from_settings()
    deadline = time.monotonic() + limits.timeout
    url = normalise_feed_url(url)
    for _ in range(limits.max_redirects + 1):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FeedUnavailable(
                gettext_noop("'%(url)s' is not a web address (https://... or webcal://...)"),
                url=url,
            )
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = _checked_address(parts.hostname, port)
        path = parts.path or "/"
        if parts.query:
            path = f"{path}?{parts.query}"
        host_header = parts.hostname if parts.port is None else f"{parts.hostname}:{parts.port}"
        remaining = max(deadline - time.monotonic(), 0.1)
        pool = _pool(parts.scheme, parts.hostname, address, port, remaining)
        try:
            response = pool.urlopen(
                "GET",
                path,
                headers={"Host": host_header, "User-Agent": USER_AGENT, "Accept": "text/calendar"},
                redirect=False,
                preload_content=False,
                assert_same_host=False,
            )
        except urllib3.exceptions.NewConnectionError:  # (a subclass of TimeoutError)
            raise FeedUnavailable(
                gettext_noop("the calendar server at '%(host)s' is down"), host=parts.hostname
            ) from None
        except urllib3.exceptions.TimeoutError:
            raise _too_slow(limits) from None
        except urllib3.exceptions.SSLError:
            raise FeedUnavailable(
                gettext_noop("the calendar server's certificate is not valid")
            ) from None
        except urllib3.exceptions.HTTPError:
            raise FeedUnavailable(
                gettext_noop("the calendar server at '%(host)s' is down"), host=parts.hostname
            ) from None
        try:
            if response.status in (301, 302, 303, 307, 308) and response.headers.get("Location"):
                url = urljoin(url, response.headers["Location"])
                continue
            if response.status != 200:
                raise FeedUnavailable(
                    gettext_noop("the calendar server answered HTTP %(status)s"),
                    status=response.status,
                )
            try:
                return _read_limited(response, limits, deadline)
            # read1 answers with the socket's and http.client's own errors, not urllib3's.
            except (urllib3.exceptions.TimeoutError, TimeoutError):
                raise _too_slow(limits) from None
            except (urllib3.exceptions.HTTPError, http.client.HTTPException, OSError):
                raise FeedUnavailable(
                    gettext_noop("the connection broke off while reading the feed")
                ) from None
        finally:
            response.release_conn()
            pool.close()
    raise FeedUnavailable(
        gettext_noop("the address redirects more than %(count)s times"), count=limits.max_redirects
    )
