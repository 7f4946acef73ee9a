"""The municipalities of the region, as the API's ``municipalities`` and the site show them."""

from __future__ import annotations

from dataclasses import dataclass

from cms.municipalities.lookup import municipalities
from cms.municipalities.registry import MunicipalityInfo, VillageInfo
from cms.translation.languages import language_codes


@dataclass(frozen=True)
class MunicipalityListing:
    slug: str
    name: str
    url: str
    villages: tuple[VillageInfo, ...]
    languages: tuple[str, ...]


def offered_languages(municipality: MunicipalityInfo | None) -> tuple[str, ...]:
    """The languages a municipality offers, in its order; all of them when it names none."""
    if municipality is None or not municipality.languages:
        return tuple(language_codes())
    return municipality.languages


def region() -> list[MunicipalityListing]:
    """Every municipality with its site's address, villages and languages (no query)."""
    return [
        MunicipalityListing(m.slug, m.name, m.root_url + "/", m.villages, offered_languages(m))
        for m in municipalities()
    ]
