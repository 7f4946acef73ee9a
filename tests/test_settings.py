"""Production settings refuse unsafe configuration; check --deploy is clean."""

import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STRONG_KEY = "k" * 20 + "Wegwijs-production-key-0123456789-abcdefghij"


# What production needs set, beside the key (hub/settings/production.py).
SITE = {
    "ALLOWED_HOSTS": "wegwijs.example.nl",
    "WAGTAILADMIN_BASE_URL": "https://wegwijs.example.nl",
}
UNSET = {
    "SECRET_KEY",
    "DEBUG",
    "ALLOWED_HOSTS",
    "WAGTAILADMIN_BASE_URL",
    "TRUSTED_PROXY_COUNT",
    "TRUSTED_PROXIES",
}


def run_check(extra_env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in UNSET}
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
    result = run_check({"SECRET_KEY": STRONG_KEY, **SITE}, *args)
    assert result.returncode == 0, result.stderr + result.stdout


@pytest.mark.parametrize(
    ("missing", "value"),
    [("ALLOWED_HOSTS", ""), ("WAGTAILADMIN_BASE_URL", ""), ("ALLOWED_HOSTS", "*")],
)
def test_production_refuses_to_start_without_its_hosts_and_address(missing, value):
    env = {"SECRET_KEY": STRONG_KEY, **SITE}
    env.pop(missing)
    if value:
        env[missing] = value
    result = run_check(env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and missing in result.stderr


def production_setting(expression: str, **env: str) -> str:
    """``expression`` evaluated in the production settings, in a process of their own."""
    environment = {k: v for k, v in os.environ.items() if k not in UNSET}
    environment.update(
        {"DJANGO_SETTINGS_MODULE": "hub.settings.production", "SECRET_KEY": STRONG_KEY, **SITE}
    )
    environment.update(env)
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


FORWARDED = (
    "(settings.SECURE_PROXY_SSL_HEADER, settings.USE_X_FORWARDED_HOST, "
    "settings.USE_X_FORWARDED_PORT)"
)


def test_forwarded_headers_are_ignored_without_a_trusted_proxy():
    assert production_setting(FORWARDED) == "(None, False, False)"


def test_forwarded_headers_are_believed_behind_a_trusted_proxy():
    behind = {"TRUSTED_PROXY_COUNT": "1", "TRUSTED_PROXIES": "10.0.0.0/24, 192.0.2.7"}
    assert production_setting(FORWARDED, **behind) == (
        "(('HTTP_X_FORWARDED_PROTO', 'https'), True, True)"
    )
    assert production_setting("settings.TRUSTED_PROXIES", **behind) == (
        "['10.0.0.0/24', '192.0.2.7']"
    )


@pytest.mark.parametrize(
    "proxies",
    [
        {},  # a count without the proxies' addresses: believed from anybody, once
        {"TRUSTED_PROXIES": "10.0.0.0/33"},
        {"TRUSTED_PROXIES": "balancer.internal"},
        {"TRUSTED_PROXIES": "10.0.0.5/24"},  # host bits set: 10.0.0.0/24 was meant
    ],
)
def test_production_refuses_proxies_it_cannot_tell_apart(proxies):
    result = run_check({"SECRET_KEY": STRONG_KEY, **SITE, "TRUSTED_PROXY_COUNT": "1", **proxies})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "TRUSTED_PROXIES" in result.stderr


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


def gunicorn_setting(name: str, monkeypatch, **env: str):
    for key in ("GUNICORN_FORWARDED_ALLOW_IPS", "TRUSTED_PROXIES"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return runpy.run_path(str(ROOT / "hub" / "gunicorn.conf.py"))[name]


def test_gunicorn_believes_the_proxies_the_app_believes(monkeypatch):
    assert gunicorn_setting("forwarded_allow_ips", monkeypatch) == "127.0.0.1"
    proxies = "10.0.0.0/24,192.0.2.7"
    assert gunicorn_setting("forwarded_allow_ips", monkeypatch, TRUSTED_PROXIES=proxies) == proxies
    only_gunicorn = {"TRUSTED_PROXIES": proxies, "GUNICORN_FORWARDED_ALLOW_IPS": "10.0.0.9"}
    assert gunicorn_setting("forwarded_allow_ips", monkeypatch, **only_gunicorn) == "10.0.0.9"
