"""Where the API lives: its address, spelled once.

Every part that must tell an API address from a site page reads it from here:
the URLconfs (``hub.urls``, ``api.root_urls``, ``api.urls``), CORS
(``CORS_URLS_REGEX`` in the settings), the JSON error pages and the routing
away from language redirects (``api.errors``, ``api.routing``), the CSP per
part (``hub.security_headers``) and the schema's scope (``api.schema``).

Plain strings without imports, so that the settings can read them too.
"""

# How hub/urls.py mounts the API, and the version below it (URL patterns: no leading slash).
API_MOUNT = "api/"
API_VERSION = "v1/"

# The same as request paths: everything under API_PATH is the API's (JSON, no
# language prefix); API_V1_PATH is the public contract of DESIGN.md.
API_PATH = f"/{API_MOUNT}"
API_V1_PATH = f"{API_PATH}{API_VERSION}"
