"""What a web worker loads: the heavy libraries of background work stay out of it.

Every app server process serves the site and the API; posters (WeasyPrint with
Pango and fontconfig) and the readability hint (textstat's dictionaries) are
needed only by the background worker and the editor. Loaded at start, they
cost each web worker some 75 MB (bench/RESULTS.md: worker peak RSS).
"""

import os
import subprocess
import sys

HEAVY = ("weasyprint", "textstat")


def _printed_by_a_fresh_worker(script: str) -> str:
    """What ``script`` prints in a new Python process with the test settings."""
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "hub.settings.test"},
    ).stdout


def test_serving_the_site_and_api_does_not_load_posters_or_readability_libraries():
    script = (
        "import django, sys; django.setup(); import hub.urls; "
        "from django.urls import get_resolver; get_resolver().url_patterns; "
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    loaded = _printed_by_a_fresh_worker(script).strip()
    assert loaded == ""


def test_a_web_worker_loads_every_view_at_start_and_keeps_them_out_of_garbage_collection():
    # What gunicorn imports (hub.wsgi): the views are loaded before the first request,
    # and everything loaded is frozen, so that a collection scans only what requests make.
    script = (
        "import gc, sys; import hub.wsgi; "
        "print('api.views.search' in sys.modules, 'api.views.activities' in sys.modules, "
        "gc.get_freeze_count())"
    )
    search_view, list_view, frozen = _printed_by_a_fresh_worker(script).split()
    assert (search_view, list_view) == ("True", "True")
    # Django, Wagtail and DRF alone are well over 100 000 objects.
    assert int(frozen) > 100_000
