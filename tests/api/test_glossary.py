"""GET glossary: the platform's terms with a plain explanation, translated like every object."""

from __future__ import annotations

import pytest

from cms.demo.glossary import load_demo_glossary
from cms.models import GlossaryTerm


@pytest.fixture
def glossary(db) -> int:
    return load_demo_glossary()


def test_every_demo_term_is_explained_in_every_language(glossary, settings):
    assert glossary == 10
    for code, _ in settings.LANGUAGES:
        for term in GlossaryTerm.objects.all():
            assert getattr(term, f"term_{code}").strip(), (term.slug, code)
            assert len(getattr(term, f"explanation_{code}")) > 40, (term.slug, code)


def test_terms_come_in_the_requested_language_with_the_dutch_word(api, glossary):
    terms = api.json("glossary", lang="pl")
    assert [term["slug"] for term in terms][:3] == ["gemeente", "inschrijven", "bsn"]
    huisarts = next(term for term in terms if term["slug"] == "huisarts")
    assert huisarts["term"] == "lekarz rodzinny"
    assert huisarts["dutch_term"] == "huisarts"
    assert huisarts["explanation"].startswith("Lekarz w pobliżu")
    assert (huisarts["language"], huisarts["translated"], huisarts["fallback_language"]) == (
        "pl",
        True,
        None,
    )


def test_a_missing_explanation_falls_back_along_the_chain(api, glossary):
    GlossaryTerm.objects.filter(slug="ggd").update(explanation_lt="  ", term_lt="")
    ggd = next(term for term in api.json("glossary", lang="lt") if term["slug"] == "ggd")
    assert ggd["explanation"].startswith("The municipal public health service")
    assert (ggd["term"], ggd["language"], ggd["translated"], ggd["fallback_language"]) == (
        "GGD",
        "en",
        False,
        "en",
    )


def test_an_unknown_language_is_refused_naming_lang(api, glossary):
    answer = api.json("glossary", status=400, lang="xx")
    assert answer["error"]["field"] == "lang"


def test_the_glossary_costs_two_queries(client, glossary, django_assert_num_queries):
    # The terms, and which of their texts are unreviewed machine output (machine_translated).
    with django_assert_num_queries(2):
        assert client.get("/api/v1/glossary?lang=bg").status_code == 200
