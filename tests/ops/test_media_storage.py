"""Media on shared storage: with a bucket configured, uploads and renditions live there.

The bucket is served by moto's S3-compatible HTTP server on a local port
(boto3 and django-storages talk to it over HTTP exactly as to MinIO or AWS),
so the test exercises the real storage backend, not a stand-in for it.
"""

from __future__ import annotations

import json
import socket
import urllib.request
from collections.abc import Iterator
from io import BytesIO

import boto3
import pytest
from django.core.files.images import ImageFile
from moto.server import ThreadedMotoServer
from PIL import Image as PillowImage
from wagtail.images.models import Image

from hub.settings.media import media_storage

BUCKET = "wegwijs-media"
PUBLIC_READ = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/*",
        }
    ],
}


def test_without_a_bucket_media_are_local_files():
    assert media_storage({}) == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


@pytest.fixture
def s3_endpoint(monkeypatch) -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    for key, value in {
        "AWS_ACCESS_KEY_ID": "wegwijs-test",
        "AWS_SECRET_ACCESS_KEY": "wegwijs-test-secret",
        "AWS_DEFAULT_REGION": "eu-west-1",
    }.items():
        monkeypatch.setenv(key, value)
    url = f"http://127.0.0.1:{port}"
    s3 = boto3.client("s3", endpoint_url=url)
    s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    # Media appear on public pages: anyone may read them (docs/production.md).
    s3.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_READ))
    yield url
    server.stop()


def test_uploads_and_renditions_go_to_the_bucket_and_are_served_from_it(
    db, settings, s3_endpoint, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "local-media"  # must stay empty
    settings.STORAGES = {
        **settings.STORAGES,
        "default": media_storage(
            {"AWS_STORAGE_BUCKET_NAME": BUCKET, "AWS_S3_ENDPOINT_URL": s3_endpoint}
        ),
    }
    buffer = BytesIO()
    PillowImage.new("RGB", (800, 600), (20, 90, 200)).save(buffer, "JPEG")
    image = Image.objects.create(title="Taalcafé", file=ImageFile(buffer, name="taalcafe.jpg"))
    rendition = image.get_rendition("fill-200x150")

    keys = {
        item["Key"]
        for item in boto3.client("s3", endpoint_url=s3_endpoint)
        .list_objects_v2(Bucket=BUCKET)
        .get("Contents", [])
    }
    assert image.file.name in keys
    assert rendition.file.name in keys
    assert not (tmp_path / "local-media").exists()

    # Any app server (or a visitor) fetches it by its URL from the shared storage.
    assert rendition.url.startswith(f"{s3_endpoint}/{BUCKET}/")
    with urllib.request.urlopen(rendition.url, timeout=10) as answer:
        assert PillowImage.open(BytesIO(answer.read())).size == (200, 150)
