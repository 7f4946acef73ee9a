"""Distances on the earth's surface, for "near me" filters."""

from __future__ import annotations

from math import asin, cos, radians, sin, sqrt

from django.db.models import F, QuerySet
from django.db.models.functions import ASin, Cos, Power, Radians, Sin, Sqrt

EARTH_RADIUS_KM = 6371.0088


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle (haversine) distance between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(radians, (*a, *b))
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * asin(min(1.0, sqrt(h)))


def within_radius(qs: QuerySet, centre: tuple[float, float], radius_km: float) -> QuerySet:
    """Rows whose ``lat``/``lon`` lie within ``radius_km`` of ``centre``, with ``distance_km``.

    A bounding box first (uses the lat/lon index), then the exact haversine
    distance in SQL, so pagination stays in the database.
    """
    lat, lon = centre
    lat_span = radius_km / 111.0
    lon_span = radius_km / max(0.01, 111.0 * cos(radians(lat)))
    qs = qs.filter(
        lat__isnull=False,
        lat__gte=lat - lat_span,
        lat__lte=lat + lat_span,
        lon__gte=lon - lon_span,
        lon__lte=lon + lon_span,
    )
    h = Power(Sin((Radians(F("lat")) - radians(lat)) / 2), 2) + Cos(Radians(F("lat"))) * cos(
        radians(lat)
    ) * Power(Sin((Radians(F("lon")) - radians(lon)) / 2), 2)
    distance = 2 * EARTH_RADIUS_KM * ASin(Sqrt(h))
    return qs.annotate(distance_km=distance).filter(distance_km__lte=radius_km)


__all__ = ["EARTH_RADIUS_KM", "distance_km", "within_radius"]
