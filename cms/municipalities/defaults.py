"""Where new content goes when its editor does not say: the rule of the admin and the import.

An activity goes to its venue's municipality, else to the one whose village its location lies in
(among its organiser's municipalities), else to its organiser's only one; a
guide to its author's only one. With several left to choose from nothing is
guessed: the editor chooses.
"""

from __future__ import annotations

from ..geo import distance_km


def default_municipalities(
    partner, lat: float | None = None, lon: float | None = None, venue=None
) -> list:
    """The municipalities a partner's new activity (with a location) or guide is published to.

    An activity held at a venue goes to the venue's municipality, when its
    organiser works there; else the venue's point decides, like a typed one.
    """
    if partner is None:
        return []
    own = list(partner.municipalities.prefetch_related("villages"))
    if venue is not None:
        at_venue = [m for m in own if m.pk == venue.municipality_id]
        if at_venue:
            return at_venue
        lat, lon = venue.point or (lat, lon)
    if lat is not None and lon is not None:
        for municipality in own:
            for village in municipality.villages.all():
                if distance_km((lat, lon), (village.lat, village.lon)) <= village.radius_km:
                    return [municipality]
    return own if len(own) == 1 else []
