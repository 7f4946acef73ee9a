"""Lighthouse on every page type of the site, in Polish and Bulgarian: ``bench/lighthouse/run``.

Lighthouse (the version pinned in ``bench/lighthouse/package.json``, on Node.js
20) drives Debian's ``/usr/bin/chromium`` with its default mobile emulation and
simulated throttling (a mid-range phone on slow 4G). For each page it records
the four category scores and the throttled figures behind the performance
score (FCP, LCP, TBT, CLS), and names every audit that keeps accessibility,
best practices or SEO below 100.

The site runs on Django's own server (``runserver --insecure``, DEBUG off, so
the static files are served as they are) over the demo municipality in its own
database; the guide and the activity measured carry a recording, so the audio
player, the feedback form, the sharing tags and the offline parts are all on
the pages measured. The machine is shared with other work: the performance
figures are indicative, the other three categories are not affected by load.

Writes ``bench/results/lighthouse.json``, the part of ``bench/RESULTS.md``
between the ``lighthouse:start`` and ``lighthouse:end`` markers, and
``public/accessibility/lighthouse.json``, which the accessibility statement
page shows.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE_DIR = ROOT / "bench" / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
RESULTS = ROOT / "bench" / "results" / "lighthouse.json"
STATEMENT_DATA = ROOT / "public" / "accessibility" / "lighthouse.json"
RESULTS_MD = ROOT / "bench" / "RESULTS.md"
START, END = "<!-- lighthouse:start -->", "<!-- lighthouse:end -->"

LANGUAGES = ("pl", "bg")
# Every page type a visitor meets, with a demo page of that type.
PAGE_TYPES = {
    "home": "/{lang}/",
    "activity list": "/{lang}/activiteiten/",
    "activity": "/{lang}/activiteiten/gemengd-voetbalteam-vv-ochten/",
    "guide list": "/{lang}/wegwijzers/",
    "guide": "/{lang}/wegwijzers/zo-werkt-de-huisarts/",
    "policy plan": "/{lang}/beleidsplan/",
    "survey": "/{lang}/enquete/wat-nodig/",
    "question form": "/{lang}/vraag/",
    "organisations": "/{lang}/partners/",
    "accessibility statement": "/{lang}/toegankelijkheid/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
FIGURES = {
    "FCP": "first-contentful-paint",
    "LCP": "largest-contentful-paint",
    "TBT": "total-blocking-time",
    "CLS": "cumulative-layout-shift",
}


def lighthouse_version() -> str:
    package = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text())["version"]


def measure(url: str) -> dict[str, Any]:
    """One Lighthouse run (mobile, simulated throttling) on ``url``: scores, figures, failures."""
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            f"--chrome-path={CHROMIUM}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            f"--only-categories={','.join(CATEGORIES)}",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}: {result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    audits = report["audits"]
    figures = {short: audits[audit]["numericValue"] for short, audit in FIGURES.items()}
    failing = sorted(
        audit_ref["id"]
        for name in CATEGORIES[1:]
        for audit_ref in report["categories"][name]["auditRefs"]
        if audit_ref["weight"] > 0
        and (audits[audit_ref["id"]].get("score") or 0) < 1
        and audits[audit_ref["id"]].get("scoreDisplayMode") == "binary"
    )
    return {"scores": scores, "figures": figures, "failing": failing}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _manage(*args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, check=True)


def prepare_content() -> None:
    """The demo municipality, and recordings of the measured guide and activity."""
    _manage("load_demo")
    subprocess.run(
        [sys.executable, "-c", RECORD],
        cwd=ROOT,
        check=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "hub.settings.base"},
    )


RECORD = """
import django; django.setup()
from cms.models import ActivityPage, GuidePage
from cms.read_aloud.recordings import reading_language, record
for model, slug in ((GuidePage, "zo-werkt-de-huisarts"),
                    (ActivityPage, "gemengd-voetbalteam-vv-ochten")):
    page = model.objects.get(slug=slug)
    for wanted in ("pl", "bg"):
        language = reading_language(page, wanted)
        if language:
            record(model.objects.get(pk=page.pk), language)
"""


class Server:
    """``manage.py runserver --insecure`` with DEBUG off, on a free local port."""

    def __init__(self) -> None:
        port = _free_port()
        self.base = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "runserver",
                f"127.0.0.1:{port}",
                "--insecure",
                "--noreload",
            ],
            cwd=ROOT,
            env={**os.environ, "DEBUG": "false"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.base}/healthz", timeout=5).read()
                return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("the site did not answer within 60 s")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def markdown(run: dict[str, Any]) -> str:
    lines = [
        START,
        "## Lighthouse: every page type in Polish and Bulgarian (bench/lighthouse/run)",
        "",
        f"Lighthouse {run['lighthouse']}, Debian Chromium, mobile emulation, simulated "
        f"throttling; {run['measured_at']}; load average {run['load_before']} before, "
        f"{run['load_after']} after (a shared machine: performance figures are indicative).",
        "",
        "| page type | lang | perf | a11y | best pr. | SEO | FCP ms | LCP ms | TBT ms | CLS "
        "| below 100 |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for page in run["pages"]:
        s, f = page["scores"], page["figures"]
        lines.append(
            f"| {page['type']} | {page['language']} | {s['performance']} | "
            f"{s['accessibility']} | {s['best-practices']} | {s['seo']} | {f['FCP']:.0f} | "
            f"{f['LCP']:.0f} | {f['TBT']:.0f} | {f['CLS']:.3f} | "
            f"{', '.join(page['failing']) or '–'} |"
        )
    lines.append(END)
    return "\n".join(lines)


def write_markdown(section: str) -> None:
    text = RESULTS_MD.read_text()
    if START in text:
        before, rest = text.split(START, 1)
        text = before + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    RESULTS_MD.write_text(text)


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main() -> None:
    prepare_content()
    load_before = _load()
    server = Server()
    try:
        pages = []
        for language in LANGUAGES:
            for name, path in PAGE_TYPES.items():
                url = server.base + path.format(lang=language)
                print(f"lighthouse {url}", flush=True)
                pages.append(
                    {"type": name, "language": language, "path": path.format(lang=language)}
                    | measure(url)
                )
    finally:
        server.stop()
    run = {
        "lighthouse": lighthouse_version(),
        "chromium": subprocess.run(
            [CHROMIUM, "--version"], capture_output=True, text=True
        ).stdout.strip(),
        "form_factor": "mobile",
        "throttling": "simulated (Lighthouse default: slow 4G, 4x CPU slowdown)",
        "measured_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load_before": load_before,
        "load_after": _load(),
        "pages": pages,
    }
    RESULTS.write_text(json.dumps(run, indent=2) + "\n")
    STATEMENT_DATA.parent.mkdir(exist_ok=True)
    STATEMENT_DATA.write_text(json.dumps(run, indent=2) + "\n")
    write_markdown(markdown(run))
    print(markdown(run))


if __name__ == "__main__":
    main()
