"""Which municipality: the accessors every feature uses to scope itself.

A request's municipality is the one whose Wagtail ``Site`` matches its host
(the same rule as Wagtail's ``Site.find_for_request``: hostname and port,
then the hostname alone, then the default site), unless ``?municipality=``
names another. All answers come from the in-memory ``registry``: no query.

``None`` means "no municipality exists yet" (a fresh database before the
first migration's data, or a test that builds no site): callers then scope
nothing, exactly as before regions existed.
"""

from __future__ import annotations

from django.http import HttpRequest
from wagtail.models import Site

from .registry import MunicipalityInfo, VillageInfo, municipalities

__all__ = [
    "MUNICIPALITY_PARAMETER",
    "MunicipalityInfo",
    "UnknownMunicipality",
    "by_pk",
    "by_slug",
    "chosen",
    "default",
    "for_host",
    "for_page",
    "for_request",
    "for_site",
    "is_regional",
    "municipalities",
    "village",
    "villages",
]

MUNICIPALITY_PARAMETER = "municipality"


class UnknownMunicipality(ValueError):
    """``?municipality=`` names no municipality; the message lists the known slugs."""

    field = MUNICIPALITY_PARAMETER

    def __init__(self, slug: str) -> None:
        known = ", ".join(m.slug for m in municipalities())
        super().__init__(f"Unknown municipality {slug!r}. Choose one of: {known}.")


def is_regional() -> bool:
    """More than one municipality: content is filtered by where it is published."""
    return len(municipalities()) > 1


def default() -> MunicipalityInfo | None:
    """The default site's municipality, else the first one."""
    found = municipalities()
    return next((m for m in found if m.is_default_site), found[0] if found else None)


def by_slug(slug: str) -> MunicipalityInfo | None:
    return next((m for m in municipalities() if m.slug == slug), None)


def by_pk(pk: int | None) -> MunicipalityInfo | None:
    return next((m for m in municipalities() if m.pk == pk), None)


def for_site(site: Site | None) -> MunicipalityInfo | None:
    """The municipality served by this Wagtail site (None: no such site, or none exist)."""
    if site is None:
        return default()
    return next((m for m in municipalities() if m.site_id == site.pk), default())


def for_host(host: str) -> MunicipalityInfo | None:
    """Wagtail's site matching on a ``Host`` header value (``tiel.localhost:8000``)."""
    hostname, _, port_text = host.rpartition(":") if ":" in host else (host, "", "")
    hostname = hostname.lower()
    found = municipalities()
    if port_text.isdigit():
        exact = [m for m in found if m.hostname == hostname and m.port == int(port_text)]
        if exact:
            return exact[0]
    by_name = [m for m in found if m.hostname == hostname]
    if len(by_name) == 1:
        return by_name[0]
    return default()


def for_request(request: HttpRequest) -> MunicipalityInfo | None:
    """The municipality of the request's host (``?municipality=`` is ``chosen``'s job)."""
    try:
        host = request.get_host()
    except Exception:  # DisallowedHost: the default site, as Wagtail does
        return default()
    return for_host(host)


def for_page(path: str) -> MunicipalityInfo | None:
    """The municipality whose part of the page tree holds the page at tree ``path``
    (``Page.path``): its plan, its sections; else the default one."""
    holders = [m for m in municipalities() if path.startswith(m.root_path)]
    return max(holders, key=lambda m: len(m.root_path), default=None) or default()


def chosen(request: HttpRequest, slug: str | None = None) -> MunicipalityInfo | None:
    """``?municipality=slug`` if given (else ``UnknownMunicipality``), or the host's."""
    if slug is None:
        slug = request.GET.get(MUNICIPALITY_PARAMETER)
    if slug is None or slug == "":
        return for_request(request)
    found = by_slug(slug)
    if found is None:
        raise UnknownMunicipality(slug)
    return found


def villages(municipality: MunicipalityInfo | None = None) -> tuple[VillageInfo, ...]:
    """The villages of ``municipality``; without one, every municipality's."""
    if municipality is not None:
        return municipality.villages
    return tuple(v for m in municipalities() for v in m.villages)


def village(slug: str, municipality: MunicipalityInfo | None = None) -> VillageInfo | None:
    return next((v for v in villages(municipality) if v.slug == slug), None)
