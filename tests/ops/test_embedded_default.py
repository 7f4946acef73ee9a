"""The first README command's database: a new user's SQLite file migrates and takes the demo.

``run-demo`` runs on the embedded default (SQLite, database search), which the
rest of the suite (PostgreSQL) never touches. PostgreSQL-only setup (the
content version's triggers) once broke its ``migrate``; this runs the same
steps in a fresh process on a fresh file and reads a page back.
"""

import os
import subprocess
import sys
from pathlib import Path

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


def test_a_fresh_sqlite_file_migrates_takes_the_demo_and_shows_the_polish_home(tmp_path):
    migrated = _manage(tmp_path, "migrate", "--noinput", "-v0")
    assert migrated.returncode == 0, migrated.stderr[-2000:]
    loaded = _manage(tmp_path, "load_demo")
    assert loaded.returncode == 0, loaded.stderr[-2000:]

    shown = _manage(
        tmp_path,
        "shell",
        "-c",
        "from django.test import Client; r = Client().get('/pl/', HTTP_HOST='localhost'); "
        "print(r.status_code, r.headers.get('X-Cache', 'none'))",
    )
    assert shown.returncode == 0, shown.stderr[-2000:]
    # Served, and not from the response cache: SQLite has no content version to key it.
    assert shown.stdout.split()[-2:] == ["200", "none"]
