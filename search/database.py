"""Search answered from the database: the embedded default, and the fallback when
the search engine is unreachable.

Same request and response as the Elasticsearch backend, but simpler matching:
every word of the query must occur (ignoring case and accents, see
``search.folding``) in a title, summary or description in any language;
matches in the requested language score higher.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Exists, OuterRef, Q
from django.db.models.lookups import IContains

from cms.fields import offers_language
from cms.geo import within_radius
from cms.models import ActivityOccurrence, ActivityPage, GuidePage, Partner, PolicyAction
from cms.municipalities.lookup import by_slug, for_page
from cms.public_urls import public_path
from cms.publishing import published
from cms.translation.fallback import translated_value
from cms.translation.languages import language_codes

from .contract import FacetBucket, SearchHit, SearchRequest, SearchResponse, Suggestion
from .folding import Folded, fold

BACKEND = "database"
# The database backend ranks in Python; cap the candidates it looks at.
MAX_CANDIDATES = 500


@dataclass(frozen=True)
class _Kind:
    name: str
    title: str
    texts: tuple[str, ...]


KINDS = {
    "activity": _Kind("activity", "title", ("title", "summary")),
    "guide": _Kind("guide", "title", ("title", "summary")),
    "partner": _Kind("partner", "name", ("description",)),
    "policy_action": _Kind("policy_action", "title", ("title", "description")),
}


def _queryset(kind: str, request: SearchRequest):
    """The rows of ``kind`` that the request's filters keep (None: the kind drops out)."""
    qs = _filtered(kind, request)
    if qs is None or request.municipality is None:
        return qs
    if kind == "policy_action":
        municipality = by_slug(request.municipality)
        return qs.filter(plan__path__startswith=municipality.root_path) if municipality else None
    return qs.filter(municipalities__slug=request.municipality)


def _filtered(kind: str, request: SearchRequest):
    if kind == "activity":
        qs = (
            published(ActivityPage.objects.all())
            .select_related("category", "organiser")
            .prefetch_related("co_organisers")
        )
        if request.category:
            qs = qs.filter(category__slug=request.category)
        if request.offered_language:
            qs = qs.filter(offers_language("languages_offered", request.offered_language))
        if request.starts_after:
            qs = qs.filter(
                Exists(
                    ActivityOccurrence.objects.filter(
                        activity=OuterRef("pk"), starts_at__gte=request.starts_after
                    )
                )
            )
        return qs
    if request.category or request.starts_after:
        return None  # these filters only make sense for activities
    if kind == "guide":
        if request.offered_language:
            return None  # guides are written, not held in a language
        return published(GuidePage.objects.all()).select_related("author")
    if kind == "partner":
        qs = Partner.objects.all()
        if request.offered_language:
            qs = qs.filter(offers_language("languages_spoken", request.offered_language))
        return qs
    if request.offered_language:
        return None
    return PolicyAction.objects.select_related("plan").prefetch_related("responsible")


def _text_fields(kind: _Kind) -> list[str]:
    fields = [f"{name}_{code}" for name in kind.texts for code in language_codes()]
    if kind.title not in kind.texts:
        fields.append(kind.title)
    return fields


def _matches(fields: Iterable[str], words: list[str]) -> Q:
    folded = [Folded(field) for field in fields]
    query = Q()
    for word in words:
        query &= reduce(or_, (Q(IContains(text, word)) for text in folded))
    return query


def _score(obj: Any, kind: _Kind, words: list[str], language: str) -> float:
    score = 0.0
    for name in dict.fromkeys((kind.title, *kind.texts)):
        weight = 3.0 if name == kind.title else 1.0
        if hasattr(obj, f"{name}_{language}"):
            values = {code: getattr(obj, f"{name}_{code}") for code in language_codes()}
        else:  # an untranslated field, such as a partner's name
            values = {language: getattr(obj, name)}
        for code, value in values.items():
            text = fold(value or "")
            hits = sum(1 for word in words if word in text)
            score += weight * hits * (2.0 if code == language else 1.0)
    return score


def _hit(obj: Any, kind: _Kind, score: float, language: str) -> SearchHit:
    if kind.name == "partner":
        title, summary = obj.name, translated_value(obj, "description", language)
        shown = summary.language
    elif kind.name == "policy_action":
        title_text = translated_value(obj, "title", language)
        title, shown = title_text.text, title_text.language
        summary = translated_value(obj, "description", language)
    else:
        title_text = translated_value(obj, "title", language)
        title, shown = title_text.text, title_text.language
        summary = translated_value(obj, "summary", language)
    return SearchHit(
        type=kind.name,
        slug=obj.slug,
        title=title,
        summary=summary.text or "",
        url=public_path(kind.name, obj.slug, language),
        score=score,
        language=shown,
    )


def _facet_keys(obj: Any, kind: str) -> dict[str, list[str]]:
    keys: dict[str, list[str]] = {"type": [kind]}
    if kind == "activity":
        keys["category"] = [obj.category.slug]
        keys["partner"] = [obj.organiser.slug, *(p.slug for p in obj.co_organisers.all())]
        keys["offered_language"] = list(obj.languages_offered or [])
    elif kind == "guide":
        keys["partner"] = [obj.author.slug]
    elif kind == "partner":
        keys["partner"] = [obj.slug]
        keys["offered_language"] = list(obj.languages_spoken or [])
    else:
        keys["partner"] = [partner.slug for partner in obj.responsible.all()]
    return keys


def _candidates(
    request: SearchRequest, words: list[Folded], *, where: bool = False
) -> Iterable[tuple[Any, _Kind]]:
    """The rows that match the request, at most ``MAX_CANDIDATES`` of each kind
    (``where``: with the municipalities each is shown in, read along)."""
    for name in request.types:
        kind = KINDS[name]
        qs = _queryset(name, request)
        if qs is None:
            continue
        if request.near and name in ("activity", "partner"):
            qs = within_radius(qs, request.near, request.radius_km or 10)
        elif request.near:
            continue
        if words:
            qs = qs.filter(_matches(_text_fields(kind), words))
        if where and name != "policy_action":
            qs = qs.prefetch_related("municipalities")
        for obj in qs[:MAX_CANDIDATES]:
            yield obj, kind


def _municipality_slugs(obj: Any, kind: str) -> list[str]:
    """Where a match is shown: its municipalities; an action, its plan's municipality."""
    if kind == "policy_action":
        owner = for_page(obj.plan.path)
        return [owner.slug] if owner else []
    return [municipality.slug for municipality in obj.municipalities.all()]


def _per_municipality(request: SearchRequest, words: list[Folded]) -> list[FacetBucket]:
    """The matches in every municipality, the one searched in aside (as the engine counts)."""
    counter: Counter = Counter()
    for obj, kind in _candidates(replace(request, municipality=None), words, where=True):
        counter.update(_municipality_slugs(obj, kind.name))
    return [
        FacetBucket(key, count)
        for key, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def search(request: SearchRequest) -> SearchResponse:
    words = [fold(word) for word in request.q.split() if word.strip()]
    scored: list[tuple[float, Any, _Kind]] = [
        (_score(obj, kind, words, request.language), obj, kind)
        for obj, kind in _candidates(request, words)
    ]

    scored.sort(key=lambda item: (-item[0], item[1].slug))
    counters: dict[str, Counter] = {
        "type": Counter(),
        "category": Counter(),
        "partner": Counter(),
        "offered_language": Counter(),
    }
    for _, obj, kind in scored:
        for facet, keys in _facet_keys(obj, kind.name).items():
            counters[facet].update(keys)
    facets = {
        facet: [
            FacetBucket(key, count)
            for key, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        for facet, counter in counters.items()
    }
    if request.municipality:
        facets["municipality"] = _per_municipality(request, words)
    results = [
        _hit(obj, kind, score, request.language) for score, obj, kind in scored[: request.page_size]
    ]
    return SearchResponse(backend=BACKEND, total=len(scored), results=results, facets=facets)


def suggest(prefix: str, language: str, limit: int = 10) -> list[Suggestion]:
    """Titles (in any language) starting with the prefix; the requested language's first."""
    prefix = prefix.strip()
    if not prefix:
        return []
    found: list[Suggestion] = []
    for kind, model in (("activity", ActivityPage), ("guide", GuidePage)):
        fields = [f"title_{code}" for code in (language, *language_codes())]
        qs = published(model.objects.all()).filter(
            reduce(or_, (Q(**{f"{f}__istartswith": prefix}) for f in fields))
        )
        for page in qs[:limit]:
            title = translated_value(page, "title", language).text
            found.append(Suggestion(kind, page.slug, title, public_path(kind, page.slug, language)))
    found.sort(key=lambda s: (not s.title.lower().startswith(prefix.lower()), s.title.lower()))
    return found[:limit]
