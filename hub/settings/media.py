"""Where uploaded media (images, documents, renditions) are kept: local files or a bucket.

Several app servers must see the same files, so a production region with
more than one puts them on S3-compatible object storage (django-storages),
named by ``AWS_STORAGE_BUCKET_NAME``. Without it, files go to ``MEDIA_ROOT``
(one server, or a shared mount). A plain function of the environment, so that
the test can build the same configuration for its own bucket.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def media_storage(env: Mapping[str, str]) -> dict[str, Any]:
    """The ``STORAGES["default"]`` entry for this environment."""
    bucket = env.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    # Credentials are not settings: boto3 reads AWS_ACCESS_KEY_ID and
    # AWS_SECRET_ACCESS_KEY (or an instance role) itself.
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            # A key prefix per municipality, so that several share one bucket.
            "location": env.get("AWS_LOCATION", ""),
            # Any S3-compatible service (MinIO, Ceph, a Dutch cloud); unset: AWS.
            "endpoint_url": env.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env.get("AWS_S3_REGION_NAME") or None,
            # A CDN or the bucket's public address, if media are served from there.
            "custom_domain": env.get("AWS_S3_CUSTOM_DOMAIN") or None,
            # Media are public (they appear on public pages): plain, cacheable
            # URLs instead of signed ones that expire and differ per request.
            "querystring_auth": env.get("AWS_QUERYSTRING_AUTH", "false").lower() == "true",
            # Two editors uploading "foto.jpg" must not overwrite each other's file.
            "file_overwrite": False,
        },
    }
