"""Addresses without a language prefix: send the visitor to their language.

``/`` and old or hand-typed links such as ``/activiteiten/`` redirect to
``/<language>/...``. The language comes from ``cms.translation.languages.negotiate_language``
(an explicit ``?lang=`` first, then the browser's Accept-Language, then Dutch),
not from Django's own negotiation, so that the site and the API always agree.
"""

from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.urls import is_valid_path
from django.utils.cache import patch_vary_headers

from cms.translation.languages import UnsupportedLanguage, negotiate_language


def visitor_language(request: HttpRequest) -> str:
    accept = request.headers.get("Accept-Language")
    try:
        return negotiate_language(request.GET.get("lang"), accept)
    except UnsupportedLanguage:
        # A stale or mistyped ?lang= in a shared link still gets the visitor a page.
        return negotiate_language(None, accept)


def redirect_to_language(request: HttpRequest, path: str = "") -> HttpResponseRedirect:
    target = f"/{visitor_language(request)}/{path}"
    if path and not is_valid_path(target):
        raise Http404
    query = request.GET.copy()
    query.pop("lang", None)
    response = HttpResponseRedirect(f"{target}?{query.urlencode()}" if query else target)
    # The answer depends on the browser's languages: shared caches must keep one per language.
    patch_vary_headers(response, ("Accept-Language",))
    return response
