"""Import records for tests, built through the one import path (``import_content``).

Each factory returns a record in DESIGN.md's import format with sensible
defaults; tests override only what they are about.
"""

from __future__ import annotations

import copy
from itertools import count
from typing import Any

from cms.importing import import_content

_numbers = count(1)


def _merge(base: dict, overrides: dict) -> dict:
    record = copy.deepcopy(base)
    record.update(overrides)
    return record


def partner(**overrides: Any) -> dict:
    n = next(_numbers)
    return _merge(
        {
            "slug": f"partner-{n}",
            "name": f"Partner {n}",
            "type": "association",
            "description": {"nl": "Een vereniging in Ochten.", "en": "An association in Ochten."},
            "languages_spoken": ["nl", "en"],
            "location": {"address": "Dorpsstraat 1, Ochten", "lat": 51.910, "lon": 5.570},
        },
        overrides,
    )


def activity(partner_slug: str, **overrides: Any) -> dict:
    n = next(_numbers)
    return _merge(
        {
            "slug": f"activity-{n}",
            "partner": partner_slug,
            "category": "language",
            "title": {"nl": f"Taalcafé {n}", "en": f"Language café {n}"},
            "summary": {"nl": "Samen Nederlands oefenen.", "en": "Practise Dutch together."},
            "body": {"nl": "Kom gezellig langs.\n\n- Gratis\n- Koffie en thee"},
            "starts_at": "2027-01-05T19:00:00+01:00",
            "ends_at": "2027-01-05T20:30:00+01:00",
            "location": {
                "name": "Bibliotheek",
                "address": "Dorpsstraat 2",
                "lat": 51.911,
                "lon": 5.571,
            },
            "languages_offered": ["nl"],
            "audience": "everyone",
            "cost": {"free": True},
            "registration": {"required": False},
        },
        overrides,
    )


def guide(partner_slug: str, **overrides: Any) -> dict:
    n = next(_numbers)
    return _merge(
        {
            "slug": f"guide-{n}",
            "partner": partner_slug,
            "topic": "healthcare",
            "title": {"nl": f"De huisarts {n}", "en": f"The GP {n}"},
            "summary": {"nl": "Zo werkt de huisarts.", "en": "How the GP works."},
            "body": {"nl": "Bel eerst de praktijk.", "en": "Call the practice first."},
        },
        overrides,
    )


def policy_action(**overrides: Any) -> dict:
    n = next(_numbers)
    return _merge(
        {
            "slug": f"action-{n}",
            "building_block": "support",
            "title": {"nl": f"Actie {n}", "en": f"Action {n}"},
            "description": {"nl": "Wat we doen."},
            "status": "in_progress",
            "progress": 40,
            "responsible": [],
            "starts_on": "2026-09-01",
            "due_on": "2027-06-30",
            "updates": [{"date": "2026-11-01", "text": {"nl": "Gestart."}}],
        },
        overrides,
    )


def load(**sections: list[dict]):
    """Import the given sections; returns the import report."""
    return import_content(sections)
