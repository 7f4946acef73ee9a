"""The index: its name and its mapping.

Activities, guides, partners and policy actions share one index,
``<prefix>-content``, told apart by the ``type`` keyword (document ids are
``<type>-<pk>``). One index rather than one per type because a search spans
all types: on one shard every document is scored with the same term
statistics, and the engine parses, rewrites and highlights the
multi-language query once instead of once per index (measured: about three
times faster on our queries). The name is an alias: a rebuild fills a fresh
concrete index (``<alias>-<timestamp>``) and swaps the alias over.

Fields:

- ``title.<code>``, ``summary.<code>``, ``body.<code>``: the text per language,
  analysed with that language's analyzer (``search.analyzers``), each with a
  ``.folded`` subfield (lowercase + ASCII folding);
- ``all_text.<code>``: title + summary + body + untranslated names of one
  language in one field, so that every word of a query can be required
  across title and summary (``copy_to``);
- ``name`` (a partner's name) and ``related_names`` (organiser, place,
  address): untranslated, so they count in every language;
- ``spell``: the words of titles and summaries, for "did you mean";
- ``suggest``: a completion field with a ``language`` context, for autocomplete;
- keywords for filters and facets, ``location`` (geo_point) and
  ``occurrences`` (the start of every occurrence of an activity).
"""

from __future__ import annotations

from collections.abc import Mapping as MappingType

from django.conf import settings
from elasticsearch_dsl import (
    Boolean,
    Completion,
    Date,
    GeoPoint,
    Index,
    Keyword,
    Mapping,
    Object,
    Text,
    analyzer,
    token_filter,
)

from .analyzers import FOLDED, LanguageAnalysis

# Lowercase but not folded: spelling suggestions should show the accents.
SPELL = analyzer("spell", tokenizer="standard", filter=["lowercase"])
SPELL_SHINGLES = analyzer(
    "spell_shingles",
    tokenizer="standard",
    filter=[
        "lowercase",
        token_filter("shingles", "shingle", min_shingle_size=2, max_shingle_size=3),
    ],
)
TRANSLATED_FIELDS = ("title", "summary", "body")
# Body text is long and repetitive; "did you mean" draws on titles and summaries only.
SPELLING_SOURCES = ("title", "summary")


def alias() -> str:
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-content"


def document_id(kind: str, pk: int) -> str:
    return f"{kind}-{pk}"


def parse_document_id(document: str) -> tuple[str, int]:
    kind, _, pk = document.rpartition("-")
    return kind, int(pk)


def _language_text(choice: LanguageAnalysis, copy_to: list[str] | None = None) -> Text:
    extra = {"copy_to": copy_to} if copy_to else {}
    return Text(analyzer=choice.analyzer(), fields={"folded": Text(analyzer=FOLDED)}, **extra)


def _per_language(analysis: MappingType[str, LanguageAnalysis], field: str | None = None) -> Object:
    """``{code: text}``; a source field also feeds ``all_text.<code>`` (and ``spell``)."""
    properties = {}
    for code, choice in analysis.items():
        copy_to = None
        if field is not None:
            copy_to = [f"all_text.{code}"] + (["spell"] if field in SPELLING_SOURCES else [])
        properties[code] = _language_text(choice, copy_to)
    return Object(properties=properties)


def mapping(analysis: MappingType[str, LanguageAnalysis]) -> Mapping:
    every_language = [f"all_text.{code}" for code in analysis]
    m = Mapping()
    # Strict: a misspelt field in indexing.py fails loudly instead of being guessed.
    m.meta("dynamic", "strict")
    m.meta("_meta", {"analysis": [choice.as_meta() for choice in analysis.values()]})
    m.field("type", Keyword())
    m.field("slug", Keyword())
    m.field("live", Boolean())
    for field in TRANSLATED_FIELDS:
        m.field(field, _per_language(analysis, field))
    m.field("all_text", _per_language(analysis))
    m.field("name", Text(analyzer=FOLDED, copy_to=every_language + ["spell"]))
    m.field("related_names", Text(analyzer=FOLDED, copy_to=every_language))
    m.field("spell", Text(analyzer=SPELL, fields={"shingles": Text(analyzer=SPELL_SHINGLES)}))
    m.field(
        "suggest",
        Completion(analyzer=FOLDED, contexts=[{"name": "language", "type": "category"}]),
    )
    m.field("category", Keyword())
    m.field("partner", Keyword())
    m.field("municipalities", Keyword())
    m.field("offered_language", Keyword())
    m.field("location", GeoPoint())
    m.field("occurrences", Date())
    return m


def index_definition(name: str, analysis: MappingType[str, LanguageAnalysis]) -> Index:
    index = Index(name)
    # One shard: a municipality's content is small. One replica as soon as a
    # second node exists, none on a single node (which would stay yellow).
    index.settings(number_of_shards=1, auto_expand_replicas="0-1")
    index.mapping(mapping(analysis))
    return index
