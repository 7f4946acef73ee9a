"""The accessibility statement of a site, in the Dutch government's format.

digitoegankelijk.nl asks every government website for a statement that says
what was tested, how, the result, the known limits and whom to contact. Here
the result is not typed in by hand: ``bench/lighthouse/run`` writes
``lighthouse.json`` beside this module, and the statement shows what it holds.
The automated checks the test suite runs on every change are named in
``SUITE_CHECKS``; ``tests/frontend/test_accessibility_statement.py`` holds them
to what the suite really does (axe-core's rules and version), so the page
cannot claim a check that no longer runs.

One statement per site (a municipality is a Wagtail ``Site``): its name and
address come from the site, the measurements are the same code's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

MEASUREMENTS = Path(__file__).with_name("lighthouse.json")
# What the test suite checks on every change (tests/frontend/browser.py and others).
AXE_VERSION = "4.14.1"
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice")
STANDARD = "WCAG 2.1 AA"
CATEGORIES = ("accessibility", "best-practices", "seo", "performance")


@dataclass(frozen=True)
class PageResult:
    page_type: str
    language: str
    path: str
    scores: dict[str, int]


@dataclass(frozen=True)
class Measurements:
    lighthouse: str
    measured_at: datetime
    pages: list[PageResult] = field(default_factory=list)

    def lowest(self, category: str) -> int:
        """The lowest score of ``category`` over every page measured."""
        return min(page.scores[category] for page in self.pages)

    @property
    def page_types(self) -> list[str]:
        return list(dict.fromkeys(page.page_type for page in self.pages))

    @property
    def languages(self) -> list[str]:
        return list(dict.fromkeys(page.language for page in self.pages))

    @property
    def all_accessible(self) -> bool:
        return self.lowest("accessibility") == 100


def parse(run: dict[str, Any]) -> Measurements:
    return Measurements(
        lighthouse=run["lighthouse"],
        measured_at=datetime.strptime(run["measured_at"], "%Y-%m-%d %H:%M %Z"),
        pages=[
            PageResult(page["type"], page["language"], page["path"], page["scores"])
            for page in run["pages"]
        ],
    )


@cache
def measurements() -> Measurements | None:
    """The last Lighthouse run, or None before the first (the page then says so)."""
    if not MEASUREMENTS.exists():
        return None
    return parse(json.loads(MEASUREMENTS.read_text()))


@dataclass(frozen=True)
class Statement:
    organisation: str
    website: str
    measurements: Measurements | None
    standard: str = STANDARD
    axe_version: str = AXE_VERSION


def statement(site_name: str, root_url: str) -> Statement:
    """The statement of the site called ``site_name`` at ``root_url``."""
    return Statement(organisation=site_name, website=root_url, measurements=measurements())
