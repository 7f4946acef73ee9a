"""Generated content in the import format (DESIGN.md), as much as the bench asks for.

The texts are the demo's own (``cms/demo/demo_content.json``, written in all 13
languages), varied per activity by village, date and which translations it
has, so that searches meet realistic words in realistic numbers. Everything is
drawn from a seeded random generator: the same N gives the same content.
"""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

DEMO = Path(__file__).resolve().parent.parent / "cms" / "demo" / "demo_content.json"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
SEED = 20261127
EXTRA_PARTNERS = 36

# Villages of the demo municipality and their neighbours, with where they are.
VILLAGES = (
    ("Ochten", 51.9106, 5.5703),
    ("Echteld", 51.9072, 5.5053),
    ("IJzendoorn", 51.9038, 5.5286),
    ("Kesteren", 51.9352, 5.5691),
    ("Opheusden", 51.9286, 5.6347),
    ("Dodewaard", 51.9136, 5.6528),
    ("Hemmen", 51.9228, 5.6906),
    ("Zetten", 51.9281, 5.7131),
    ("Lienden", 51.9478, 5.5175),
    ("Tiel", 51.8864, 5.4292),
    ("Wageningen", 51.9692, 5.6653),
    ("Elst", 51.9197, 5.8483),
)
# A third of the activities recur; these are the rules they use.
RULES = (
    "FREQ=WEEKLY;BYDAY=TU",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE",
    "FREQ=MONTHLY;BYDAY=1SA",
    "FREQ=WEEKLY;BYDAY=MO,TH;COUNT=24",
)


@lru_cache(maxsize=1)
def demo() -> dict[str, list[dict[str, Any]]]:
    return json.loads(DEMO.read_text(encoding="utf-8"))


def _in_village(texts: dict[str, str], village: str) -> dict[str, str]:
    return {code: f"{text} – {village}" for code, text in texts.items()}


def municipalities(count: int) -> list[dict[str, Any]]:
    """The demo's first municipality (at ``localhost``), then ``count - 1`` neighbours.

    Each neighbour has its own host and three villages, a few kilometres apart, so
    that a region of 20 is as many sites as a GGD region has municipalities.
    """
    first = demo()["municipalities"][0]
    made = [first]
    for number in range(1, count):
        lat, lon = 51.6 + 0.05 * (number % 5), 5.0 + 0.08 * (number // 5)
        made.append(
            {
                "slug": f"gemeente-{number:02d}",
                "name": f"Gemeente {number:02d}",
                "hostname": f"gemeente-{number:02d}.localhost",
                "languages": first.get("languages", []),
                "villages": [
                    {"name": f"Dorp {number:02d}-{k}", "lat": lat + 0.01 * k, "lon": lon}
                    for k in range(3)
                ],
            }
        )
    return made


@lru_cache(maxsize=4)
def municipality_slugs(count: int) -> tuple[str, ...]:
    return tuple(record["slug"] for record in municipalities(count))


def base_content(count: int = 1) -> dict[str, list[dict[str, Any]]]:
    """The demo's partners, guides and policy plan, plus more partners to spread over.

    Everything is published to all ``count`` municipalities (regional partners, as
    the GGD and the library are); the policy plan belongs to the first. One
    municipality is the bench as it was before regions: nothing is filtered.
    """
    rng = random.Random(SEED)
    content = demo()
    slugs = list(municipality_slugs(count))
    partners = [{**partner, "municipalities": slugs} for partner in content["partners"]]
    for number in range(EXTRA_PARTNERS):
        template = content["partners"][number % len(content["partners"])]
        village, lat, lon = VILLAGES[number % len(VILLAGES)]
        partners.append(
            {
                **template,
                "municipalities": slugs,
                "slug": f"{template['slug']}-{village.lower()}-{number}",
                "name": f"{template['name']} {village}",
                "location": {
                    "address": f"Dorpsstraat {number + 1}, {village}",
                    "lat": round(lat + rng.uniform(-0.01, 0.01), 5),
                    "lon": round(lon + rng.uniform(-0.01, 0.01), 5),
                },
            }
        )
    return {
        "municipalities": municipalities(count),
        "partners": partners,
        "guides": [{**guide, "municipalities": slugs} for guide in content["guides"]],
        "policy_actions": [
            {**action, "municipality": slugs[0]} for action in content["policy_actions"]
        ],
    }


@lru_cache(maxsize=1)
def partner_slugs() -> tuple[str, ...]:
    return tuple(partner["slug"] for partner in base_content()["partners"])


def activity(number: int, now: datetime, count: int = 1) -> dict[str, Any]:
    """Activity ``number``: the same record every time for the same number and day."""
    rng = random.Random(SEED * 1_000_003 + number)
    templates = demo()["activities"]
    template = templates[number % len(templates)]
    village, lat, lon = VILLAGES[rng.randrange(len(VILLAGES))]
    partners = partner_slugs()
    # Dutch and English always; then some of the template's other translations.
    others = [code for code in template["title"] if code not in ("nl", "en")]
    keep = {"nl", "en", *rng.sample(others, k=rng.randint(min(2, len(others)), len(others)))}

    def texts(name: str, source: dict[str, Any] | None = None) -> dict[str, str]:
        found = (source or template).get(name) or {}
        return {code: text for code, text in found.items() if code in keep}

    day = now.astimezone(AMSTERDAM).replace(hour=0, minute=0, second=0, microsecond=0)
    starts = day + timedelta(days=rng.randint(-60, 365), hours=rng.choice((10, 14, 19)))
    record: dict[str, Any] = {
        **{key: value for key, value in template.items() if key not in ("mixed_team",)},
        # Each activity is local: one municipality of the region, in turn.
        "municipalities": [municipality_slugs(count)[number % count]],
        "slug": f"{template['slug']}-{number}",
        "partner": partners[rng.randrange(len(partners))],
        "co_organisers": rng.sample(list(partners), k=rng.choice((0, 0, 1, 2))),
        "title": _in_village(texts("title"), village),
        "summary": texts("summary"),
        "body": texts("body"),
        "starts_at": starts.isoformat(),
        "ends_at": (starts + timedelta(hours=2)).isoformat(),
        "recurrence": RULES[rng.randrange(len(RULES))] if number % 3 == 0 else "",
        "location": {
            "name": f"Dorpshuis {village}",
            "address": f"Kerkstraat {rng.randint(1, 99)}, {village}",
            "lat": round(lat + rng.uniform(-0.01, 0.01), 5),
            "lon": round(lon + rng.uniform(-0.01, 0.01), 5),
        },
        "languages_offered": sorted(keep & {"nl", "en", "pl", "ro", "bg", "uk"}) or ["nl"],
    }
    if template.get("mixed_team"):
        team = template["mixed_team"]
        record["mixed_team"] = {
            **team,
            "training_times": texts("training_times", team),
            "open_spots": rng.randint(0, 12),
        }
    record["co_organisers"] = [
        slug for slug in record["co_organisers"] if slug != record["partner"]
    ]
    return record


def activities(start: int, stop: int, now: datetime, count: int = 1) -> list[dict[str, Any]]:
    return [activity(number, now, count) for number in range(start, stop)]
