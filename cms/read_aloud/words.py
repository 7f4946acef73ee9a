"""The few words a reader says that are not in the text: "@", ".", "step", the hour, a date.

Language data, not interface text: these are spoken by the voice of that
language, whatever language the site is in.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SpokenWords:
    at: str  # the "@" of an e-mail address
    dot: str  # the "." of an address
    step: str  # "Step 1"
    time: str  # a time of day: {h} hours, {m} minutes (no leading zero)
    full_hour: str  # a time on the hour
    # A date as it is said (Django's date format letters): the order, the month's
    # case (Polish "5 stycznia"), and the little words ("5 de enero de 2027").
    date: str


WORDS: dict[str, SpokenWords] = {
    "nl": SpokenWords("apenstaartje", "punt", "Stap", "{h} uur {m}", "{h} uur", "j F Y"),
    "en": SpokenWords("at", "dot", "Step", "{h} {m}", "{h} o'clock", "j F Y"),
    "pl": SpokenWords("małpa", "kropka", "Krok", "godzina {h} {m}", "godzina {h}", "j E Y"),
    "ro": SpokenWords("arond", "punct", "Pasul", "ora {h} și {m}", "ora {h}", "j F Y"),
    "bg": SpokenWords("маймунка", "точка", "Стъпка", "{h} часа и {m} минути", "{h} часа", "j F Y"),
    "hu": SpokenWords("kukac", "pont", "Lépés", "{h} óra {m} perc", "{h} óra", "Y. F j."),
    "lt": SpokenWords(
        "eta",
        "taškas",
        "Žingsnis",
        "{h} valanda {m} minučių",
        "{h} valanda",
        r"Y \m\e\t\ų E j \d\i\e\n\ą",
    ),
    "lv": SpokenWords(
        "et", "punkts", "Solis", "pulksten {h} {m}", "pulksten {h}", r"Y. \g\a\d\a j. F"
    ),
    "sk": SpokenWords("zavináč", "bodka", "Krok", "{h} hodín {m} minút", "{h} hodín", "j. F Y"),
    "cs": SpokenWords("zavináč", "tečka", "Krok", "{h} hodin {m} minut", "{h} hodin", "j. E Y"),
    "pt": SpokenWords(
        "arroba", "ponto", "Passo", "{h} horas e {m}", "{h} horas", r"j \d\e F \d\e Y"
    ),
    "es": SpokenWords("arroba", "punto", "Paso", "las {h} y {m}", "las {h}", r"j \d\e F \d\e Y"),
    "uk": SpokenWords("равлик", "крапка", "Крок", "{h} година {m} хвилин", "{h} година", "j E Y"),
}
