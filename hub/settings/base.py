"""Wegwijs settings, read from the environment.

Defaults give the embedded set-up (SQLite + database search) so that a new user
needs nothing but Python. `hub.settings.production` adds the checks that stop a
careless deployment; `hub.settings.test` tunes for the test suite only.
"""

import ipaddress
import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from api.prefix import API_V1_PATH

from .media import media_storage

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_networks(name: str, default: str) -> list[str]:
    """Comma-separated IP addresses and networks (CIDR); a typo stops the start, not a request."""
    entries = env_list(name, default)
    for entry in entries:
        try:
            # Strict, as gunicorn's forwarded_allow_ips: 10.0.0.5/24 is a typo of 10.0.0.0/24.
            ipaddress.ip_network(entry)
        except ValueError:
            raise ImproperlyConfigured(
                f"{name}: {entry!r} is not an IP address or network."
            ) from None
    return entries


def env_positive_float(name: str, default: str) -> float | None:
    """A number above zero, or None when set to "" (unset: ``default``); a typo stops the start."""
    value = os.environ.get(name, default).strip()
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    if not 0 < number < float("inf"):
        raise ImproperlyConfigured(f"{name}: {value!r} is not a number above zero.")
    return number


# --- Core -------------------------------------------------------------------

# The development key is public on purpose: production refuses to start with it.
DEFAULT_SECRET_KEY = "wegwijs-development-key-not-for-production"
SECRET_KEY = os.environ.get("SECRET_KEY", DEFAULT_SECRET_KEY)
DEBUG = env_bool("DEBUG", True)
# ".localhost": every municipality's demo site (tiel.localhost, ...) resolves to
# this machine in browsers and curl without editing /etc/hosts.
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,.localhost")

INSTALLED_APPS = [
    # modeltranslation patches models and admin forms, so it must load before
    # the apps whose models it translates and before Wagtail's admin.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "modeltranslation",
    "cms",
    "api",
    "search",
    "frontend_templates",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    # Wagtail's users app, with the user admin narrowed for coordinators.
    "cms.accounts.apps.WegwijsUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    # After wagtail.search: replaces its save handler (cms/index_once).
    "cms.index_once.apps.IndexOnceConfig",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    # Accounts: one-time passwords (two-factor) and the login lockout.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    # Background work (a partner's calendar import): the queue is a database table.
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First: X-Forwarded-* from a peer that is not one of TRUSTED_PROXIES is
    # dropped before anything (the HTTPS redirect, the host check) reads it.
    "hub.forwarded_headers.UntrustedForwardedHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy per part (site, API, admin) and Permissions-Policy.
    "hub.security_headers.SecurityHeadersMiddleware",
    # API: CORS (django-cors-headers, on the API's addresses only) outside the
    # error middleware, so that error answers carry it too.
    "api.cors.ApiCorsMiddleware",
    "api.errors.ApiErrorMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # API: inside LocaleMiddleware, so that it does not redirect an API 404.
    "api.routing.ApiRoutingMiddleware",
    # Public GET answers from the shared cache, keyed by the content version
    # (hub/response_cache.py): inside LocaleMiddleware, which sets the language.
    "hub.response_cache.ResponseCacheMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Translations saved in the admin are recorded as this person's (cms/translation/provenance).
    "cms.translation.middleware.TranslationProvenanceMiddleware",
    # request.user.is_verified(); then the admin asks for the second factor.
    "django_otp.middleware.OTPMiddleware",
    "cms.accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A site page found by its address in one query, not a walk down the tree.
    "frontend_templates.page_routing.PageAddressMiddleware",
    # A publish and the search-index change it queues commit together.
    "hub.middleware.AtomicAdminMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its lockout answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hub.urls"
WSGI_APPLICATION = "hub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'wegwijs.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        # A restarted PostgreSQL must not leave the app serving dead connections.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's, with a health check that costs no round trip while the server is silent.
    DATABASES["default"]["ENGINE"] = "hub.postgresql"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# PostgreSQL's price of a page read through an index, set on each connection
# (cms/planner_costs.py): the database stays in memory, so about a read in order.
# "" leaves the server's own value.
DATABASE_RANDOM_PAGE_COST = env_positive_float("DATABASE_RANDOM_PAGE_COST", "1.1")

# --- Languages ------------------------------------------------------------------

# Dutch is the source language; every other language falls back to English,
# then Dutch (see cms.translation.fallback, the one place that applies it).
LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("pl", "Polski"),
    ("ro", "Română"),
    ("bg", "Български"),
    ("hu", "Magyar"),
    ("lt", "Lietuvių"),
    ("lv", "Latviešu"),
    ("sk", "Slovenčina"),
    ("cs", "Čeština"),
    ("pt", "Português"),
    ("es", "Español"),
    ("uk", "Українська"),
]
SOURCE_LANGUAGE = "nl"
FALLBACK_LANGUAGES = ("en", "nl")

MODELTRANSLATION_DEFAULT_LANGUAGE = SOURCE_LANGUAGE
MODELTRANSLATION_LANGUAGES = tuple(code for code, _ in LANGUAGES)
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": FALLBACK_LANGUAGES}
# The per-language fields are registered in the translation package, not in a
# ``cms/translation.py`` that modeltranslation would find by itself.
MODELTRANSLATION_TRANSLATION_FILES = ("cms.translation.registration",)
# One slug per page, shared by every language: the API addresses objects by it.
WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = False

USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Amsterdam"
LOCALE_PATHS = [BASE_DIR / "locale"]

# Machine drafts (cms/translation/machine/): off while DEEPL_AUTH_KEY is unset.
# DEEPL_SERVER_URL: the Free API (https://api-free.deepl.com) or a local server.
DEEPL_AUTH_KEY = os.environ.get("DEEPL_AUTH_KEY", "")
DEEPL_SERVER_URL = os.environ.get("DEEPL_SERVER_URL", "")
DEEPL_NETWORK_RETRIES = int(os.environ.get("DEEPL_NETWORK_RETRIES", "1"))
# Characters sent for machine drafts per calendar month (per installation for now; the
# budget rows carry a scope so that each municipality can get its own).
# Languages whose unreviewed machine drafts are published (labelled "automatically
# translated"); elsewhere a page's machine draft waits for a person. Comma-separated.
MACHINE_DRAFTS_PUBLISHED_LANGUAGES = [
    code.strip()
    for code in os.environ.get("MACHINE_DRAFTS_PUBLISHED_LANGUAGES", "").split(",")
    if code.strip()
]
MACHINE_TRANSLATION_MONTHLY_CHARACTERS = int(
    os.environ.get("MACHINE_TRANSLATION_MONTHLY_CHARACTERS", "200000")
)

# --- Static and media -------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Media on S3-compatible storage when AWS_STORAGE_BUCKET_NAME is set, else in
# MEDIA_ROOT (hub/settings/media.py).
STORAGES = {
    "default": media_storage(os.environ),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Wagtail ------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Wegwijs"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Seconds each process keeps the configured Sites (each municipality's address,
# cms/site_address.py) before reading them again; a change made in the same
# process is seen at once.
SITE_ADDRESSES_MAX_AGE = 60
# The admin's own search stays on the database: our Elasticsearch indexes
# serve the public API and site (see search/).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Uploaded images: bitmap formats only. SVG is left out on purpose: it can carry
# scripts, and Wagtail serves the original file. The pixel limit stops a small
# file that unpacks to a huge bitmap (a decompression bomb) before it is decoded.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Documents: PDF, text and office formats only, so that nobody hands out an .html
# or .svg page from our own address.
WAGTAILDOCS_EXTENSIONS = ["pdf", "txt", "csv", "doc", "docx", "odt", "xls", "xlsx", "ods"]

# --- Cache --------------------------------------------------------------------

# In the database, so that several app processes share rate-limit counts and
# nothing lives only in one process. `migrate` creates the table (cms.apps).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "wegwijs_cache",
        # Rate-limit counts and used form tokens expire by themselves; Django's
        # default of 300 entries would start culling live ones under a flood.
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
}

# --- Search engine -----------------------------------------------------------

# Unset: the API and site search the database ("backend": "database").
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
# Every index name starts with this, so several sites or test runs share one engine.
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "wegwijs")
ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "2"))

# --- API ----------------------------------------------------------------------

# Swagger UI's files, served from our own static files: the docs page needs no CDN.
INSTALLED_APPS += ["drf_spectacular_sidecar"]

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "api.schema.WegwijsAutoSchema",
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
    # JSON only: an error must never come back as the browsable API's HTML page.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Wegwijs API",
    "DESCRIPTION": (
        "Activities, guides and the policy plan of the labour-migrant platform. Anonymous; "
        "it only reads, except for two anonymous forms: survey answers and questions to the "
        "contact point (rate-limited per client). Texts come in the language of `lang` (else "
        "Accept-Language, else nl) and fall back to en, then nl; every translated object says "
        "which language it is in. "
        'Every error is `{"error": {"code", "message", "field"}}`.'
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["api.schema.only_public_api"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.drop_defaults_the_schema_refuses",
    ],
    # A nullable, blankable choice (contact_method) stays one enum with "" and
    # null in it, not oneOf [the enum, BlankEnum, NullEnum]: generated clients
    # cannot build that (OpenAPI Generator's Python client does not even import).
    "ENUM_ADD_EXPLICIT_BLANK_NULL_CHOICE": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Several fields are called "type"; give each choice set its own schema name.
    "ENUM_NAME_OVERRIDES": {
        "PartnerTypeEnum": "cms.models.Partner.Type",
        # The API documents registration types with their English labels
        # (api.serializers.activities); the admin shows them translated.
        "RegistrationTypeEnum": [
            ("none", "No registration needed"),
            ("link", "Register through a link"),
            ("on_request", "Register on request"),
            ("wegwijs", "Sign up through Wegwijs"),
        ],
        "BodyBlockTypeEnum": "api.serializers.blocks.BODY_BLOCK_TYPES",
        "ResultTypeEnum": "search.contract.CONTENT_TYPES",
        "LanguagesOfferedEnum": "cms.translation.languages.language_codes",
        "TopicEnum": "api.serializers.guides.GUIDE_TOPICS",
        "QuestionTopicEnum": "cms.models.QuestionTopic",
        "ContactMethodEnum": "cms.models.ContactMethod",
        "FeedbackReasonEnum": "cms.models.FeedbackReason",
        "FeedbackPageKindEnum": "api.serializers.feedback.FEEDBACK_PAGE_KINDS",
        # Kept under the names they had before feedback brought a second kind and status.
        "KindEnum": "api.serializers.surveys.SURVEY_QUESTION_KINDS",
    },
}
# Origins whose browsers may read the API: "*" for any (it is public and anonymous),
# or a comma-separated list such as https://partner.example.
# django-cors-headers (api/cors.py), on the API's addresses only.
API_CORS_ALLOWED_ORIGINS = env_list("API_CORS_ALLOWED_ORIGINS", "*")
CORS_URLS_REGEX = rf"^{re.escape(API_V1_PATH)}"
CORS_ALLOW_ALL_ORIGINS = "*" in API_CORS_ALLOWED_ORIGINS
CORS_ALLOWED_ORIGINS = [origin for origin in API_CORS_ALLOWED_ORIGINS if origin != "*"]
CORS_ALLOW_METHODS = ["GET", "HEAD", "POST", "OPTIONS"]
CORS_ALLOW_HEADERS = [
    "Accept",
    "Accept-Language",
    "Content-Type",
    "If-None-Match",
    "If-Modified-Since",
]
# Readable by the partner's script: what the answer's language is, and its version.
CORS_EXPOSE_HEADERS = ["Content-Language", "ETag"]
CORS_PREFLIGHT_MAX_AGE = 24 * 60 * 60
# How long browsers and proxies may reuse an API answer before asking again (ETag).
API_CACHE_SECONDS = int(os.environ.get("API_CACHE_SECONDS", "60"))
# The server's own cache of public GET answers (hub/response_cache.py): never
# stale, since it is keyed by the content version; entries unused this long go.
RESPONSE_CACHE = os.environ.get("RESPONSE_CACHE", "on") != "off"
RESPONSE_CACHE_SECONDS = int(os.environ.get("RESPONSE_CACHE_SECONDS", str(60 * 60)))
# The public POSTs are small forms; a larger body is refused with 413 (api/body_limits.py;
# public/guard for the site's forms too).
API_MAX_BODY_BYTES = int(os.environ.get("API_MAX_BODY_BYTES", str(64 * 1024)))
# Anonymous POSTs per client, API and site together (a hashed address, see
# public/guard/limits.py): "N/second|minute|hour|day".
PUBLIC_POST_RATES = {
    "survey_response": os.environ.get("SURVEY_RESPONSE_RATE", "10/hour"),
    "question": os.environ.get("QUESTION_RATE", "5/hour"),
    "signup": os.environ.get("SIGNUP_RATE", "10/hour"),
    "buddy": os.environ.get("BUDDY_RATE", "5/hour"),
    "feedback": os.environ.get("FEEDBACK_RATE", "20/hour"),
}
# Anonymous forms (public/guard/tokens.py): refused when sent back sooner than
# this after the form was handed out (bots), or later than the token's age
# (stale forms). A token is good for one accepted submission.
FORM_MIN_FILL_SECONDS = float(os.environ.get("FORM_MIN_FILL_SECONDS", "3"))
FORM_TOKEN_MAX_AGE_SECONDS = int(os.environ.get("FORM_TOKEN_MAX_AGE_SECONDS", str(24 * 3600)))
# Survey results (cms/surveys/results.py): a breakdown by language or village
# shows a group only when it has at least this many answers, so nobody stands out.
SURVEY_MIN_GROUP_SIZE = 5
# Survey answers are deleted this many days after the day they were given
# (`manage.py purge_survey_responses`, daily from cron; cms/surveys/retention.py).
SURVEY_RESPONSE_RETENTION_DAYS = int(os.environ.get("SURVEY_RESPONSE_RETENTION_DAYS", "365"))

# --- Contact point (questions) ----------------------------------------------------

# What a person typed into a question (the text, the way to reach them, and the
# answer written to them) is erased this many days after it was asked, or
# QUESTION_CLOSED_RETENTION_DAYS after it was closed, whichever comes first;
# `manage.py purge_question_data` does it (daily from cron, see README).
QUESTION_RETENTION_DAYS = int(os.environ.get("QUESTION_RETENTION_DAYS", "90"))
QUESTION_CLOSED_RETENTION_DAYS = int(os.environ.get("QUESTION_CLOSED_RETENTION_DAYS", "30"))

# --- Partners' calendars, posters, background work -------------------------------

# A partner's calendar feed (cms/calendars/fetching.py): the whole fetch,
# redirects included, gets this long, this many bytes and this many redirects.
CALENDAR_FEED_TIMEOUT = float(os.environ.get("CALENDAR_FEED_TIMEOUT", "15"))
CALENDAR_FEED_MAX_BYTES = int(os.environ.get("CALENDAR_FEED_MAX_BYTES", str(5 * 1024 * 1024)))
CALENDAR_FEED_MAX_REDIRECTS = int(os.environ.get("CALENDAR_FEED_MAX_REDIRECTS", "3"))
# Wagtail's own small tasks run at once, in the request ("default"); long work
# (the admin's "Import calendar now", recording a guide read aloud) goes to a
# queue in the database, which
# `manage.py db_worker --backend background` works off.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# Printed posters and flyers (cms/posters/) carry the municipality's name and colour.
# Since regions (cms/municipalities/) each municipality holds its own name and
# colour; these two only seed the first municipality when the database is migrated.
MUNICIPALITY_NAME = os.environ.get("MUNICIPALITY_NAME", "")
MUNICIPALITY_COLOUR = os.environ.get("MUNICIPALITY_COLOUR", "#1f7a3a")
# Posters are made by the background worker and kept in media storage under
# posters/; purge_posters (cron) deletes files not written for this many days.
POSTER_KEEP_DAYS = int(os.environ.get("POSTER_KEEP_DAYS", "30"))

# Sign-ups and language buddies (cms.taking_part.retention): a sign-up's name and
# contact are erased SIGNUP_RETENTION_DAYS after its date (or the activity's
# last date); a buddy's after their match ended (BUDDY_ENDED_RETENTION_DAYS),
# and an offer or request nobody matched after BUDDY_WAITING_RETENTION_DAYS.
SIGNUP_RETENTION_DAYS = int(os.environ.get("SIGNUP_RETENTION_DAYS", "14"))
BUDDY_ENDED_RETENTION_DAYS = int(os.environ.get("BUDDY_ENDED_RETENTION_DAYS", "90"))
BUDDY_WAITING_RETENTION_DAYS = int(os.environ.get("BUDDY_WAITING_RETENTION_DAYS", "365"))

# --- Security -----------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Login lockout (django-axes, in the database: no cache server needed). After
# AXES_FAILURE_LIMIT wrong passwords for one username from one address, that
# pair is refused for AXES_COOLOFF_TIME, even with the right password; a good
# login resets the count. The address is the visitor's, read behind
# TRUSTED_PROXY_COUNT proxies (public/guard/clients.py), so that behind a
# balancer visitors are not counted as one. Unlock early with
# `manage.py axes_reset_username USERNAME`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
# Attempts and lockouts are kept in the database (AccessAttempt); no banner on every start.
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "cms/accounts/locked_out.html"

# Reverse proxies (load balancers) in front of the app servers that we trust to
# say who the client is. 0 (the default): a client is its REMOTE_ADDR and every
# X-Forwarded-* header is ignored, because anybody can write one. N: the Nth
# address from the right of X-Forwarded-For is the client (each trusted proxy
# appends the address it saw). One number for every part that asks: the rate
# limits of the anonymous forms and the login lockout.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# Where those proxies are: addresses or networks (CIDR), comma-separated. Any
# X-Forwarded-* header (For, Proto, Host, Port) is believed only on a request
# that comes straight from one of them (hub/forwarded_headers.py); from any
# other peer it is dropped, so a client that reaches an app server past the
# balancer cannot choose its address, scheme or host. The default is this
# machine, as gunicorn's forwarded_allow_ips; production asks for it explicitly.
TRUSTED_PROXIES = env_networks("TRUSTED_PROXIES", "127.0.0.1,::1")
# The login lockout knows a client by the same rule as the anonymous forms.
AXES_CLIENT_IP_CALLABLE = "public.guard.clients.client_ip"

# Two-factor authentication (TOTP, RFC 6238, with django-otp): every admin user
# may turn it on; coordinators and partner editors must, as they read people's
# questions about health and housing (see cms.accounts.two_factor).
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", True)
OTP_TOTP_ISSUER = "Wegwijs"

# Invitations (cms/accounts/invitations.py) are one-use links that expire after
# INVITATION_VALID_DAYS; a new e-mail address must be confirmed from that address
# within EMAIL_CHANGE_VALID_HOURS. Wagtail's own e-mail field on the account page
# is off: it would change the address unconfirmed (cms/accounts/email_change.py).
INVITATION_VALID_DAYS = int(os.environ.get("INVITATION_VALID_DAYS", "7"))
EMAIL_CHANGE_VALID_HOURS = int(os.environ.get("EMAIL_CHANGE_VALID_HOURS", "24"))
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False

# Invitations to partner editors go out by e-mail. Without EMAIL_HOST they are
# only printed on the server's console, and the admin shows the coordinator the
# one-time invitation link to pass on instead.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Wegwijs <noreply@localhost>")

SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Wagtail logs every background task and page action at INFO: too loud for
    # an import of thousands of pages. Actions are audited in its own log table.
    "loggers": {
        "elasticsearch": {"level": "WARNING"},
        # Every login and lockout is kept in axes' own tables.
        "axes": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
        # WeasyPrint logs each step of every poster it renders.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# --- Municipalities -----------------------------------------------------------

# How long a server process keeps the municipalities in memory (cms/municipalities/
# registry.py) before reading them again; a change made in the same process is seen at once.
MUNICIPALITY_CACHE_SECONDS = int(os.environ.get("MUNICIPALITY_CACHE_SECONDS", "60"))

# --- Feedback ("Was this clear?") ---------------------------------------------------

# The free text of an answer is erased this many days after the day it was given
# (`manage.py purge_feedback_text`, daily from cron); yes/no and the reason stay.
FEEDBACK_TEXT_RETENTION_DAYS = int(os.environ.get("FEEDBACK_TEXT_RETENTION_DAYS", "90"))
