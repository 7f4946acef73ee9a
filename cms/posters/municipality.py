"""Which municipality a poster is for: one its item is shown for.

An activity or guide may be published to several municipalities; a survey
and a contact point belong to one. The asked-for municipality (``?municipality=``
from the admin, else the host the visitor reads on) wins when the item is
shown there. Asked for by name where it is not shown, the poster is refused
naming the field; reached through another municipality's host (an old link,
an API client on one address), the poster speaks for the first municipality
the item is shown in, never for one that does not show it.
"""

from __future__ import annotations

from typing import Any

from ..municipalities.lookup import by_pk, is_regional, municipalities
from ..municipalities.registry import MunicipalityInfo


class NotShownThere(ValueError):
    """The item is not shown in the municipality asked for; the message names where it is."""

    field = "municipality"


def item_municipalities(kind: str, obj: Any) -> list[MunicipalityInfo]:
    """Where the item is shown, in the region's order (the first is where it is edited)."""
    if kind in ("activity", "guide"):
        shown = set(obj.municipalities.values_list("pk", flat=True))
        return [m for m in municipalities() if m.pk in shown]
    if kind == "survey":
        owner = by_pk(obj.municipality_id)
        return [owner] if owner else []
    return list(municipalities())  # every municipality has its contact point


def poster_municipality(
    kind: str, obj: Any, wanted: MunicipalityInfo | None, *, named: bool = False
) -> MunicipalityInfo | None:
    """The municipality on the poster of ``obj``; ``named``: ``wanted`` was asked for by slug."""
    if wanted is None or not is_regional():
        return wanted
    shown = item_municipalities(kind, obj)
    if not shown or any(m.pk == wanted.pk for m in shown):
        return wanted
    if named:
        where = ", ".join(m.slug for m in shown)
        raise NotShownThere(f"it is not shown in {wanted.name}; choose one of: {where}")
    return shown[0]
