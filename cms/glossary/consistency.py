"""Does a translation use the glossary's approved word where the Dutch source uses the term?

A translator who writes "ubezpieczenie" where the glossary says "ubezpieczenie
zdrowotne" leaves readers wondering whether these are two things. The check is
deliberately simple and explainable: a term counts as used in the source when
its Dutch word appears there as a word (any case); the translation is flagged
when it has text but not the approved word. The editor shows the flags as
warnings; they never block a save (a sentence may rightly rephrase).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..safe_html import plain_text
from .models import GlossaryTerm


@dataclass(frozen=True)
class TermDeviation:
    """In ``language``, the text lacks ``approved`` though the Dutch source says ``dutch``."""

    slug: str
    dutch: str
    approved: str
    language: str


def _inflected(word: str) -> str:
    # Most of our languages inflect: Polish "lekarz rodzinny" is "lekarza rodzinnego" after
    # "do", Romanian "medic" is "medicul". A word of five letters or more may change its last
    # two letters and grow an ending; a shorter word only grows one ("ghid", "ghidurile").
    stem = word[:-2] if len(word) >= 5 else word
    return re.escape(stem) + r"\w*"


def mentions(text: str, word: str) -> bool:
    """``word`` (a word or phrase) occurs in ``text``, in any case and any common inflection."""
    pattern = r"\s+".join(_inflected(part) for part in word.split())
    return bool(pattern) and bool(re.search(rf"(?<!\w){pattern}", text, re.IGNORECASE))


def _strings(data: Any) -> Iterable[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in ("id", "type", "url", "website", "email", "phone"):
                yield from _strings(value)
    elif isinstance(data, list):
        for item in data:
            yield from _strings(item)


def readable_text(value: Any) -> str:
    """The words a reader sees in a field value (plain text, rich text or StreamField)."""
    if value is None:
        return ""
    if hasattr(value, "get_prep_value"):  # a StreamField's value: its blocks as JSON
        value = value.get_prep_value()
    return " ".join(plain_text(piece) for piece in _strings(value))


def deviations(
    source: str, translation: str, language: str, terms: Iterable[GlossaryTerm]
) -> list[TermDeviation]:
    """The terms the source uses whose approved word the (non-empty) translation lacks."""
    if not translation.strip():
        return []
    found = []
    for term in terms:
        approved = (getattr(term, f"term_{language}", "") or "").strip()
        if approved and mentions(source, term.term_nl) and not mentions(translation, approved):
            found.append(TermDeviation(term.slug, term.term_nl, approved, language))
    return found


def object_deviations(
    obj: Any, fields: Iterable[str], language: str, terms: Iterable[GlossaryTerm]
) -> list[TermDeviation]:
    """``deviations`` over the translated ``fields`` of one object, read together."""
    fields = tuple(fields)
    source = " ".join(readable_text(getattr(obj, f"{field}_nl", None)) for field in fields)
    translation = " ".join(
        readable_text(getattr(obj, f"{field}_{language}", None)) for field in fields
    )
    return deviations(source, translation, language, terms)


def terms_in(source: str, terms: Iterable[GlossaryTerm]) -> list[GlossaryTerm]:
    """The glossary terms a Dutch text uses: what its translator should look up."""
    return [term for term in terms if mentions(source, term.term_nl)]
