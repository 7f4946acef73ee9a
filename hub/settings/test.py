"""Test settings: the base settings, with what only makes tests faster."""

import os

from .base import *  # noqa: F403

# Hashing passwords slowly protects accounts, not test users.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Test runs share an engine with development: keep their indexes apart.
ELASTICSEARCH_INDEX_PREFIX = os.environ.get(
    "ELASTICSEARCH_INDEX_PREFIX", f"wegwijs-test-{os.getpid()}"
)
MEDIA_ROOT = BASE_DIR / ".services" / "test-media"  # noqa: F405
# Admin tests log in with force_login; tests/cms/test_accounts.py turns the
# second factor of coordinators and partner editors back on to test it.
TWO_FACTOR_REQUIRED = False
# The response cache would answer a test's second request from the first one's
# copy; tests/hub/test_response_cache.py turns it on to test it.
RESPONSE_CACHE = False
