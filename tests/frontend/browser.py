"""Headless Chromium for the journeys: Debian's /usr/bin/chromium driven by Playwright.

Playwright's own browser downloads are never used: ``scripts/install-browser``
installs Debian's Chromium and axe-core (npm ci). Missing either is a failure.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
# A cheap phone: 360 px wide.
PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True}


@cache
def axe_source() -> str:
    return AXE.read_text()


def require_tools() -> None:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/install-browser (or ./scripts/test).")
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run npm ci (scripts/install-browser does).")


# Collects the page's Content-Security-Policy violations from its first byte on
# (an init script runs before the page's own, and is not subject to its CSP).
CSP_WATCH = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"}` +
      ` (${event.sourceFile}:${event.lineNumber})`
  );
});
"""


def watch_csp(context: Any) -> Any:
    """Record CSP violations on every page of ``context`` (see ``csp_violations``)."""
    context.add_init_script(CSP_WATCH)
    return context


def csp_violations(page: Any) -> list[str] | None:
    """What the page's CSP blocked so far; None if its context is not watched."""
    return page.evaluate("window.__cspViolations === undefined ? null : window.__cspViolations")


def axe_violations(page: Any) -> list[dict]:
    """axe-core's violations on the page as it is now (WCAG 2.x A and AA, best practices)."""
    # Evaluated through the DevTools protocol, not added as a <script>: the site's
    # CSP allows no inline script, and rightly refuses one from a test as well.
    page.evaluate(axe_source())
    result = page.evaluate(
        "async (tags) => await axe.run(document, "
        "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return [
        {
            "id": violation["id"],
            "help": violation["help"],
            "nodes": [node["html"][:200] for node in violation["nodes"][:5]],
        }
        for violation in result["violations"]
    ]


def assert_accessible(page: Any) -> None:
    """No axe-core violations and, where the context is watched, no CSP violations."""
    blocked = csp_violations(page)
    assert not blocked, f"{page.url}: the Content-Security-Policy blocked {blocked}"
    violations = axe_violations(page)
    assert violations == [], f"{page.url}:\n{json.dumps(violations, indent=2, ensure_ascii=False)}"
