"""Limits on what one client can send: body size and rate of the public POSTs, admin images.

(Login attempts are limited by django-axes: tests/cms/test_accounts.py.)
"""

from __future__ import annotations

import json
from io import BytesIO

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

pytestmark = pytest.mark.django_db

# Both public POSTs; any path under /api/ is held to the body limit before routing.
PUBLIC_POSTS = ["/api/v1/questions", "/api/v1/surveys/any-survey/responses"]


def post_json(client, path: str, body: str):
    return client.post(path, body, content_type="application/json")


@pytest.mark.parametrize("path", PUBLIC_POSTS)
def test_a_body_over_the_limit_is_refused_with_413_before_anything_reads_it(client, settings, path):
    body = json.dumps({"text": "x" * settings.API_MAX_BODY_BYTES})
    response = post_json(client, path, body)
    assert response.status_code == 413
    error = response.json()["error"]
    assert error["code"] == "payload_too_large"
    assert str(settings.API_MAX_BODY_BYTES) in error["message"]


def test_a_body_within_the_limit_reaches_the_view(client):
    response = post_json(client, PUBLIC_POSTS[0], json.dumps({"text": "x" * 1000}))
    assert response.status_code == 400  # the view's own answer: fields missing
    assert response.json()["error"]["field"]


def test_the_limit_does_not_touch_reads_or_the_admin(client, settings):
    settings.API_MAX_BODY_BYTES = 10
    assert client.get("/api/v1/languages").status_code == 200
    # The admin's login form is larger than 10 bytes and still gets its own answer.
    response = client.post("/admin/login/", {"username": "nobody", "password": "x" * 20})
    assert response.status_code == 200


def test_questions_are_rate_limited_per_client_with_the_error_shape(client, settings):
    settings.PUBLIC_POST_RATES = {**settings.PUBLIC_POST_RATES, "question": "3/hour"}
    for _ in range(3):
        assert post_json(client, "/api/v1/questions", "{}").status_code == 400
    refused = post_json(client, "/api/v1/questions", "{}")
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "throttled"
    assert int(refused["Retry-After"]) > 0
    # Another client (address) still gets through.
    other = client.post(
        "/api/v1/questions", "{}", content_type="application/json", REMOTE_ADDR="192.0.2.7"
    )
    assert other.status_code == 400


def test_survey_answers_are_rate_limited_per_client(client, settings):
    settings.PUBLIC_POST_RATES = {**settings.PUBLIC_POST_RATES, "survey_response": "2/hour"}
    path = "/api/v1/surveys/no-such-survey/responses"
    codes = [post_json(client, path, "{}").status_code for _ in range(3)]
    assert 429 not in codes[:2] and codes[2] == 429


# --- Images uploaded in the admin -----------------------------------------------------


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("upload-admin", "u@example.org", "x" * 16)
    client.force_login(user)
    return client


def png(width: int = 40, height: int = 30, mode: str = "RGB") -> bytes:
    buffer = BytesIO()
    PillowImage.new(mode, (width, height)).save(buffer, "PNG")
    return buffer.getvalue()


def upload(admin_client, name: str, content: bytes, content_type: str = "image/png"):
    return admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": name,
            "file": SimpleUploadedFile(name, content, content_type=content_type),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def refusal(response) -> list[str]:
    """The error codes the upload form gave its file field (the admin speaks Dutch here)."""
    assert response.status_code == 200, response.status_code
    return [error.code for error in response.context["form"].errors.as_data().get("file", [])]


def test_a_small_photo_is_accepted(admin_client):
    response = upload(admin_client, "team.png", png())
    assert response.status_code == 302
    assert Image.objects.filter(title="team.png").exists()


def test_a_file_over_the_size_limit_is_refused(admin_client, settings):
    # A valid PNG with padding behind it: the size alone must refuse it.
    content = png() + b"\0" * settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    response = upload(admin_client, "huge.png", content)
    assert refusal(response) == ["file_too_large"]
    assert not Image.objects.exists()


def test_a_small_file_with_too_many_pixels_is_refused(admin_client, settings):
    # 8000 × 8000 black pixels pack into a few kilobytes: a decompression bomb.
    content = png(8000, 8000, mode="1")
    assert len(content) < 100_000
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS < 8000 * 8000
    response = upload(admin_client, "bomb.png", content)
    assert refusal(response) == ["file_too_many_pixels"]
    assert not Image.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "content_type", "code"),
    [
        ("photo.jpg", b"MZ\x90\x00 this is a program, not a photo", "image/jpeg", "invalid_image"),
        ("photo.jpg", png(), "image/jpeg", "invalid_image_known_format"),
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert("XSS")</script></svg>',
            "image/svg+xml",
            "invalid_image_extension",
        ),
        (
            "page.html",
            b"<script>alert('XSS')</script>",
            "text/html",
            "invalid_image_extension",
        ),
    ],
)
def test_files_that_are_not_what_they_claim_are_refused(
    admin_client, name, content, content_type, code
):
    response = upload(admin_client, name, content, content_type)
    assert refusal(response) == [code]
    assert not Image.objects.exists()


def test_documents_that_a_browser_would_run_as_a_page_are_refused(admin_client):
    for name in ("page.html", "drawing.svg"):
        response = admin_client.post(
            reverse("wagtaildocs:add"),
            {
                "title": name,
                "file": SimpleUploadedFile(name, b"<script>alert('XSS')</script>"),
                "collection": Collection.get_first_root_node().pk,
            },
        )
        assert response.status_code == 200
        assert "file" in response.context["form"].errors
    assert not Document.objects.exists()
