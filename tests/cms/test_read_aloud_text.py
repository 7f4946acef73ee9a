"""What the speech engine is sent: text as a person would read it out, per language."""

from __future__ import annotations

from wagtail.blocks import StreamValue

from cms.blocks import BodyBlock
from cms.read_aloud.speech_text import speech_text, spoken_line


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
