"""The demo content keeps to the style sheets (docs/translation-style/) where readers found it off.

Read from the committed file itself, as translators and the import see it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from cms.demo.glossary import DEMO_GLOSSARY
from cms.management.commands.load_demo import DEMO_FILE


def texts(language: str) -> Iterator[tuple[str, str, str]]:
    """(record slug, field, text) of every translated text of ``language`` in the demo."""
    content = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    for section in content.values():
        for record in section if isinstance(section, list) else []:
            for field, value in record.items():
                if isinstance(value, dict) and isinstance(value.get(language), str):
                    yield record.get("slug", ""), field, value[language]


def test_romanian_calls_the_gemeente_primarie_only():
    offending = [(slug, field) for slug, field, text in texts("ro") if "unicipalit" in text]
    assert not offending
    assert any("primări" in text.lower() for _, _, text in texts("ro"))


def test_ukrainian_calls_the_gemeente_municipalitet_only():
    assert not [slug for slug, _, text in texts("uk") if re.search(r"Громада Neder", text)]


def test_hungarian_registering_an_address_is_lakcimbejelentes():
    titles = {slug: text for slug, field, text in texts("hu") if field == "title"}
    registration = [title for slug, title in titles.items() if "BRP" in title]
    assert registration and all(title.startswith("Lakcímbejelentés") for title in registration)


def test_polish_explains_eigen_risico_and_zorgtoeslag_in_titles_and_summaries():
    for slug, field, text in texts("pl"):
        if field in ("title", "summary"):
            if "eigen risico" in text:
                assert "udział własny (eigen risico)" in text, slug
            if "zorgtoeslag" in text:
                assert re.search(r"dodatek[^()]*\(zorgtoeslag\)", text), slug


def test_polish_says_you_stay_registered():
    assert not [slug for slug, _, text in texts("pl") if "zostaniesz zameldowany" in text]
    assert [slug for slug, _, text in texts("pl") if "nadal będziesz zameldowany" in text]


def test_no_dutch_text_promises_help_in_every_reader_s_own_language():
    # The Information Point's staff speak five languages; the texts name them.
    assert not [slug for slug, _, text in texts("nl") if "in je eigen taal" in text]


def test_the_glossary_s_gemeente_is_the_catalog_s_municipality_word():
    gemeente = next(
        term
        for term in json.loads(DEMO_GLOSSARY.read_text(encoding="utf-8"))["glossary"]
        if term["slug"] == "gemeente"
    )
    assert (gemeente["term"]["ro"], gemeente["term"]["uk"]) == ("primărie", "муніципалітет")
