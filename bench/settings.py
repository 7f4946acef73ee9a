"""Settings for bench/ only: the site's settings, plus what the comparisons need.

Adds Wagtail's own API v2 (the peer we compare with), the framework's floor
view and plain Wagtail pages (the site's peer) under bench-only URLs
(``bench.urls``); production never loads any of them.
"""

import os

from hub.settings.base import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
# "bench" for its templates: the plain Wagtail pages of bench.plain.
INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.api.v2", "bench"]  # noqa: F405
ROOT_URLCONF = "bench.urls"
# The bench's own index, beside the site's and the tests' on the shared engine.
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "wegwijs-bench")
# Searches under load must not fall back to the database because one took 2 s.
ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "10"))
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
