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
# scripts/test runs the suite in pytest-xdist workers (each with its own test
# database and, through its pid, its own index prefix): their uploads stay apart too.
if os.environ.get("PYTEST_XDIST_WORKER"):
    MEDIA_ROOT = MEDIA_ROOT / os.environ["PYTEST_XDIST_WORKER"]
# Admin tests log in with force_login; tests/cms/test_accounts.py turns the
# second factor of coordinators and partner editors back on to test it.
TWO_FACTOR_REQUIRED = False

# Tests never see the municipalities expire mid-test (pinned query counts); the
# autouse fixture in tests/conftest.py drops them between tests.
MUNICIPALITY_CACHE_SECONDS = 0
# One process: a Site saved by a test is seen at once (cms/site_address.py), and
# no pinned query count pays for the sites being read again halfway through.
SITE_ADDRESSES_MAX_AGE = None
# The response cache would answer a test's second request from the first one's
# copy; tests/hub/test_response_cache.py turns it on to test it.
RESPONSE_CACHE = False
