from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from frontend_templates.views.language import redirect_to_language

# Admin, documents and the API have no language prefix: the API takes ?lang=.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/", include("api.urls")),
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
        r"^(?!(?:admin|api|documents|static|media)/)(?P<path>(?:[\w\-]+/)*)$",
        redirect_to_language,
        name="choose-language",
    ),
]
