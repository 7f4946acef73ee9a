"""Every municipality with its site, villages and languages, held in memory.

Why in memory: every public request needs its municipality (its host, or
``?municipality=``), and the API pins its SQL query counts; the table changes
a few times a year. The snapshot is read in two queries the first time it is
needed, dropped whenever a municipality, village or site is saved or deleted
in this process (``signals``), and otherwise kept for
``MUNICIPALITY_CACHE_SECONDS`` (other processes of a production server see a
change after at most that long; 0 keeps it until a change here).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class VillageInfo:
    slug: str
    name: str
    lat: float
    lon: float
    radius_km: float

    @property
    def near(self) -> str:
        return f"{self.lat},{self.lon}"


@dataclass(frozen=True)
class MunicipalityInfo:
    """What requests need of a municipality, without touching the database."""

    pk: int
    slug: str
    name: str
    site_id: int
    hostname: str
    port: int
    is_default_site: bool
    root_page_id: int
    root_path: str
    languages: tuple[str, ...]
    colour: str
    logo_id: int | None
    privacy_contact: str
    coordinators_group_id: int | None
    villages: tuple[VillageInfo, ...]

    @property
    def root_url(self) -> str:
        """The site's address: ``http://tiel.localhost:8000`` (https on port 443)."""
        if self.port == 443:
            return f"https://{self.hostname}"
        if self.port == 80:
            return f"http://{self.hostname}"
        return f"http://{self.hostname}:{self.port}"

    def village(self, slug: str) -> VillageInfo | None:
        return next((v for v in self.villages if v.slug == slug), None)


_lock = threading.Lock()
_snapshot: tuple[float, tuple[MunicipalityInfo, ...]] | None = None


def _load() -> tuple[MunicipalityInfo, ...]:
    from ..models import Municipality, Village

    villages: dict[int, list[VillageInfo]] = {}
    for row in Village.objects.order_by("municipality_id", "sort_order", "name"):
        villages.setdefault(row.municipality_id, []).append(
            VillageInfo(row.slug, row.name, row.lat, row.lon, row.radius_km)
        )
    return tuple(
        MunicipalityInfo(
            pk=m.pk,
            slug=m.slug,
            name=m.name,
            site_id=m.site_id,
            hostname=m.site.hostname,
            port=m.site.port,
            is_default_site=m.site.is_default_site,
            root_page_id=m.site.root_page_id,
            root_path=m.site.root_page.path,
            languages=tuple(m.languages or ()),
            colour=m.colour,
            logo_id=m.logo_id,
            privacy_contact=m.privacy_contact,
            coordinators_group_id=m.coordinators_id,
            villages=tuple(villages.get(m.pk, ())),
        )
        for m in Municipality.objects.select_related("site__root_page").order_by(
            "sort_order", "name"
        )
    )


def municipalities() -> tuple[MunicipalityInfo, ...]:
    """Every municipality, in the region's order (the first is the original one)."""
    global _snapshot
    ttl = getattr(settings, "MUNICIPALITY_CACHE_SECONDS", 60)
    now = time.monotonic()
    snapshot = _snapshot
    if snapshot is None or (ttl and now - snapshot[0] > ttl):
        with _lock:
            snapshot = (now, _load())
            _snapshot = snapshot
    return snapshot[1]


def forget() -> None:
    """Drop the snapshot: the next call reads the database again."""
    global _snapshot
    with _lock:
        _snapshot = None
