"""The ``municipalities`` section, and which municipalities a record is published to.

A municipality record creates or updates a municipality with its own site
(``cms.site_structure.ensure_municipal_site``: home page and sections) and
replaces its villages. Partners, activities and guides name the
municipalities they are published to; policy actions the one whose plan they
belong to. Left out, a record goes to the only municipality; with several it
must say (an activity may instead lie in one of them: its location inside a
village's radius).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.utils.text import slugify
from wagtail.models import Site

from ..models import Municipality, Partner, Village
from ..municipalities.defaults import default_municipalities
from ..site_structure import ensure_municipal_site
from . import values as v
from .errors import InvalidField

HOSTNAME = re.compile(
    r"^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$"
)
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _villages(record: Mapping) -> list[dict[str, Any]]:
    items = record.get("villages") or []
    if not isinstance(items, list):
        raise InvalidField("villages", "must be a list of {name, lat, lon}")
    villages, seen = [], set()
    for index, item in enumerate(items):
        path = f"villages[{index}]"
        if not isinstance(item, Mapping):
            raise InvalidField(path, "must be an object with name, lat and lon")
        name = v.text(item, "name", path=f"{path}.name", max_length=120, required_value=True)
        slug = item.get("slug") or slugify(name)
        if not isinstance(slug, str) or not re.fullmatch(r"[-a-z0-9_]+", slug):
            raise InvalidField(f"{path}.slug", "may only hold letters, digits, '-' and '_'")
        if slug in seen:
            raise InvalidField(f"{path}.slug", f"'{slug}' appears twice in this municipality")
        seen.add(slug)
        lat = v.number(item, "lat", path=f"{path}.lat", low=-90, high=90)
        lon = v.number(item, "lon", path=f"{path}.lon", low=-180, high=180)
        if lat is None or lon is None:
            raise InvalidField(f"{path}.{'lat' if lat is None else 'lon'}", "is required")
        radius = v.number(item, "radius_km", path=f"{path}.radius_km", low=0.1, high=50)
        villages.append(
            {"slug": slug, "name": name, "lat": lat, "lon": lon, "radius_km": radius or 1.5}
        )
    return villages


def read_municipality(record: Mapping) -> dict[str, Any]:
    hostname = v.text(record, "hostname", max_length=255, required_value=True).lower()
    if not HOSTNAME.match(hostname):
        raise InvalidField("hostname", f"'{hostname}' is not a host name (e.g. tiel.example.nl)")
    port = v.whole_number(record, "port", low=1, high=65535) or 80
    colour = v.text(record, "colour", max_length=7) or "#1f7a3a"
    if not COLOUR.match(colour):
        raise InvalidField("colour", "must be a colour as #rrggbb")
    return {
        "name": v.text(record, "name", max_length=120, required_value=True),
        "hostname": hostname,
        "port": port,
        "languages": v.language_list(record, "languages"),
        "colour": colour,
        "privacy_contact": v.text(record, "privacy_contact", max_length=254),
        "villages": _villages(record),
    }


def import_municipality(record: Mapping, known: dict[str, Municipality]) -> str:
    """Create or update one municipality, its site and its villages."""
    values = read_municipality(record)
    slug = record["slug"]
    villages = values.pop("villages")
    hostname, port = values.pop("hostname"), values.pop("port")
    municipality = known.get(slug)
    taken = Site.objects.filter(hostname=hostname, port=port)
    if municipality is not None:
        taken = taken.exclude(pk=municipality.site_id)
    if taken.exists():
        raise InvalidField("hostname", f"'{hostname}:{port}' is already another site's address")
    if municipality is None:
        site, _ = ensure_municipal_site(hostname, port, slug, values["name"])
        if Municipality.objects.filter(site=site).exists():
            raise InvalidField("hostname", f"'{hostname}' is already another municipality's site")
        municipality = Municipality(site=site, slug=slug, sort_order=len(known))
        outcome = "created"
    else:
        before = (
            [getattr(municipality, name) for name in values],
            (municipality.site.hostname, municipality.site.port),
            list(municipality.villages.values("slug", "name", "lat", "lon", "radius_km")),
        )
        wanted = (list(values.values()), (hostname, port), villages)
        if before == wanted:
            return "unchanged"
        site = municipality.site
        site.hostname, site.port = hostname, port
        site.save()
        outcome = "updated"
    for name, value in values.items():
        setattr(municipality, name, value)
    municipality.full_clean(exclude=["site"])
    municipality.save()
    municipality.villages.all().delete()
    Village.objects.bulk_create(
        Village(municipality=municipality, sort_order=index, **village)
        for index, village in enumerate(villages)
    )
    known[slug] = municipality
    return outcome


def _choices(known: Mapping[str, Municipality]) -> str:
    return ", ".join(known) or "(none yet)"


def named_municipalities(
    record: Mapping, known: Mapping[str, Municipality], key: str = "municipalities"
) -> list[Municipality] | None:
    """The municipalities ``record[key]`` names (None: the key is left out)."""
    if key not in record:
        return None
    slugs = record[key]
    if not isinstance(slugs, list) or not slugs:
        raise InvalidField(key, f"must be a list of municipality slugs: {_choices(known)}")
    found = []
    for index, slug in enumerate(slugs):
        if not isinstance(slug, str) or slug not in known:
            raise InvalidField(
                f"{key}[{index}]", f"unknown municipality '{slug}'; use one of {_choices(known)}"
            )
        found.append(known[slug])
    return found


def _only(known: Mapping[str, Municipality], key: str) -> list[Municipality]:
    if len(known) == 1:
        return list(known.values())
    if not known:
        return []
    raise InvalidField(
        key, f"is required when there is more than one municipality: {_choices(known)}"
    )


def partner_municipalities(record: Mapping, known: Mapping[str, Municipality]) -> list:
    named = named_municipalities(record, known)
    return named if named is not None else _only(known, "municipalities")


def _within_reach(partner: Partner, named: list[Municipality], key: str) -> None:
    """A partner publishes only where it belongs (checked where there are several)."""
    belongs = {m.pk for m in partner.municipalities.all()}
    for index, municipality in enumerate(named):
        if municipality.pk not in belongs:
            raise InvalidField(
                f"{key}[{index}]",
                f"partner '{partner.slug}' does not belong to municipality '{municipality.slug}'",
            )


def _location(record: Mapping) -> tuple[float | None, float | None]:
    location = record.get("location")
    if not isinstance(location, Mapping):
        return None, None
    lat, lon = location.get("lat"), location.get("lon")
    if all(isinstance(x, int | float) and not isinstance(x, bool) for x in (lat, lon)):
        return lat, lon
    return None, None


def content_municipalities(
    record: Mapping, known: Mapping[str, Municipality], partner: Partner, *, by_location: bool
) -> list[Municipality]:
    """Where an activity or guide is published: named, or the only one, or (activities) where
    its location lies among the partner's municipalities, or the partner's only one."""
    named = named_municipalities(record, known)
    if len(known) <= 1:
        return named if named is not None else list(known.values())
    if named is not None:
        _within_reach(partner, named, "municipalities")
        return named
    if not by_location:  # a guide says where (DESIGN.md, "Import additions")
        return _only(known, "municipalities")
    return default_municipalities(partner, *_location(record)) or _only(known, "municipalities")


def action_municipality(record: Mapping, known: Mapping[str, Municipality]) -> Municipality | None:
    """The municipality whose plan a policy action belongs to (``"municipality": slug``)."""
    if "municipality" in record:
        slug = record["municipality"]
        if not isinstance(slug, str) or slug not in known:
            raise InvalidField(
                "municipality", f"unknown municipality '{slug}'; use one of {_choices(known)}"
            )
        return known[slug]
    only = _only(known, "municipality")
    return only[0] if only else None
