"""The villages of a municipality: the activity list's "where" filter, the surveys' village.

Content, so it lives at the bottom (``cms``): survey answers name a village
(``cms.surveys.answers``) and the results break down by it
(``cms.surveys.results``); the site offers the same list in its forms. Since
regions the villages are data (``cms.municipalities.models.Village``, edited
with their municipality, read from the in-memory registry without a query);
this module stays the one way to ask for them.

A village is a named point with a radius: choosing one asks the activity query
builder for activities ``near`` it, exactly as "near me" does with the
visitor's own position, so both go through the same filter.
"""

from __future__ import annotations

from .municipalities.lookup import by_pk, village, villages
from .municipalities.registry import MunicipalityInfo, VillageInfo

Village = VillageInfo

__all__ = ["Village", "villages", "village", "village_slugs", "villages_of"]


def village_slugs(municipality: MunicipalityInfo | None = None) -> list[str]:
    return [v.slug for v in villages(municipality)]


def villages_of(municipality_id: int | None) -> tuple[VillageInfo, ...]:
    """The villages of the municipality with this id; every village when it is None."""
    return villages(by_pk(municipality_id) if municipality_id is not None else None)
