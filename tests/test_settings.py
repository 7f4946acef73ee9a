"""Production settings refuse unsafe configuration; check --deploy is clean."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STRONG_KEY = "k" * 20 + "Wegwijs-production-key-0123456789-abcdefghij"


def run_check(extra_env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    env.update({"DJANGO_SETTINGS_MODULE": "hub.settings.production", **extra_env})
    return subprocess.run(
        [sys.executable, "manage.py", "check", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_the_default_secret_key():
    result = run_check({})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_debug():
    result = run_check({"SECRET_KEY": STRONG_KEY, "DEBUG": "true"})
    assert result.returncode != 0
    assert "DEBUG" in result.stderr


@pytest.mark.parametrize("args", [(), ("--deploy", "--fail-level", "WARNING")])
def test_production_check_is_clean_with_a_real_key(args):
    result = run_check({"SECRET_KEY": STRONG_KEY, "ALLOWED_HOSTS": "wegwijs.example.nl"}, *args)
    assert result.returncode == 0, result.stderr + result.stdout


def test_index_prefix_comes_from_the_environment():
    env = {
        **os.environ,
        "ELASTICSEARCH_INDEX_PREFIX": "gemeente-x",
        "DJANGO_SETTINGS_MODULE": "hub.settings.base",
    }
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.ELASTICSEARCH_INDEX_PREFIX)",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.strip() == "gemeente-x"
