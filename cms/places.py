"""The villages of the municipality: the activity list's "where" filter, the surveys' village.

Content, so it lives at the bottom (``cms``): survey answers name a village
(``cms.surveys.answers``) and the results break down by it
(``cms.surveys.results``); the site offers the same list in its forms.

A village is a named point with a radius: choosing one asks the activity query
builder for activities ``near`` it, exactly as "near me" does with the
visitor's own position, so both go through the same filter. Centres and radii
fit Neder-Betuwe's villages (2-3 km apart): each radius covers its own village
and stops short of the next one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Village:
    slug: str
    name: str
    lat: float
    lon: float
    radius_km: float = 1.5

    @property
    def near(self) -> str:
        return f"{self.lat},{self.lon}"


VILLAGES = (
    Village("dodewaard", "Dodewaard", 51.9150, 5.6500),
    Village("echteld", "Echteld", 51.9086, 5.5012),
    Village("hien", "Hien", 51.9050, 5.6735),
    Village("ijzendoorn", "IJzendoorn", 51.9013, 5.5331),
    Village("kesteren", "Kesteren", 51.9350, 5.5685),
    Village("ochten", "Ochten", 51.9115, 5.5740),
    Village("opheusden", "Opheusden", 51.9305, 5.6340),
)
VILLAGES_BY_SLUG = {village.slug: village for village in VILLAGES}
