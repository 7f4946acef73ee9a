"""The WSGI application, loaded whole and then frozen for the garbage collector.

Why freeze: a full collection walks every object the process holds, and
Django, Wagtail and our modules are some hundreds of thousands of them that
live as long as the worker. Frozen (``gc.freeze``), they are left out of every
collection, which then scans only what requests create. Under gunicorn's
``preload_app`` the master loads and freezes before forking, so the workers'
collections also stop writing to pages they share with it (Python's own
advice for forking servers). The URLconf is loaded first so that the views
are frozen too, and a broken deployment fails at start, not on its first
request.
"""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.base")
application = get_wsgi_application()
get_resolver().url_patterns  # noqa: B018 (imports every view)
gc.collect()
gc.freeze()
