"""The 13 catalogs keep to their style sheets (docs/translation-style/<code>.md).

Each sheet's "Interface words" table names, per concept, the approved word and
the words that must not be used for it. The interface strings about that
concept use the approved word (in any of its forms, ``cms.glossary.consistency
.mentions``) and none of the rejected ones. The form of address is checked where
readers found it switching: the site's strings in Dutch, Romanian, Spanish and
Hungarian address the reader informally; strings for partner editors (their
invitations and account e-mails) may be formal.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

from cms.glossary.consistency import mentions
from cms.glossary.style_sheets import STYLE_SHEETS

LOCALE = Path(settings.BASE_DIR) / "locale"
# The interface strings of each concept: msgids naming it.
CONCEPTS = {
    "municipality": re.compile(r"\bmunicipality\b", re.IGNORECASE),
    "guide": re.compile(r"\bguides?\b", re.IGNORECASE),
    "registration": re.compile(r"^Registration$"),
}
# Strings for partner editors (invitations, their account), not for residents.
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")
FOR_EDITORS = re.compile(
    r"%\(site\)s|%\(role\)s|account|invitation|logged in|expect this", re.IGNORECASE
)
FORMAL = {
    "nl": re.compile(r"(?<!\w)(u|uw)(?!\w)", re.IGNORECASE),
    "ro": re.compile(r"(?<!\w)(dumneavoastră|dvs)(?!\w)", re.IGNORECASE),
    "es": re.compile(r"(?<!\w)(usted|díganos|elija|envíe|revise|espere|escanee)(?!\w)", re.I),
    "hu": re.compile(r"(?<!\w)(Ön|Önnek|Önnel|Önt)(?!\w)"),
}
# The recurrence editor (partner editors) and the buddy introduction (two people, plural).
FORMAL_ALLOWED = re.compile(
    r"RRULE|first date|%\(most\)s|at least one day|Write it as|when it goes on|current rule|"
    r"agree where and when",
    re.IGNORECASE,
)


def catalog(code: str) -> dict[str, list[str]]:
    """msgid → its translations (every plural form) in ``code``'s catalog."""
    with open(LOCALE / code / "LC_MESSAGES" / "django.po", "rb") as handle:
        messages = read_po(handle, locale=code)
    found = {}
    for message in messages:
        if not message.id:
            continue
        msgid = message.id[-1] if isinstance(message.id, tuple) else message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        found[msgid] = [text for text in strings if text]
    return found


def interface_words(code: str) -> list[tuple[str, list[str], list[str]]]:
    """(concept, approved word and its forms, rejected words) from the sheet's table."""
    text = (STYLE_SHEETS / f"{code}.md").read_text(encoding="utf-8")
    table = text.split("## Interface words", 1)[1].split("##", 1)[0]
    rows = []
    for line in table.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0] in CONCEPTS:
            approved = [word.strip() for word in cells[1].split("/")]
            rejected = [word.strip() for word in cells[2].split(",") if word.strip()]
            rows.append((cells[0], approved, rejected))
    return rows


LANGUAGES = [code for code, _ in settings.LANGUAGES]


def test_every_language_has_a_style_sheet_with_its_three_words():
    for code in LANGUAGES:
        assert [row[0] for row in interface_words(code)] == list(CONCEPTS), code


@pytest.mark.parametrize("code", LANGUAGES)
def test_interface_strings_use_the_approved_word_and_never_a_rejected_one(code):
    messages = catalog(code)
    problems = []
    for concept, approved, rejected in interface_words(code):
        # "Poster for %(municipality)s" names a municipality, not the concept.
        about = {
            m: texts
            for m, texts in messages.items()
            if CONCEPTS[concept].search(PLACEHOLDER.sub("", m))
        }
        assert about, (code, concept)
        for msgid, texts in about.items():
            for text in texts:
                if not any(mentions(text, form) for form in approved):
                    problems.append(f"{concept}: {msgid!r} → {text!r} lacks {approved!r}")
                problems += [
                    f"{concept}: {msgid!r} → {text!r} uses {word!r}"
                    for word in rejected
                    if mentions(text, word)
                ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("code", sorted(FORMAL))
def test_the_site_addresses_its_readers_informally(code):
    formal = [
        f"{msgid!r} → {text!r}"
        for msgid, texts in catalog(code).items()
        if not FOR_EDITORS.search(msgid) and not FORMAL_ALLOWED.search(msgid)
        for text in texts
        if FORMAL[code].search(text)
    ]
    assert not formal, "\n".join(formal)


def test_romanian_says_de_after_twenty_and_more():
    plural = [texts for texts in catalog("ro").values() if len(texts) == 3]
    assert len(plural) >= 8
    after_number = re.compile(r"%\(\w+\)[sd] de ")
    for _one, few, many in plural:
        assert not after_number.search(few), few  # "5 zile"
        assert after_number.search(many), many  # "30 de zile"


def test_romanian_never_puts_a_counted_noun_right_after_a_number_it_cannot_inflect():
    """A message without plural forms cannot say "5 zile" and "30 de zile" both: it names
    the count instead ("caractere: %(characters)s"), as the budget messages do."""
    counted = re.compile(
        r"%\(\w+\)[sd] (zile|caractere|texte|obiecte|traduceri|răspunsuri|activități|"
        r"persoane|întrebări|ore|minute|săptămâni|luni)\b"
    )
    offending = [
        f"{msgid!r} → {texts[0]!r}"
        for msgid, texts in catalog("ro").items()
        if len(texts) == 1 and counted.search(texts[0])
    ]
    assert not offending, "\n".join(offending)
