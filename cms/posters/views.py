"""``/posters/<kind>/<slug>.pdf?languages=pl,bg&size=a4|a6[&municipality=tiel]``: the poster.

The poster speaks for a municipality (``municipality``): the one named, else
the one whose host the request came to.

Never rendered in the request: a stored poster is served from media storage;
otherwise the request queues it for the background worker (once) and answers a
small page, in the visitor's or editor's language, that says how far it is and
refreshes itself until the PDF is served in its place. A failed one says so and
offers "Try again" (``retry=1``). Bad parameters get the API's JSON error naming
the field; an unpublished object is a 404.
"""

from __future__ import annotations

from django.core.files.storage import default_storage
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from ..municipalities.lookup import MUNICIPALITY_PARAMETER, UnknownMunicipality, chosen
from ..translation.languages import language_codes
from .branding import branding_for
from .content import poster_content, published_object
from .making import Order, queue_once
from .municipality import NotShownThere, poster_municipality
from .progress import progress_page
from .render import SIZES
from .stored import is_stored, poster_key, stored_path

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


def _serve(key: str, filename: str) -> HttpResponse:
    # One page of PDF (tens of kilobytes): read whole, as rendering in the request did.
    with default_storage.open(stored_path(key), "rb") as stored:
        response = HttpResponse(stored.read(), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _address_without_retry(request: HttpRequest) -> str:
    query = [(name, value) for name, value in request.GET.items() if name != "retry"]
    return f"{request.path}?{urlencode(query)}" if query else request.path


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
    key = poster_key(poster_content(obj, kind, languages, branding.site_url), size, branding)
    filename = f"{slug or kind}-{'-'.join(languages)}-{size}.pdf"
    if is_stored(key):
        return _serve(key, filename)
    order = Order(key, kind, slug, languages, size, municipality.pk if municipality else None)
    task = queue_once(order, retry=request.GET.get("retry") == "1")
    return progress_page(request, task, _address_without_retry(request))
