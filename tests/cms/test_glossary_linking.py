"""Glossary links in rich text, and the approved-word check (``cms.glossary``): pure functions."""

from __future__ import annotations

from cms.glossary.consistency import TermDeviation, deviations, readable_text, terms_in
from cms.glossary.linking import GlossaryLinker
from cms.models import GlossaryTerm


def term(slug: str, nl: str, pl: str = "", en: str = "") -> GlossaryTerm:
    return GlossaryTerm(slug=slug, term_nl=nl, term_pl=pl, term_en=en)


TERMS = [
    term("eigen-risico", "eigen risico", pl="eigen risico"),
    term("risico", "risico"),
    term("huisarts", "huisarts", pl="lekarz rodzinny", en="GP"),
    term("bsn", "BSN", pl="BSN"),
]


def test_only_words_are_linked_longest_first_once_each_outside_links():
    linker = GlossaryLinker(TERMS, "pl", "pl")
    html = linker.link(
        '<p>Het <b>eigen risico</b> en het risico. <a href="https://x.nl">BSN</a>, BSN.</p>'
        "<p>Lekarz rodzinny, lekarz rodzinny; huisartsen en BSNr.</p>"
    )
    assert html == (
        '<p>Het <b><a class="term" href="/pl/woordenlijst/#eigen-risico">eigen risico</a></b> '
        'en het <a class="term" href="/pl/woordenlijst/#risico">risico</a>. '
        '<a href="https://x.nl">BSN</a>, <a class="term" href="/pl/woordenlijst/#bsn">BSN</a>.</p>'
        '<p><a class="term" href="/pl/woordenlijst/#huisarts">Lekarz rodzinny</a>, '
        "lekarz rodzinny; huisartsen en BSNr.</p>"
    )


def test_the_linker_remembers_terms_across_the_blocks_of_a_page():
    linker = GlossaryLinker(TERMS, "en", "ro")
    assert 'href="/ro/woordenlijst/#huisarts">GP<' in linker.link("<p>Call your GP.</p>")
    assert linker.link("<p>The GP, or huisarts.</p>") == "<p>The GP, or huisarts.</p>"


def test_markup_in_the_text_is_kept_and_text_is_escaped():
    linker = GlossaryLinker(TERMS, "pl", "pl")
    html = linker.link("<p>a &lt;b&gt; &amp; huisarts</p>")
    assert html == (
        '<p>a &lt;b&gt; &amp; <a class="term" href="/pl/woordenlijst/#huisarts">huisarts</a></p>'
    )


def test_a_translation_without_the_approved_word_is_flagged():
    source = "Ga eerst naar de huisarts. Vraag je BSN."
    assert deviations(source, "Idź najpierw do lekarza. Zapytaj o BSN.", "pl", TERMS) == [
        TermDeviation("huisarts", "huisarts", "lekarz rodzinny", "pl")
    ]
    assert deviations(source, "Idź do: lekarz rodzinny. BSN.", "pl", TERMS) == []
    # No translation yet is not a deviation; a term the source does not use is not checked.
    assert deviations(source, " ", "pl", TERMS) == []
    assert deviations("Vraag je BSN.", "Zapytaj o numer.", "pl", TERMS)[0].slug == "bsn"


def test_the_terms_of_a_rich_text_or_stream_value():
    text = readable_text([{"type": "text", "value": "<p>De <i>huisarts</i> &amp; het BSN</p>"}])
    assert text == "De huisarts & het BSN"
    assert [t.slug for t in terms_in(text, TERMS)] == ["huisarts", "bsn"]
