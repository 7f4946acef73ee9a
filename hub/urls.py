from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.decorators.cache import never_cache
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from api.prefix import API_MOUNT
from cms.accounts.link_views import InvitationView
from cms.posters.views import poster
from cms.public_urls import SURVEY_SHORT_PREFIX
from cms.workflow_confirmation import ConfirmedWorkflowActionView
from frontend_templates.views.language import redirect_to_language
from frontend_templates.views.offline import service_worker
from frontend_templates.views.surveys import survey_short_link
from hub.health import healthz

# Admin, documents and the API have no language prefix: the API takes ?lang=.
urlpatterns = [
    # For load balancers: 200 while the database answers (hub/health.py).
    path("healthz", healthz, name="healthz"),
    # The offline service worker: at the root, so that it may serve every language's pages.
    path("sw.js", service_worker, name="service-worker"),
    # Before the admin: an invitation is opened by someone who may have no account yet.
    path(
        "admin/invitation/<str:token>/",
        never_cache(InvitationView.as_view()),
        name="cms_invitation",
    ),
    # Before the admin: Wagtail's approve/send-back view, confirming what it did.
    path(
        "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        require_admin_access(ConfirmedWorkflowActionView.as_view()),
        name="cms_workflow_action",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path(API_MOUNT, include("api.urls")),
    # A survey's short poster address (the QR code): no language, the phone's own is used.
    # A slash typed after it is forgiven.
    re_path(
        rf"^{SURVEY_SHORT_PREFIX}/(?P<slug>[-a-zA-Z0-9_]+)/?$",
        survey_short_link,
        name="survey-short-link",
    ),
    # Posters and flyers to print (PDF), in one to three languages.
    path("posters/contact-point.pdf", poster, {"kind": "contact-point"}, name="poster-contact"),
    re_path(
        r"^posters/(?P<kind>activity|guide|survey)/(?P<slug>[-a-zA-Z0-9_]+)\.pdf$",
        poster,
        name="poster",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The public site: one address per language (/nl/..., /pl/...), the site's own
# views first, then Wagtail's pages.
urlpatterns += i18n_patterns(
    path("", include("frontend_templates.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

# Anything else that looks like a page address ("/", "/activiteiten/") goes to
# the visitor's language. Same shape as Wagtail's page paths (trailing slash),
# so that "/admin" still gets its slash appended instead of a language, and
# never under the unprefixed sections: an unknown API address stays a JSON 404.
urlpatterns += [
    re_path(
        rf"^(?!(?:admin/|{API_MOUNT}|documents/|static/|media/))(?P<path>(?:[\w\-]+/)*)$",
        redirect_to_language,
        name="choose-language",
    ),
]
