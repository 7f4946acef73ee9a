"""Two neighbouring municipalities for region tests, through the import path."""

from __future__ import annotations

from typing import Any

from tests import factories

NEDER_BETUWE = {
    "slug": "neder-betuwe",
    "name": "Neder-Betuwe",
    "hostname": "neder-betuwe.localhost",
    "villages": [
        {"name": "Ochten", "lat": 51.9115, "lon": 5.5740},
        {"name": "Kesteren", "lat": 51.9350, "lon": 5.5685},
    ],
    "languages": ["nl", "pl", "en"],
}
TIEL = {
    "slug": "tiel",
    "name": "Tiel",
    "hostname": "tiel.localhost",
    "villages": [{"name": "Tiel", "lat": 51.8866, "lon": 5.4295, "radius_km": 3}],
    "languages": ["pl", "nl", "ro"],
    "colour": "#a01c2c",
}
# Points inside a village of each.
IN_OCHTEN = {"name": "Sporthal", "address": "Ochten", "lat": 51.911, "lon": 5.574}
IN_TIEL = {"name": "Bibliotheek", "address": "Tiel", "lat": 51.887, "lon": 5.430}


def region_sections(**more: list[dict[str, Any]]) -> dict[str, list]:
    """Neder-Betuwe and Tiel, a shared GGD, a club in each, and ``more`` sections."""
    sections: dict[str, list] = {
        "municipalities": [NEDER_BETUWE, TIEL],
        "partners": [
            factories.partner(slug="ggd", type="ggd", municipalities=["neder-betuwe", "tiel"]),
            factories.partner(slug="club-ochten", municipalities=["neder-betuwe"]),
            factories.partner(slug="club-tiel", municipalities=["tiel"]),
        ],
    }
    for name, records in more.items():
        sections[name] = sections.get(name, []) + records
    return sections


def region(**more: list[dict[str, Any]]):
    """Import ``region_sections(**more)``; returns the import report."""
    return factories.load(**region_sections(**more))
