"""Security headers on every part: the site, the API (answers, errors, docs) and the admin."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from hub.security_headers import site_policy
from hub.settings.media import media_storage

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
COMMON = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return dict(
        (part.strip().split(" ", 1) + [""])[:2] for part in policy.split(";") if part.strip()
    )


def assert_common(response) -> None:
    for header, value in COMMON.items():
        assert response[header] == value, header
    assert "geolocation=(self)" in response["Permissions-Policy"]


@pytest.mark.parametrize("path", ["/nl/", "/pl/activiteiten/", "/nl/zoeken/", "/nl/bestaat-niet/"])
def test_site_pages_allow_only_their_own_scripts_and_are_never_framed(client, site_structure, path):
    response = client.get(path)
    assert response.status_code in (200, 404)
    assert_common(response)
    policy = directives(response)
    assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert policy["frame-ancestors"] == "'none'" and policy["object-src"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("path", ["/api/v1/languages", "/api/v1/activities/unknown", "/api/nope"])
def test_api_answers_and_errors_run_nothing(client, path):
    response = client.get(path)
    assert response["Content-Type"] == "application/json"
    assert_common(response)
    policy = directives(response)
    assert policy["default-src"] == "'none'" and policy["frame-ancestors"] == "'none'"


def test_api_docs_run_swagger_from_our_own_files_only(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == "'self'"  # start-up script from /api/v1/docs?script=
    assert policy["frame-ancestors"] == "'none'"
    assert "<script>" not in response.content.decode()


def test_admin_may_frame_only_itself_for_the_preview(client):
    user = get_user_model().objects.create_superuser("headers-admin", "h@example.org", "x" * 16)
    client.force_login(user)
    for path in ("/admin/login/", "/admin/"):
        response = client.get(path)
        assert response.status_code in (200, 302)
        assert_common(response)
        policy = directives(response)
        assert policy["frame-ancestors"] == "'self'"
        # Wagtail's admin has inline scripts of its own: no script rule to break them.
        assert "script-src" not in policy and "default-src" not in policy


def test_production_sends_hsts_and_passes_the_deploy_check():
    """The production settings, as `scripts/test` checks them, in a process of their own."""
    test_database = connection.settings_dict["NAME"]
    environment = {
        **os.environ,
        "DATABASE_URL": os.environ["DATABASE_URL"].rsplit("/", 1)[0] + f"/{test_database}",
        "DJANGO_SETTINGS_MODULE": "hub.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "wegwijs.example.nl",
        "WAGTAILADMIN_BASE_URL": "https://wegwijs.example.nl",
        "DEBUG": "false",
    }
    check = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    probe = (
        "import django; django.setup();"
        "from django.test import Client;"
        "r = Client(HTTP_HOST='wegwijs.example.nl').get('/api/nope', secure=True);"
        "print(r['Strict-Transport-Security']); print(r['Content-Security-Policy'])"
    )
    answer = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert answer.returncode == 0, answer.stderr[-2000:]
    hsts, csp = answer.stdout.splitlines()[-2:]
    assert hsts == "max-age=31536000; includeSubDomains; preload"
    assert "frame-ancestors 'none'" in csp


@pytest.mark.parametrize(
    ("environment", "sources"),
    [
        ({}, "'self' data:"),
        ({"AWS_STORAGE_BUCKET_NAME": "w"}, "'self' data: https://*.amazonaws.com"),
        (
            {"AWS_STORAGE_BUCKET_NAME": "w", "AWS_S3_ENDPOINT_URL": "https://s3.example.nl:9000"},
            "'self' data: https://s3.example.nl:9000 https://*.s3.example.nl:9000",
        ),
        (
            {"AWS_STORAGE_BUCKET_NAME": "w", "AWS_S3_CUSTOM_DOMAIN": "media.wegwijs.example"},
            "'self' data: https://media.wegwijs.example",
        ),
    ],
)
def test_site_images_may_come_from_the_media_bucket(environment, sources):
    assert site_policy(media_storage(environment))["img-src"] == sources


def test_recordings_may_come_from_the_media_bucket_and_nowhere_else():
    bucket = {"AWS_STORAGE_BUCKET_NAME": "w", "AWS_S3_CUSTOM_DOMAIN": "media.wegwijs.example"}
    assert site_policy(media_storage(bucket))["media-src"] == "'self' https://media.wegwijs.example"
    assert "media-src" not in site_policy(media_storage({}))  # default-src 'self' covers it
