"""How easy the Dutch source text is to read: a hint for the editor who writes it.

Every translation starts from the Dutch text, so a plain source makes all
twelve translations plainer too. The score is Flesch-Douma (the Dutch
adaptation of Flesch reading ease, from ``textstat``); the level beside it is
the usual rough reading of that score, and the longest sentences are the ones
to shorten first. A hint, never a rule: nothing is refused for its score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

# Plain-language guidance for Dutch (B1) keeps sentences under about 15 words.
LONG_SENTENCE_WORDS = 15
SHOWN_SENTENCES = 3
# Flesch-Douma bands (lower bound, how it reads, the rough CEFR level it asks of a reader).
BANDS = (
    (80, _("easy"), "A2"),
    (60, _("fairly easy"), "B1"),
    (45, _("fairly difficult"), "B2"),
    (30, _("difficult"), "C1"),
    (float("-inf"), _("very difficult"), "C2"),
)
# A sentence ends at . ! ? (and a line break: list items and headings end without one).
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True)
class Sentence:
    text: str
    words: int


@dataclass(frozen=True)
class Readability:
    score: float
    description: str
    level: str
    words: int
    longest: list[Sentence]

    @property
    def plain_enough(self) -> bool:
        """B1 or easier: what Dutch government guidance asks of texts for everyone."""
        return self.level in ("A2", "B1")


def _douma():
    # Imported here: textstat loads its word lists and hyphenation dictionaries (some
    # 30 MB per process), needed only by the editor's readability hint, never by the
    # public site and API that every web worker serves.
    from textstat.textstat import textstatistics

    # An instance of our own: textstat's module-level one keeps its language globally.
    stats = textstatistics()
    stats.set_lang("nl")
    return stats


def sentences(text: str) -> list[Sentence]:
    found = []
    for part in SENTENCE_END.split(text):
        part = " ".join(part.split())
        if part:
            found.append(Sentence(part, len(part.split())))
    return found


def readability(text: str) -> Readability | None:
    """The Flesch-Douma score of ``text`` with its level and longest sentences; None if empty."""
    parts = sentences(text)
    if not parts:
        return None
    # textstat counts sentences by their full stops: give every line one.
    joined = " ".join(s.text if s.text[-1] in ".!?" else s.text + "." for s in parts)
    # The formula runs past 0 and 100 for extreme texts; the scale editors know does not.
    score = min(100.0, max(0.0, round(_douma().flesch_reading_ease(joined), 1)))
    description, level = next((d, lvl) for low, d, lvl in BANDS if score >= low)
    longest = sorted(parts, key=lambda s: s.words, reverse=True)[:SHOWN_SENTENCES]
    return Readability(
        score=score,
        description=description,
        level=level,
        words=sum(s.words for s in parts),
        longest=[s for s in longest if s.words > LONG_SENTENCE_WORDS],
    )


def stream_text(value: Any) -> str:
    """A StreamField's readable text, one line per block part (headings, steps, answers)."""
    if not value:
        return ""
    return "\n".join(value.stream_block.get_searchable_content(value))


def dutch_text(page: Any) -> str:
    """The Dutch text a reader meets on the page: title, summary and body."""
    return "\n".join(
        part
        for part in (
            getattr(page, "title_nl", "") or "",
            getattr(page, "summary_nl", "") or "",
            stream_text(getattr(page, "body_nl", None)),
        )
        if part
    )
