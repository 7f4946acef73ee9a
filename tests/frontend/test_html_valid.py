"""The site's HTML is valid: every page type, in Dutch and Polish, by the W3C Nu HTML Checker.

The checker (``nu.validator:validator`` from Maven Central, fetched by
scripts/install-tools into .services/tools/) runs once, in one JVM, over all
pages saved to files; any error fails the test with the checker's message.
The pages come from the demo municipality with the forms posted as a visitor
would (a question with a mistake in it, then a good one), so error messages
and confirmation pages are checked too. A missing Java or checker fails the
test; nothing is skipped.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from cms.models import ActivityPage, GuidePage, Partner, Survey

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / ".services" / "tools"
LANGUAGES = ("nl", "pl")
TOKEN = re.compile(r'name="form_token" value="([^"]+)"')


@pytest.fixture(scope="module")
def checker() -> list[str]:
    """The command that runs the Nu HTML Checker on files (its JSON report on stdout)."""
    result = subprocess.run(
        [str(ROOT / "scripts" / "install-tools")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-3000:]
    classpath = (TOOLS / "validator.classpath").read_text().strip()
    return [
        "java",
        "-cp",
        classpath,
        "nu.validator.client.SimpleCommandLineValidator",
        "--format",
        "json",
        "--stdout",
    ]


def page(client, path: str, status: int = 200, **params) -> str:
    response = client.get(path, params)
    assert response.status_code == status, (path, response.status_code)
    return response.content.decode()


def question_pages(client, language: str) -> dict[str, str]:
    """The question form refused (the text too short), then sent, and its thank-you page."""
    form = page(client, f"/{language}/vraag/")
    post = {"form_token": TOKEN.search(form).group(1), "website": "", "language": language}
    refused = client.post(f"/{language}/vraag/", {**post, "topic": "work", "text": "kort"})
    assert refused.status_code == 400
    sent = client.post(
        f"/{language}/vraag/",
        {**post, "topic": "work", "text": "Hoe lang mag mijn werkgever mijn paspoort houden?"},
    )
    assert sent.status_code == 302, sent.status_code
    return {
        "question-form": form,
        "question-refused": refused.content.decode(),
        "question-sent": page(client, sent["Location"]),
    }


def site_pages(client, language: str) -> dict[str, str]:
    """One page of every type the site has, in ``language``."""
    activity = ActivityPage.objects.live().order_by("pk").first()
    guide = GuidePage.objects.live().order_by("pk").first()
    partner = Partner.objects.order_by("pk").first()
    survey = Survey.objects.visible().order_by("pk").first()
    base = f"/{language}"
    return {
        "home": page(client, f"{base}/"),
        "activities": page(client, f"{base}/activiteiten/"),
        "activities-filtered": page(client, f"{base}/activiteiten/", category="sport", free="true"),
        "activity": page(client, f"{base}/activiteiten/{activity.slug}/"),
        "guides": page(client, f"{base}/wegwijzers/"),
        "guide": page(client, f"{base}/wegwijzers/{guide.slug}/"),
        "policy-plan": page(client, f"{base}/beleidsplan/"),
        "partners": page(client, f"{base}/partners/"),
        "partner": page(client, f"{base}/partners/{partner.slug}/"),
        "glossary": page(client, f"{base}/woordenlijst/"),
        "search": page(client, f"{base}/zoeken/", q="taal"),
        "search-empty": page(client, f"{base}/zoeken/"),
        "search-nothing-found": page(client, f"{base}/zoeken/", q="qwxzvbnm"),
        "surveys": page(client, f"{base}/enquete/"),
        "survey": page(client, f"{base}/enquete/{survey.slug}/"),
        "survey-thanks": page(client, f"{base}/enquete/{survey.slug}/bedankt/"),
        "accessibility-statement": page(client, f"{base}/toegankelijkheid/"),
        "not-found": page(client, f"{base}/bestaat-niet/", status=404),
        **question_pages(client, language),
    }


def test_every_page_type_is_valid_html(demo, db, client, settings, checker, tmp_path):
    settings.FORM_MIN_FILL_SECONDS = 0
    settings.ELASTICSEARCH_URL = ""  # the pages, not the engine: search answers from the database
    files = []
    for language in LANGUAGES:
        for name, html in site_pages(client, language).items():
            path = tmp_path / f"{language}-{name}.html"
            path.write_text(html, encoding="utf-8")
            files.append(str(path))

    result = subprocess.run([*checker, *files], capture_output=True, text=True, timeout=600)
    report = json.loads(result.stdout)
    errors = [
        f"{Path(message.get('url', '')).name}:{message.get('lastLine')}: {message['message']}"
        for message in report["messages"]
        if message["type"] in ("error", "non-document-error")
    ]
    assert errors == [], "\n".join(errors)
    assert len(files) == 2 * 21
