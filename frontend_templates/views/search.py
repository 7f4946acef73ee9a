"""The search page: the shared search parameters and call (``public.search``), facets as links."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse, QueryDict
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from cms.translation.fallback import TranslatedText, translated_value
from cms.translation.languages import native_name
from public.search import SearchParams, search, search_request
from public.taxonomy import categories as site_categories
from search.contract import FacetBucket, SearchHit

from ..labels import SEARCH_TYPES, label
from ..languages import MAX_PARAMETER_LENGTH, active_language

PAGE_SIZE = 20
# Facets the page filters on, with their headings. The search request has no
# partner filter, so the partner facet is not offered.
FILTER_FACETS = {
    "type": _("Type"),
    "category": _("Category"),
    "offered_language": _("Language spoken"),
}
PARAMETERS = ("q", *FILTER_FACETS)


@dataclass(frozen=True)
class FacetLink:
    label: str
    url: str
    count: int
    active: bool
    lang: str = ""


@dataclass(frozen=True)
class FacetGroup:
    title: str
    links: list[FacetLink]


@dataclass(frozen=True)
class Result:
    hit: SearchHit
    title: TranslatedText


def _facet_groups(
    facets: dict[str, list[FacetBucket]], query: QueryDict, language: str
) -> list[FacetGroup]:
    categories = {category.slug: category for category in site_categories()}
    groups = []
    for name, title in FILTER_FACETS.items():
        links = []
        for bucket in facets.get(name, []):
            params = query.copy()
            active = params.get(name) == bucket.key
            if active:
                params.pop(name)
            else:
                params[name] = bucket.key
            lang = ""
            if name == "type":
                text = label(SEARCH_TYPES, bucket.key)
            elif name == "category" and bucket.key in categories:
                text = translated_value(categories[bucket.key], "name", language).text
            elif name == "offered_language":
                text, lang = native_name(bucket.key), bucket.key
            else:
                text = bucket.key
            links.append(FacetLink(text, f"?{params.urlencode()}", bucket.count, active, lang))
        if links:
            groups.append(FacetGroup(str(title), links))
    return groups


def search_page(request: HttpRequest) -> HttpResponse:
    language = active_language()
    data = {key: request.GET[key].strip() for key in PARAMETERS if request.GET.get(key, "").strip()}
    query = data.get("q", "")
    params = SearchParams(data={**data, "page_size": PAGE_SIZE})
    valid = params.is_valid()
    invalid = bool(query) and not valid
    if not valid:
        # Not echoed back: an over-long q (or filter) would only make the page heavy.
        query = query if len(query) <= MAX_PARAMETER_LENGTH else ""
        data = {key: value for key, value in data.items() if len(value) <= MAX_PARAMETER_LENGTH}
    response, results, groups = None, [], []
    if query and valid:
        response = search(search_request(params.validated_data, language))
        results = [
            Result(hit, TranslatedText(hit.title, hit.language or language, language))
            for hit in response.results
        ]
        kept = QueryDict(mutable=True)
        kept.update(data)
        groups = _facet_groups(response.facets, kept, language)
    return TemplateResponse(
        request,
        "frontend_templates/search.html",
        {
            "query": query,
            "response": response,
            "results": results,
            "facet_groups": groups,
            "chosen": {key: value for key, value in data.items() if key != "q"},
            "invalid": invalid,
        },
    )
