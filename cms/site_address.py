"""The address of the site a request is for: from the configured sites, never from the request.

A request names a host (``ALLOWED_HOSTS`` limits which) and a port (nothing
limits it). Links that leave the page, in API answers, calendar feeds, sharing
tags, posters and e-mails, must not carry whatever a request named: a cached
answer or a shared link built on ``Host: example.nl:6666`` would send every
later reader to that port. So every absolute address starts at
``site_root_url``: the root URL of the Wagtail ``Site`` configured for the
request's host name (one install serves several municipalities, each a Site),
or ``WAGTAILADMIN_BASE_URL`` where no Site names that host or where the Site is
the one ``WAGTAILADMIN_BASE_URL`` already describes (it carries the scheme and
port the operator configured, where a Site knows only a port).

The sites are read once per process and read again when a Site is saved or
deleted here (the signals below, in the query that change costs anyway), and
otherwise after ``SITE_ADDRESSES_MAX_AGE`` seconds, so that other processes see
a change soon: a request pays no query for its address (API query counts are
pinned).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpRequest
from django.http.request import split_domain_port
from wagtail.models import Site


@dataclass(frozen=True)
class ConfiguredSite:
    hostname: str
    port: int
    is_default: bool
    root_url: str


_known: tuple[float, tuple[ConfiguredSite, ...]] | None = None


def read_configured_sites() -> tuple[ConfiguredSite, ...]:
    """Read the sites from the database and keep them for the next requests."""
    global _known
    sites = tuple(
        ConfiguredSite(site.hostname.lower(), site.port, site.is_default_site, site.root_url)
        for site in Site.objects.order_by("-is_default_site", "hostname", "port")
    )
    _known = (time.monotonic(), sites)
    return sites


def configured_sites() -> tuple[ConfiguredSite, ...]:
    max_age = settings.SITE_ADDRESSES_MAX_AGE
    if _known is None or (max_age is not None and time.monotonic() - _known[0] > max_age):
        return read_configured_sites()
    return _known[1]


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def site_changed(**kwargs) -> None:
    """A Site was added, changed or removed in this process: read them again now."""
    read_configured_sites()


def base_url() -> str:
    """``WAGTAILADMIN_BASE_URL`` without its trailing slash: the install's own address."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def site_root_url(request: HttpRequest | None) -> str:
    """``https://wegwijs.example.nl``: where links for this request's site start (no slash).

    The host name of the request picks the Site, as Wagtail's own matching does
    (the Site with that host name and port, else the only or default one of that
    host name); the port a request names never reaches the answer.
    """
    base = base_url()
    if request is None:
        return base
    hostname, port = split_domain_port(request.get_host())
    if hostname == (urlsplit(base).hostname or "").lower():
        return base
    named = [site for site in configured_sites() if site.hostname == hostname]
    if not named:
        return base
    exact = [site for site in named if port and str(site.port) == port]
    return (exact or [site for site in named if site.is_default] or named)[0].root_url


def absolute_url(request: HttpRequest | None, path: str) -> str:
    """``path`` (``/media/...``, ``/pl/activiteiten/...``) on this request's site.

    An address that is absolute already (media on S3) is left as it is.
    """
    if urlsplit(path).scheme:
        return path
    return site_root_url(request) + (path if path.startswith("/") else "/" + path)
