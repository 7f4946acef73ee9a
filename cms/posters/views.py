"""``/posters/<kind>/<slug>.pdf?languages=pl,bg&size=a4|a6[&municipality=tiel]``: the poster.

The poster speaks for a municipality (``municipality``): the one named, else
the one whose host the request came to.

Rendered in the request: WeasyPrint takes a few hundred milliseconds for one
page (measured in tests/cms/test_posters.py), less than a queue's round trip,
and a poster is printed now and then, not served at volume. Bad parameters get
the API's JSON error naming the field; an unpublished object is a 404.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_GET

from ..municipalities.lookup import MUNICIPALITY_PARAMETER, UnknownMunicipality, chosen
from ..translation.languages import language_codes
from .branding import branding_for
from .content import poster_content, published_object
from .municipality import NotShownThere, poster_municipality
from .render import SIZES, poster_pdf

MAX_LANGUAGES = 3


def _error(field: str, message: str, status: int = 400) -> JsonResponse:
    code = "invalid_parameter" if status == 400 else "not_found"
    return JsonResponse(
        {"error": {"code": code, "message": message, "field": field}}, status=status
    )


def read_languages(value: str | None) -> list[str]:
    """``"pl,bg"`` → ``["pl", "bg"]``; ValueError with the reason otherwise."""
    codes = [code.strip() for code in ("nl" if value is None else value).split(",")]
    codes = [code for code in codes if code]
    unknown = [code for code in codes if code not in language_codes()]
    if unknown:
        raise ValueError(
            f"unknown language '{unknown[0]}'; use one of {', '.join(language_codes())}"
        )
    codes = list(dict.fromkeys(codes))
    if not 1 <= len(codes) <= MAX_LANGUAGES:
        raise ValueError(f"give one to {MAX_LANGUAGES} languages, e.g. languages=pl,bg")
    return codes


@require_GET
def poster(request: HttpRequest, kind: str, slug: str = "") -> HttpResponse:
    try:
        languages = read_languages(request.GET.get("languages"))
    except ValueError as error:
        return _error("languages", str(error))
    size = request.GET.get("size", "a4")
    if size not in SIZES:
        return _error("size", "use a4 (poster) or a6 (flyer)")
    obj = None
    if kind != "contact-point":
        obj = published_object(kind, slug)
        if obj is None:
            return _error("slug", f"no published {kind} '{slug}'", status=404)
    try:
        wanted = chosen(request)
        municipality = poster_municipality(
            kind, obj, wanted, named=bool(request.GET.get(MUNICIPALITY_PARAMETER))
        )
    except (UnknownMunicipality, NotShownThere) as error:
        return _error(error.field, str(error))
    branding = branding_for(municipality)
    pdf = poster_pdf(poster_content(obj, kind, languages, branding.site_url), size, branding)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"{slug or kind}-{'-'.join(languages)}-{size}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
