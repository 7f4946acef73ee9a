"""Search answered by the search engine (Elasticsearch 7.10 / OpenSearch 2).

Runs what ``search.query`` builds and turns the engine's answer into the
contract's ``SearchResponse``; any engine failure becomes ``EngineUnavailable``
so that ``search.service`` can answer from the database instead.
"""

from __future__ import annotations

from typing import Any

from elasticsearch.exceptions import TransportError

from cms.public_urls import public_path
from cms.translation.fallback import TranslatedText, fallback_chain, first_text
from cms.translation.languages import language_codes

from . import elastic
from .contract import FACETS, FacetBucket, SearchHit, SearchRequest, SearchResponse, Suggestion
from .query import (
    IN_MUNICIPALITY,
    EngineSearch,
    build_highlights,
    build_search,
    build_spelling,
    build_suggest,
)

BACKEND = "elasticsearch"
# Fewer hits than this and a spelling suggestion is worth showing.
FEW_RESULTS = 3


def _execute(search: EngineSearch) -> dict[str, Any]:
    """The engine's answer as the plain dict it sent (nothing reads it as objects)."""
    if elastic.recently_failed():
        raise elastic.EngineUnavailable("the search engine failed moments ago")
    try:
        answer = elastic.client().search(index=search.index, body=search.body)
    except TransportError as error:
        raise elastic.unavailable(error) from error
    elastic.mark_succeeded()
    return answer


def _in_language(texts: dict[str, str] | None, language: str) -> TranslatedText:
    """A document's ``{code: text}`` read by the one fallback rule ("" when no text)."""
    shown = first_text(texts or {}, language)
    return TranslatedText(shown.text or "", shown.language, language)


def _best_fragments(highlight: dict[str, list[str]], field: str) -> list[str]:
    # The stemmed field and its accent-free twin each mark what they matched; keep the richer.
    candidates = [highlight.get(field, []), highlight.get(f"{field}.folded", [])]
    return max(candidates, key=lambda fragments: sum(f.count("<mark>") for f in fragments))


def _shown_languages(source: dict[str, Any], language: str) -> set[str]:
    """The languages ``_hit`` shows a document's title, summary and body in."""
    shown = {_in_language(source.get("summary"), language).language}
    if source["type"] != "partner":
        shown.add(_in_language(source.get("title"), language).language)
    return shown


def fallback_highlights(
    hits: list[dict[str, Any]], text: str, language: str
) -> EngineSearch | None:
    """The request for the marks of hits shown (partly) in a fallback language, if any.

    The search asked for marks in the requested language only (``build_search``);
    most hits are shown in it, so this request is rarely needed.
    """
    missing = {
        raw["_id"]: shown
        for raw in hits
        if (shown := _shown_languages(raw["_source"], language) - {language})
    }
    if not missing or not text:
        return None
    needed = set().union(*missing.values())
    languages = tuple(code for code in fallback_chain(language) if code in needed)
    return build_highlights(text, languages, list(missing))


def _add_fallback_highlights(hits: list[dict[str, Any]], text: str, language: str) -> None:
    search = fallback_highlights(hits, text, language)
    if search is None:
        return
    found = {raw["_id"]: raw.get("highlight", {}) for raw in _execute(search)["hits"]["hits"]}
    for raw in hits:
        if raw["_id"] in found:
            raw.setdefault("highlight", {}).update(found[raw["_id"]])


def _hit(raw: dict[str, Any], language: str) -> SearchHit:
    source = raw["_source"]
    highlight = raw.get("highlight", {})
    summary = _in_language(source.get("summary"), language)
    if source["type"] == "partner":
        title, shown = source["name"], summary.language
        title_fragments = highlight.get("name", [])
    else:
        title_text = _in_language(source.get("title"), language)
        title, shown = title_text.text, title_text.language
        title_fragments = _best_fragments(highlight, f"title.{shown}")
    fragments = {
        "title": title_fragments,
        "summary": _best_fragments(highlight, f"summary.{summary.language}"),
        "body": _best_fragments(highlight, f"body.{shown}"),
    }
    return SearchHit(
        type=source["type"],
        slug=source["slug"],
        title=title,
        summary=summary.text,
        url=public_path(source["type"], source["slug"], language),
        score=raw["_score"] or 0.0,
        highlight={field: found for field, found in fragments.items() if found},
        language=shown,
    )


def _spelling(text: str, total: int) -> str | None:
    """The phrase the index suggests, when few results came and it differs from the query.

    A second, small request, only then: most searches find enough and skip it.
    """
    if total >= FEW_RESULTS or not text:
        return None
    answer = _execute(build_spelling(text))
    for entry in answer.get("suggest", {}).get("spelling", []):
        for option in entry["options"]:
            return None if option["text"] == text.lower() else option["text"]
    return None


def _buckets(aggregation: dict) -> list[FacetBucket]:
    return [FacetBucket(bucket["key"], bucket["doc_count"]) for bucket in aggregation["buckets"]]


def find(request: SearchRequest) -> dict[str, Any]:
    """The engine's answer for ``request``: typos forgiven in the requested language's chain.

    When that finds nothing, again with typos forgiven in every language, so a
    misspelt word of another language than the reader's is still found. Rare:
    most searches find something, and they pay for fuzzy matching in three
    languages instead of 13 (engine `took` p50 over bench/queries.py at 1 000
    activities, under load: 66 -> 52 ms, 112 -> 79 ms in a busier run).
    """
    answer = _execute(build_search(request))
    if answer["hits"]["total"]["value"] == 0 and request.q.strip():
        answer = _execute(build_search(request, tuple(language_codes())))
    return answer


def search(request: SearchRequest) -> SearchResponse:
    answer = find(request)
    total = answer["hits"]["total"]["value"]
    _add_fallback_highlights(answer["hits"]["hits"], request.q.strip(), request.language)
    aggregations = answer["aggregations"]
    # Searched in one municipality: the facets are counted inside its bucket.
    scoped = aggregations.get(IN_MUNICIPALITY, aggregations)
    facets = {facet: _buckets(scoped[facet]) for facet in FACETS}
    if "municipality" in aggregations:  # asked only when searching in one municipality
        facets["municipality"] = _buckets(aggregations["municipality"])
    return SearchResponse(
        backend=BACKEND,
        total=total,
        results=[_hit(raw, request.language) for raw in answer["hits"]["hits"]],
        facets=facets,
        suggestion=_spelling(request.q.strip(), total),
    )


def suggest(prefix: str, language: str, limit: int = 10) -> list[Suggestion]:
    prefix = prefix.strip()
    if not prefix:
        return []
    answer = _execute(build_suggest(prefix, language, limit))
    found: dict[tuple[str, str], Suggestion] = {}
    for option in answer["suggest"]["titles"][0]["options"]:
        source = option["_source"]
        key = (source["type"], source["slug"])
        if key in found:
            continue
        # Show the title in the language the visitor was typing in (theirs if it matched).
        matched = option.get("contexts", {}).get("language") or [language]
        title = source["title"].get(language if language in matched else matched[0])
        title = title or _in_language(source["title"], language).text
        found[key] = Suggestion(
            source["type"],
            source["slug"],
            title,
            public_path(source["type"], source["slug"], language),
        )
        if len(found) == limit:
            break
    return list(found.values())
