"""What the speech engine is sent: text as a person would read it out, per language."""

from __future__ import annotations

import pytest
from wagtail.blocks import StreamValue

from cms.blocks import BodyBlock
from cms.read_aloud.audio import VOICES
from cms.read_aloud.speech_text import speech_text, spoken_line
from cms.read_aloud.words import WORDS


def body(*blocks: tuple[str, object]) -> StreamValue:
    return StreamValue(BodyBlock(), list(blocks), is_lazy=False)


def test_a_dutch_guide_is_read_with_pauses_and_spoken_addresses_numbers_and_dates():
    guide_body = BodyBlock().to_python(
        [
            {
                "type": "text",
                "value": "<h3>Wat moet je doen?</h3><ul><li>Bel 0488 12 34 56</li>"
                "<li>Of mail naar info@ggd-gz.nl</li></ul>",
            },
            {"type": "steps", "value": [{"title": "Maak een afspraak", "text": "Om 9:30 uur."}]},
            {
                "type": "contact",
                "value": {"name": "GGD", "phone": "06-12345678", "opening_hours": "ma-vr"},
            },
        ]
    )
    transcript = speech_text("De huisarts", "Open op 5-1-2027.", guide_body, "nl")
    assert transcript.splitlines() == [
        "De huisarts.",
        "Open op 5 januari 2027.",
        "Wat moet je doen?",
        "Bel 0 4 8 8, 1 2, 3 4, 5 6.",
        "Of mail naar info apenstaartje ggd-gz punt nl.",
        "Stap 1: Maak een afspraak.",
        "Om 9 uur 30.",
        "GGD.",
        "0 6, 1 2 3 4 5 6 7 8.",
        "ma-vr.",
    ]


def test_polish_says_dates_in_the_genitive_and_its_own_words_for_addresses_and_hours():
    line = "Spotkanie 2027-03-12 o 19:00, e-mail biuro@klub.pl, tel. +31 6 1234 5678"
    assert spoken_line(line, "pl") == (
        "Spotkanie 12 marca 2027 o godzina 19, e-mail biuro małpa klub kropka pl, "
        "tel. + 3 1, 6, 1 2 3 4, 5 6 7 8"
    )


def test_bulgarian_and_romanian_use_their_own_words():
    assert spoken_line("в 18:45, info@obshtina.bg", "bg") == (
        "в 18 часа и 45 минути, info маймунка obshtina точка bg"
    )
    assert spoken_line("la 8:05", "ro") == "la ora 8 și 5"


def test_an_impossible_date_is_left_as_written():
    assert spoken_line("31-02-2027", "nl") == "31-02-2027"


def test_steps_are_numbered_in_the_language_read():
    steps = BodyBlock().to_python([{"type": "steps", "value": [{"title": "Zadzwoń"}]}])
    assert speech_text("Tytuł", "Opis", steps, "pl").splitlines()[-1] == "Krok 1: Zadzwoń."


# One line per language: a date in its own order, case and little words, a time
# with its own words, an e-mail address with its own "@" and ".".
SAID = {
    "nl": "5 januari 2027 13 uur 30, info apenstaartje ggd punt nl",
    "en": "5 January 2027 13 30, info at ggd dot nl",
    "pl": "5 stycznia 2027 godzina 13 30, info małpa ggd kropka nl",
    "ro": "5 Ianuarie 2027 ora 13 și 30, info arond ggd punct nl",
    "bg": "5 Януари 2027 13 часа и 30 минути, info маймунка ggd точка nl",
    "hu": "2027. január 5. 13 óra 30 perc, info kukac ggd pont nl",
    "lt": "2027 metų sausio 5 dieną 13 valanda 30 minučių, info eta ggd taškas nl",
    "lv": "2027. gada 5. janvāris pulksten 13 30, info et ggd punkts nl",
    "sk": "5. január 2027 13 hodín 30 minút, info zavináč ggd bodka nl",
    "cs": "5. ledna 2027 13 hodin 30 minut, info zavináč ggd tečka nl",
    "pt": "5 de Janeiro de 2027 13 horas e 30, info arroba ggd ponto nl",
    "es": "5 de enero de 2027 las 13 y 30, info arroba ggd punto nl",
    "uk": "5 січня 2027 13 година 30 хвилин, info равлик ggd крапка nl",
}


def test_every_language_has_its_spoken_words():
    assert set(SAID) == set(VOICES) == set(WORDS)


@pytest.mark.parametrize("language", list(SAID))
def test_each_language_says_dates_times_and_addresses_its_own_way(language):
    assert spoken_line("2027-01-05 13:30, info@ggd.nl", language) == SAID[language]
