"""The one query builder: a ``SearchRequest`` (or a prefix) becomes an engine query.

Ranking, from the fields described in ``search.documents``:

- a document is found when every word (up to three; 75% of longer queries)
  occurs in one language's text, with typos tolerated (fuzziness AUTO) and
  accents optional (the ``.folded`` subfields), in whichever language; typos
  are forgiven in the requested language's fallback chain (the languages its
  reader is shown), and in every language only when that finds nothing
  (``search.engine.find``);
- matches in the requested language, matches in titles and whole-phrase
  matches earn extra score, so they come first;
- filters never change the score.

Bodies are written as the plain dicts the engine reads. They were built with
elasticsearch-dsl's ``Q`` and ``Search``, whose objects were copied at every
step (a search's body took some 14 copies of the whole request): half a
millisecond of every search, a tenth of its Python time, for a body that is
the same dict. ``tests/search/test_query_bodies.py`` holds the bodies to what
elasticsearch-dsl wrote, key for key.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from cms.translation.fallback import fallback_chain
from cms.translation.languages import language_codes

from .contract import FACETS, SearchRequest
from .documents import alias

WORDS_REQUIRED = "3<75%"
DEFAULT_RADIUS_KM = 10.0
FACET_SIZE = 50
# The aggregation holding the facets when a search is made in one municipality.
IN_MUNICIPALITY = "in_municipality"
HIGHLIGHT = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"]}
# Typos anywhere but in the first letter: that keeps "jezyka" from matching
# "muzyka" and the engine from expanding every word of every language.
FUZZY = {"fuzziness": "AUTO", "prefix_length": 1}

# "Did you mean": a phrase suggester over titles and summaries in every
# language; the collate query keeps only corrections that find something.
SPELLING = {
    "field": "spell.shingles",
    "size": 1,
    "gram_size": 3,
    "max_errors": 2,
    "direct_generator": [{"field": "spell", "suggest_mode": "always", "min_word_length": 3}],
    "collate": {
        "query": {"source": {"match": {"spell": {"query": "{{suggestion}}", "operator": "and"}}}}
    },
}

# How much each kind of match adds; tuned on tests/search/test_relevance.py.
REQUESTED_LANGUAGE_BOOST = 2.0
TITLE_BOOST = 1.5
PHRASE_BOOST = 3.0

Query = dict[str, Any]


@dataclass(frozen=True)
class EngineSearch:
    """One request to the engine's ``_search``: the index (or alias) and the body."""

    index: str
    body: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return self.body


def _match(fields: list[str], text: str, *, fuzzy: bool, boost: float = 1.0) -> Query:
    return {
        "multi_match": {
            "query": text,
            "fields": fields,
            "type": "best_fields",
            "minimum_should_match": WORDS_REQUIRED,
            "tie_breaker": 0.3,
            "boost": boost,
            **(FUZZY if fuzzy else {}),
        }
    }


def _stemmed_and_folded(fields: list[str], text: str, boost: float = 1.0) -> Query:
    """The language fields (stems) and their ``.folded`` twins (no accents), typos allowed.

    Typos are forgiven on both: on the stems, so that "voetbl" meets the stem
    of "voetballen"; on the folded words, so that "jezyk" meets "języka".
    """
    folded = []
    for field in fields:
        name, _, weight = field.partition("^")
        folded.append(f"{name}.folded^{float(weight or 1) * 0.8:g}")
    return _match(fields + folded, text, fuzzy=True, boost=boost)


def _in_one_language(code: str, text: str, *, typos: bool) -> Query:
    fields = [f"all_text.{code}"]
    if not typos:
        return _match([*fields, f"all_text.{code}.folded^0.8"], text, fuzzy=False)
    return _stemmed_and_folded(fields, text)


def text_query(text: str, language: str, typos_in: tuple[str, ...] | None = None) -> Query:
    """Matches of ``text``; typos are forgiven in ``typos_in`` (default: the fallback chain).

    Forgiving typos is what costs the engine: every word is expanded against
    every field's terms. A reader types in one of the languages they read, so
    that costs only there; the other languages' texts still count, word for word
    (accents optional), so a page is found by a word in any of its translations.
    ``search.engine`` asks again with typos forgiven everywhere when that finds
    nothing.
    """
    typos_in = typos_in or fallback_chain(language)
    languages = language_codes()
    found_in_any_language = {
        "dis_max": {
            "tie_breaker": 0.2,
            "queries": [_in_one_language(code, text, typos=code in typos_in) for code in languages]
            + [_match(["name"], text, fuzzy=True)],
        }
    }
    in_requested_language = _stemmed_and_folded(
        [f"title.{language}^3", f"summary.{language}^1.5", f"all_text.{language}"],
        text,
        REQUESTED_LANGUAGE_BOOST,
    )
    in_a_title = _match(
        [f"title.{code}{variant}" for code in languages for variant in ("", ".folded")] + ["name"],
        text,
        fuzzy=False,
        boost=TITLE_BOOST,
    )
    as_a_phrase = {
        "multi_match": {
            "query": text,
            "type": "phrase",
            "fields": [
                f"all_text.{language}^2",
                *(f"all_text.{code}" for code in languages),
                "name",
            ],
            "boost": PHRASE_BOOST,
        }
    }
    return {
        "bool": {
            "must": [found_in_any_language],
            "should": [in_requested_language, in_a_title, as_a_phrase],
        }
    }


def filters(request: SearchRequest) -> list[Query]:
    """One clause per request filter; a type without the filtered field drops out."""
    clauses = [{"term": {"live": True}}, {"terms": {"type": list(request.types)}}]
    if request.municipality:
        clauses.append({"term": {"municipalities": request.municipality}})
    if request.category:
        clauses.append({"term": {"category": request.category}})
    if request.offered_language:
        clauses.append({"term": {"offered_language": request.offered_language}})
    if request.near:
        lat, lon = request.near
        clauses.append(
            {
                "geo_distance": {
                    "distance": f"{request.radius_km or DEFAULT_RADIUS_KM}km",
                    "location": {"lat": lat, "lon": lon},
                }
            }
        )
    if request.starts_after:
        clauses.append({"range": {"occurrences": {"gte": request.starts_after.isoformat()}}})
    return clauses


def _highlight(text: str, languages: tuple[str, ...]) -> dict[str, Any]:
    """Marks in the title, summary and body of ``languages`` (and a partner's name)."""
    fields = [
        (f"{name}.{code}{variant}", 2 if name == "body" else 0)
        for code in languages
        for name in ("title", "summary", "body")
        for variant in ("", ".folded")
    ] + [("name", 0)]
    return {
        # Each field marks only its own matches: far cheaper than letting every
        # field re-run the whole multi-language query.
        "fields": {
            field: {
                "number_of_fragments": fragments,
                "highlight_query": {"match": {field: {"query": text, **FUZZY}}},
            }
            for field, fragments in fields
        },
        "encoder": "html",
        "fragment_size": 150,
        **HIGHLIGHT,
    }


def _terms(field: str) -> dict[str, Any]:
    return {
        "terms": {
            "field": field,
            "size": FACET_SIZE,
            "order": [{"_count": "desc"}, {"_key": "asc"}],
        }
    }


def _facets(body: dict[str, Any], request: SearchRequest) -> None:
    """Facet counts over every match; with a municipality, also ``municipality``.

    Searched in Tiel, a visitor also learns that Neder-Betuwe has five. The
    query and the other filters select the matches in every municipality; the
    municipality filter is a ``post_filter`` (it narrows the hits and the total,
    not the aggregations), so the ``municipality`` facet counts those matches
    as they are, and the other facets count them inside a ``filter`` bucket for
    the municipality. The engine evaluates the query once: a ``global`` bucket
    that asked it again cost a second rewrite and run of the whole query.
    """
    facets = {facet: _terms(facet) for facet in FACETS}
    if not request.municipality:
        body["aggs"] = facets
        return
    here = {"term": {"municipalities": request.municipality}}
    body["post_filter"] = here
    body["aggs"] = {
        IN_MUNICIPALITY: {"filter": here, "aggs": facets},
        "municipality": _terms("municipalities"),
    }


def build_search(request: SearchRequest, typos_in: tuple[str, ...] | None = None) -> EngineSearch:
    """Hits, total, facets and highlights; typos forgiven in ``typos_in`` (default: the chain).

    Highlights are asked in the requested language only: marking a text costs
    the engine its analysis again, and a hit is nearly always shown in the
    language asked for, so marking the rest of the chain too (English, Dutch)
    tripled that work for texts nobody sees (engine ``took`` p50 over
    bench/queries.py: search/README.md). The few hits shown in a fallback
    language get theirs from ``build_highlights``.
    """
    text = request.q.strip()
    # The municipality filter is left to ``_facets`` (a post_filter).
    query: Query = {"filter": filters(replace(request, municipality=None))}
    if text:
        # The matches must; the rest only adds score ("minimum_should_match": 0,
        # as elasticsearch-dsl wrote it when the filters were added to the query).
        query = {**text_query(text, request.language, typos_in)["bool"], **query}
        query["minimum_should_match"] = 0
    body: dict[str, Any] = {"query": {"bool": query}}
    _facets(body, request)
    # A hit is shown in a language of the chain (``engine._hit``): the other
    # languages' titles and summaries would only be sent, parsed and dropped.
    shown = [
        f"{name}.{code}"
        for name in ("title", "summary")
        for code in fallback_chain(request.language)
    ]
    body.update(
        sort=["_score", "slug"],
        size=request.page_size,
        track_total_hits=True,
        _source=["type", "slug", "name", *shown],
    )
    if text:
        body["highlight"] = _highlight(text, (request.language,))
    return EngineSearch(alias(), body)


def build_highlights(
    text: str, languages: tuple[str, ...], document_ids: list[str]
) -> EngineSearch:
    """The marks of ``languages`` in the given documents, for hits shown in a fallback language.

    Each field's highlight query is its own (``_highlight``), so a mark does not
    depend on the search that found the document: these are the marks that
    search would have returned had it asked for these languages.
    """
    body = {
        "query": {"bool": {"filter": [{"ids": {"values": document_ids}}]}},
        "size": len(document_ids),
        "_source": False,
        "highlight": _highlight(text, languages),
    }
    return EngineSearch(alias(), body)


def build_spelling(text: str) -> EngineSearch:
    """ "Did you mean": asked only after a search found few hits (``engine.search``).

    Its collate step runs a query per candidate correction: most of a search's
    time in the engine when it rode along with every search (bench/RESULTS.md).
    """
    body = {"size": 0, "suggest": {"spelling": {"text": text, "phrase": SPELLING}}}
    return EngineSearch(alias(), body)


def build_suggest(prefix: str, language: str, limit: int) -> EngineSearch:
    """Page titles completing ``prefix``: the requested language first, then the others.

    Only activities and guides carry completion inputs (``search.indexing``).
    """
    contexts = [{"context": language, "boost": 2}] + [
        code for code in language_codes() if code != language
    ]
    body = {
        "size": 0,
        "_source": ["type", "slug", "title"],
        "suggest": {
            "titles": {
                "text": prefix,
                "completion": {
                    "field": "suggest",
                    # Room for the same page matched through several of its titles.
                    "size": limit * 3,
                    "skip_duplicates": True,
                    "fuzzy": FUZZY,
                    "contexts": {"language": contexts},
                },
            }
        },
    }
    return EngineSearch(alias(), body)
