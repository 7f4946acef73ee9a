"""Each language gets the analyzer the engine really offers, and every field folds accents."""

import json
from pathlib import Path

import pytest
from django.conf import settings

from search import indexes
from search.analyzers import language_analysis
from search.documents import alias

pytestmark = pytest.mark.search

ANALYZERS_JSON = Path(settings.BASE_DIR) / "scripts" / "engines" / "analyzers.json"


def _flavour(client) -> str:
    version = client.info()["version"]
    return "opensearch" if version.get("distribution") == "opensearch" else "elasticsearch"


def _tokens(client, field: str, text: str) -> list[str]:
    answer = client.indices.analyze(index=alias(), body={"field": field, "text": text})
    return [token["token"] for token in answer["tokens"]]


def test_the_choice_matches_what_the_engine_scripts_found(engine):
    # scripts/engines/analyzers.json records what each engine offers (written
    # by scripts/engines/check_analyzers.py); our probe must agree with it.
    expected = json.loads(ANALYZERS_JSON.read_text())[_flavour(engine)]
    for code, choice in language_analysis(engine).items():
        found = expected[code]
        if code == "nl":
            # Deliberately the built-in, rebuilt with one more filter (search/analyzers.py).
            assert (found["type"], choice.kind) == ("builtin", "extended")
        elif found["type"] == "hunspell":
            locale = next(iter(found["analysis"]["filter"].values()))["locale"]
            assert (choice.kind, choice.name) == ("hunspell", locale)
        else:
            assert (choice.kind, choice.name) == (found["type"], found["analyzer"]), code


def test_dutch_plurals_meet_their_singular(engine):
    indexes.ensure_index(engine)
    for plural, singular in [("cursussen", "cursus"), ("lessen", "les"), ("voetballen", "voetbal")]:
        assert _tokens(engine, "title.nl", plural) == _tokens(engine, "title.nl", singular)


def test_every_language_field_has_an_accent_free_twin(engine):
    indexes.ensure_index(engine)
    assert _tokens(engine, "title.pl.folded", "Języka") == ["jezyka"]
    assert _tokens(engine, "summary.ro.folded", "olandeză") == ["olandeza"]
    assert _tokens(engine, "body.cs.folded", "Čeština") == ["cestina"]


def test_polish_ukrainian_and_slovak_are_stemmed(engine):
    indexes.ensure_index(engine)
    assert "pracownik" in _tokens(engine, "title.pl", "pracowników")
    assert "працівник" in _tokens(engine, "title.uk", "працівників")
    assert "pracovník" in _tokens(engine, "title.sk", "pracovníkov")
