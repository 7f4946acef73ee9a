"""Which analyzer each language's text gets, on the engine at hand.

Ten of our languages have an analyzer built into Elasticsearch 7 and
OpenSearch 2. Polish and Ukrainian need a plugin (``polish`` from
analysis-stempel, ``ukrainian`` from analysis-ukrainian, or our embedded
equivalents: scripts/engines), Slovak a hunspell dictionary. Rather than trust
a configuration file, each index build asks the engine what it really offers
and takes the first option that works, down to plain lowercase + ASCII folding;
the choice is stored in the index's ``_meta`` (``search_index status`` shows
it) and documented per engine in search/README.md.

Dutch is the one deliberate exception: the built-in ``dutch`` analyzer keeps
doubled consonants (``cursussen`` → ``cursuss`` but ``cursus`` → ``cursus``,
``lessen`` → ``less``), so plurals like these never met their singular. We
use the built-in analyzer rebuilt as Elastic documents it, plus one filter
that undoubles a final consonant (Dutch spelling never ends a word on one).

Every language field also gets a ``folded`` subfield (lowercase + ASCII
folding, no stemming), so ``jezyka`` finds ``języka`` whatever the analyzer.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

from elasticsearch import Elasticsearch
from elasticsearch.exceptions import ConnectionError as EngineConnectionError
from elasticsearch.exceptions import TransportError
from elasticsearch_dsl import analyzer, token_filter

from cms.translation.languages import language_codes

from .elastic import COMMAND_TIMEOUT

FOLDED = analyzer("folded", tokenizer="standard", filter=["lowercase", "asciifolding"])


# The built-in "dutch" analyzer, rebuilt (same stop words, overrides and
# stemmer), then "cursuss" → "cursus".
DUTCH = analyzer(
    "dutch_undoubled",
    tokenizer="standard",
    filter=[
        "lowercase",
        token_filter("dutch_stop", "stop", stopwords="_dutch_"),
        token_filter(
            "dutch_override",
            "stemmer_override",
            rules=["fiets=>fiets", "bromfiets=>bromfiets", "ei=>eier", "kind=>kinder"],
        ),
        token_filter("dutch_stemmer", "stemmer", language="dutch"),
        token_filter(
            "dutch_undouble", "pattern_replace", pattern=r"([bcdfgklmnprstvz])\1$", replacement="$1"
        ),
    ],
)
EXTENDED = {DUTCH._name: DUTCH}


@dataclass(frozen=True)
class Option:
    kind: str  # "builtin", "extended" (a built-in, rebuilt and improved), "plugin", "hunspell"
    name: str  # the analyzer's name, or the hunspell locale


# Best first. Built-in analyzers exist on every supported engine and are not probed.
PREFERENCES: dict[str, tuple[Option, ...]] = {
    "nl": (Option("extended", DUTCH._name),),
    "en": (Option("builtin", "english"),),
    "pl": (Option("plugin", "polish"), Option("hunspell", "pl_PL")),
    "ro": (Option("builtin", "romanian"),),
    "bg": (Option("builtin", "bulgarian"),),
    "hu": (Option("builtin", "hungarian"),),
    "lt": (Option("builtin", "lithuanian"),),
    "lv": (Option("builtin", "latvian"),),
    "sk": (Option("hunspell", "sk_SK"),),
    "cs": (Option("builtin", "czech"),),
    "pt": (Option("builtin", "portuguese"),),
    "es": (Option("builtin", "spanish"),),
    "uk": (Option("plugin", "ukrainian"), Option("hunspell", "uk_UA")),
}


@dataclass(frozen=True)
class LanguageAnalysis:
    """The analyzer chosen for one language's fields."""

    language: str
    kind: str  # "builtin", "extended", "plugin", "hunspell" or "fallback"
    name: str  # analyzer name, or hunspell locale

    def analyzer(self) -> Any:
        """What a mapping's ``analyzer`` takes: a name, or a custom analyzer definition."""
        if self.kind in ("builtin", "plugin"):
            return self.name
        if self.kind == "extended":
            return EXTENDED[self.name]
        if self.kind == "hunspell":
            stems = token_filter(
                f"{self.language}_hunspell_stems", "hunspell", locale=self.name, dedup=True
            )
            return analyzer(
                f"{self.language}_hunspell", tokenizer="standard", filter=["lowercase", stems]
            )
        return FOLDED

    def as_meta(self) -> dict[str, str]:
        return asdict(self)


def _works(client: Elasticsearch, option: Option) -> bool:
    if option.kind in ("builtin", "extended"):
        return True
    if option.kind == "plugin":
        body: dict[str, Any] = {"analyzer": option.name, "text": "test"}
    else:
        body = {
            "tokenizer": "standard",
            "filter": ["lowercase", {"type": "hunspell", "locale": option.name}],
            "text": "test",
        }
    try:
        # Generous timeout: a hunspell dictionary loads on its first use.
        client.indices.analyze(body=body, request_timeout=COMMAND_TIMEOUT)
    except EngineConnectionError:
        raise
    except TransportError:
        return False
    return True


def choose(client: Elasticsearch, language: str) -> LanguageAnalysis:
    for option in PREFERENCES.get(language, ()):
        if _works(client, option):
            return LanguageAnalysis(language, option.kind, option.name)
    return LanguageAnalysis(language, "fallback", FOLDED._name)


@lru_cache(maxsize=8)
def _choose_all(client: Elasticsearch, languages: tuple[str, ...]) -> tuple[LanguageAnalysis, ...]:
    return tuple(choose(client, code) for code in languages)


def language_analysis(client: Elasticsearch) -> dict[str, LanguageAnalysis]:
    """The analyzer per offered language; probed once per engine and process."""
    return {item.language: item for item in _choose_all(client, language_codes())}
