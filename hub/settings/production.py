"""Production: the base settings, hardened, refusing unsafe configuration."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DEFAULT_SECRET_KEY, TRUSTED_PROXY_COUNT, env_bool, env_list

SECRET_KEY = os.environ.get("SECRET_KEY", "")  # noqa: F405
if not SECRET_KEY or SECRET_KEY == DEFAULT_SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters in production."
    )
if env_bool("DEBUG", False):
    raise ImproperlyConfigured("DEBUG must be off in production.")
DEBUG = False

# The base settings' defaults (localhost) are for development. Production names
# its hosts and its own address (for links in e-mails, QR codes and the admin)
# explicitly, so that no link is ever built from a Host header a request chose.
for _name in ("ALLOWED_HOSTS", "WAGTAILADMIN_BASE_URL"):
    if not os.environ.get(_name, "").strip():  # noqa: F405
        raise ImproperlyConfigured(f"{_name} must be set in production.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "")
if "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the hosts, not '*'.")
WAGTAILADMIN_BASE_URL = os.environ["WAGTAILADMIN_BASE_URL"].rstrip("/")  # noqa: F405
# Coordinators can change everything and partner editors read people's questions:
# their accounts always need a second factor.
TWO_FACTOR_REQUIRED = True

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# The load balancer probes app servers over plain HTTP on the inside network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# X-Forwarded-* headers can be written by anybody: believed only when
# TRUSTED_PROXY_COUNT says a proxy of ours sets them (and overwrites the client's),
# and only from the proxies TRUSTED_PROXIES names (hub/forwarded_headers.py).
# Production names them: the default (this machine) would quietly make every
# visitor behind a balancer elsewhere one client, locked out together.
if TRUSTED_PROXY_COUNT > 0 and not os.environ.get("TRUSTED_PROXIES", "").strip():  # noqa: F405
    raise ImproperlyConfigured(
        "TRUSTED_PROXIES must name the proxies' addresses when TRUSTED_PROXY_COUNT is set."
    )
if TRUSTED_PROXY_COUNT > 0:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True
    USE_X_FORWARDED_PORT = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
