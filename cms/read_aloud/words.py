"""The few words a reader says that are not in the text: "@", ".", "step", the hour.

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


WORDS: dict[str, SpokenWords] = {
    "nl": SpokenWords("apenstaartje", "punt", "Stap", "{h} uur {m}", "{h} uur"),
    "en": SpokenWords("at", "dot", "Step", "{h} {m}", "{h} o'clock"),
    "pl": SpokenWords("małpa", "kropka", "Krok", "godzina {h} {m}", "godzina {h}"),
    "ro": SpokenWords("arond", "punct", "Pasul", "ora {h} și {m}", "ora {h}"),
    "bg": SpokenWords("маймунка", "точка", "Стъпка", "{h} часа и {m} минути", "{h} часа"),
    "hu": SpokenWords("kukac", "pont", "Lépés", "{h} óra {m} perc", "{h} óra"),
    "lt": SpokenWords("eta", "taškas", "Žingsnis", "{h} valanda {m} minučių", "{h} valanda"),
    "lv": SpokenWords("et", "punkts", "Solis", "pulksten {h} {m}", "pulksten {h}"),
    "sk": SpokenWords("zavináč", "bodka", "Krok", "{h} hodín {m} minút", "{h} hodín"),
    "cs": SpokenWords("zavináč", "tečka", "Krok", "{h} hodin {m} minut", "{h} hodin"),
    "pt": SpokenWords("arroba", "ponto", "Passo", "{h} horas e {m}", "{h} horas"),
    "es": SpokenWords("arroba", "punto", "Paso", "las {h} y {m}", "las {h}"),
    "uk": SpokenWords("равлик", "крапка", "Крок", "{h} година {m} хвилин", "{h} година"),
}
