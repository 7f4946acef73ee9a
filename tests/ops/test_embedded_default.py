"""The first README command's database: a new user's SQLite file migrates and takes the demo.

``run-demo`` runs on the embedded default (SQLite, database search), which the
rest of the suite (PostgreSQL) never touches. PostgreSQL-only setup (the
content version's triggers) once broke its ``migrate``; this runs the same
steps in a fresh process on a fresh file and reads pages back. The API list
once answered 500 there (a PostgreSQL-only array in its query), so every public
read a new user tries first is walked too.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _manage(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "ELASTICSEARCH_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env |= {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'wegwijs.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "hub.settings.base",
        "TWO_FACTOR_REQUIRED": "false",
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    """A fresh SQLite file, migrated and with the demo loaded, as ``run-demo`` leaves it."""
    folder = tmp_path_factory.mktemp("embedded")
    migrated = _manage(folder, "migrate", "--noinput", "-v0")
    assert migrated.returncode == 0, migrated.stderr[-2000:]
    loaded = _manage(folder, "load_demo")
    assert loaded.returncode == 0, loaded.stderr[-2000:]
    return folder


def test_a_fresh_sqlite_file_migrates_takes_the_demo_and_shows_the_polish_home(demo_file):
    shown = _manage(
        demo_file,
        "shell",
        "-c",
        "from django.test import Client; r = Client().get('/pl/', HTTP_HOST='localhost'); "
        "print(r.status_code, r.headers.get('X-Cache', 'none'))",
    )
    assert shown.returncode == 0, shown.stderr[-2000:]
    # Served, and not from the response cache: SQLite has no content version to key it.
    assert shown.stdout.split()[-2:] == ["200", "none"]


# What a new user opens first: every public list and page, in Polish, on the demo.
WALK = """
import json
from django.test import Client
from cms.models import ActivityPage, GuidePage
client = Client(raise_request_exception=False)
activity = ActivityPage.objects.live().first()
guide = GuidePage.objects.live().first()
paths = [
    "/api/v1/activities?lang=pl",
    "/api/v1/activities?lang=pl&category=sport&page_size=5",
    "/api/v1/activities?lang=pl&near=51.9106,5.5703&starts_after=2027-01-01T00:00:00%2B01:00",
    f"/api/v1/activities/{activity.slug}?lang=pl",
    "/api/v1/activities.ics",
    "/api/v1/guides?lang=pl",
    f"/api/v1/guides/{guide.slug}?lang=pl",
    "/api/v1/partners?lang=pl",
    "/api/v1/policy-plan?lang=pl",
    "/api/v1/search?q=taal&lang=pl",
    "/pl/activiteiten/?category=sport",
    "/pl/beleidsplan/",
    activity.url,
    guide.url,
]
first = client.get(paths[0], HTTP_HOST="localhost")
print(json.dumps({
    "statuses": {path: client.get(path, HTTP_HOST="localhost").status_code for path in paths},
    "listed": len(first.json()["results"]) if first.status_code == 200 else 0,
    "co_organised": sum(bool(item["co_organisers"]) for item in first.json()["results"])
    if first.status_code == 200 else 0,
}))
"""


def test_on_the_embedded_default_every_public_list_and_page_answers(demo_file):
    walked = _manage(demo_file, "shell", "-c", WALK)
    assert walked.returncode == 0, walked.stderr[-2000:]
    answer = json.loads(walked.stdout.strip().splitlines()[-1])
    failed = {path: status for path, status in answer["statuses"].items() if status != 200}
    assert failed == {}, walked.stderr[-3000:]
    # The list shows a page of the demo's activities, with their co-organisers.
    assert answer["listed"] == 20
    assert answer["co_organised"] > 0
